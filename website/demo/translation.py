"""Translations of demo content through wagtail-localize's own records.

Each translation gets a TranslationSource, a Translation and one
StringTranslation per segment, exactly as if a translator had typed it in
the translation editor, so the translation status shown in the admin is real.
"""

from django.db import transaction
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

TOOL_NAME = "Convivium demo content"


def translate(instance, locale, pairs):
    """Translate ``instance`` into ``locale`` using ``pairs`` (English text → translation).

    Segments without a pair keep the English text and stay untranslated in the
    editor's progress. One transaction per translation: wagtail-localize
    publishes page translations when the transaction commits.
    """
    with transaction.atomic():
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            text = pairs.get(StringValue(segment.string.data).render_text().strip())
            if text is None:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": StringValue.from_plaintext(text).data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": TOOL_NAME,
                },
            )
        translation.save_target(publish=True)
    return instance.get_translation(locale)
