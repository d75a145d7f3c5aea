"""Updating translations from their source without losing anyone's work.

wagtail-localize keeps every translated text whose source did not change. It
does however overwrite a translated page that someone edited by hand since
its last update. Such pages are left as they are here, and named, so that a
translator can bring the edit into the translation editor first.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import TranslationLog
from wagtail_localize.views.edit_translation import apply_machine_translation
from wagtail_localize.views.update_translations import UpdateTranslationsView


def edited_by_hand(translation):
    """True when the translated page has a revision that no update of this translation made."""
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return False
    if not isinstance(target, Page) or target.latest_revision_id is None:
        return False
    last_update = (
        TranslationLog.objects.filter(source=translation.source, locale=translation.target_locale)
        .order_by("-created_at")
        .first()
    )
    if last_update is None or last_update.revision_id is None:
        return False
    return target.latest_revision_id != last_update.revision_id and (
        target.latest_revision.created_at > last_update.created_at
    )


class SafeUpdateTranslationsView(UpdateTranslationsView):
    def form_valid(self, form):
        self.object.update_from_db()
        translations = list(
            self.object.translations.filter(enabled=True).select_related("target_locale")
        )
        kept = [translation for translation in translations if edited_by_hand(translation)]
        updatable = [translation for translation in translations if translation not in kept]

        if form.cleaned_data.get("use_machine_translation"):
            machine_translator = get_machine_translator()
            for translation in updatable:
                apply_machine_translation(translation.id, self.request.user, machine_translator)
        for translation in updatable:
            with contextlib.suppress(ValidationError):
                if form.cleaned_data["publish_translations"]:
                    translation.save_target(user=self.request.user, publish=True)
                else:
                    translation.source.update_target_view_restrictions(translation.target_locale)

        self.components.save(self.object, sources_and_translations={self.object: updatable})
        messages.success(self.request, self.get_success_message())
        if kept:
            messages.warning(
                self.request,
                _(
                    "Not updated, because someone edited them by hand since their last update: "
                    "%(languages)s. Bring those edits into the translation editor, then update."
                )
                % {"languages": ", ".join(t.target_locale.get_display_name() for t in kept)},
            )
        return redirect(self.get_success_url() or self.get_default_success_url())
