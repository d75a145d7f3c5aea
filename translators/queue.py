"""The translation queue: the state of every source item in every other language.

``refresh()`` recomputes the TranslationTask rows of some items (or of all)
with a fixed number of queries, whatever the number of items: each kind of
fact (sources, targets, translations, strings, logs, reviews) is fetched once
for all items, and the rows are replaced in one transaction.
"""

from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from partners.models import PartnerPage

from .models import TranslationTask

State = TranslationTask.State


class Item:
    """A source page or snippet and its versions in other languages."""

    def __init__(
        self, translation_key, content_type_id, pk, title, is_page, partner_id, changed_at
    ):
        self.translation_key = translation_key
        self.content_type_id = content_type_id
        self.pk = str(pk)
        self.title = title[:255]
        self.is_page = is_page
        self.partner_id = partner_id
        self.changed_at = changed_at
        self.targets = {}  # locale id -> (pk, is draft-only)


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def collect_items(source_locale, keys):
    items = {}
    pages = Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True, live=True)
    if keys is not None:
        pages = pages.filter(translation_key__in=keys)
    pages = list(
        pages.values_list(
            "translation_key", "content_type_id", "id", "title", "path", "last_published_at"
        )
    )
    partner_paths = dict(PartnerPage.objects.filter(locale=source_locale).values_list("path", "id"))
    for key, content_type_id, pk, title, path, changed_at in pages:
        partner_id = next(
            (
                partner_paths[path[:length]]
                for length in range(len(path), 0, -Page.steplen)
                if path[:length] in partner_paths
            ),
            None,
        )
        items[key] = Item(key, content_type_id, pk, title, True, partner_id, changed_at)
    for model in translatable_snippet_models():
        content_type_id = ContentType.objects.get_for_model(model).pk
        snippets = model.objects.filter(locale=source_locale)
        if keys is not None:
            snippets = snippets.filter(translation_key__in=keys)
        for snippet in snippets:
            changed_at = getattr(snippet, "last_published_at", None)
            items[snippet.translation_key] = Item(
                snippet.translation_key,
                content_type_id,
                snippet.pk,
                str(snippet),
                False,
                None,
                changed_at,
            )
    return items


def collect_targets(items, source_locale):
    keys = list(items)
    for key, locale_id, pk, alias_of in (
        Page.objects.filter(translation_key__in=keys)
        .exclude(locale=source_locale)
        .values_list("translation_key", "locale_id", "id", "alias_of_id")
    ):
        if alias_of is None:  # an alias shows the source text: nothing translated yet
            items[key].targets[locale_id] = pk
    for model in translatable_snippet_models():
        for key, locale_id, pk in (
            model.objects.filter(translation_key__in=keys)
            .exclude(locale=source_locale)
            .values_list("translation_key", "locale_id", "pk")
        ):
            items[key].targets[locale_id] = pk


def refresh(keys=None):
    """Recompute the tasks of the items with these translation keys, or of every item."""
    source_locale = Locale.get_default()
    locales = list(Locale.objects.exclude(pk=source_locale.pk).values_list("pk", flat=True))
    items = collect_items(source_locale, keys)
    collect_targets(items, source_locale)

    sources = dict(
        TranslationSource.objects.filter(
            object_id__in=list(items), locale=source_locale
        ).values_list("id", "object_id")
    )
    translations = {
        (sources[source_id], locale_id): translation_id
        for translation_id, source_id, locale_id in Translation.objects.filter(
            source_id__in=list(sources), enabled=True
        ).values_list("id", "source_id", "target_locale_id")
    }
    segments = defaultdict(set)  # translation key -> {(string, context)}
    for source_id, string_id, context_id in StringSegment.objects.filter(
        source_id__in=list(sources)
    ).values_list("source_id", "string_id", "context_id"):
        segments[sources[source_id]].add((string_id, context_id))
    contexts = {context for pairs in segments.values() for _string, context in pairs}
    translated = Counter()
    context_keys = {context: key for key, pairs in segments.items() for _string, context in pairs}
    for string_id, context_id, locale_id in StringTranslation.objects.filter(
        context_id__in=list(contexts)
    ).values_list("translation_of_id", "context_id", "locale_id"):
        key = context_keys[context_id]
        if (string_id, context_id) in segments[key]:
            translated[(key, locale_id)] += 1
    synced = {
        (sources[source_id], locale_id): when
        for source_id, locale_id, when in TranslationLog.objects.filter(source_id__in=list(sources))
        .values("source_id", "locale_id")
        .annotate(when=Max("created_at"))
        .values_list("source_id", "locale_id", "when")
    }
    target_pages = [pk for item in items.values() if item.is_page for pk in item.targets.values()]
    in_review = {
        int(object_id)
        for object_id in WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in target_pages],
        ).values_list("object_id", flat=True)
    }

    rows = []
    for key, item in items.items():
        total = len(segments.get(key, ()))
        for locale_id in locales:
            target = item.targets.get(locale_id)
            translation_id = translations.get((key, locale_id))
            done = translated[(key, locale_id)]
            progress = round(100 * done / total) if total else (100 if target else 0)
            if target is None:
                state = State.IN_PROGRESS if translation_id else State.MISSING
            elif item.is_page and target in in_review:
                state = State.AWAITING_REVIEW
            elif (
                item.changed_at
                and (last := synced.get((key, locale_id)))
                and item.changed_at > last
            ):
                state = State.OUTDATED
            elif translation_id and progress < 100:
                state = State.IN_PROGRESS
            else:
                state = State.DONE
            rows.append(
                TranslationTask(
                    translation_key=key,
                    content_type_id=item.content_type_id,
                    source_object_id=item.pk,
                    title=item.title,
                    is_page=item.is_page,
                    partner_id=item.partner_id,
                    locale_id=locale_id,
                    state=state,
                    progress=progress if target or translation_id else 0,
                    source_changed_at=item.changed_at,
                    target_object_id=str(target or ""),
                    translation_id=translation_id,
                )
            )
    save(rows, keys)
    return len(rows)


FIELDS = [
    "content_type",
    "source_object_id",
    "title",
    "is_page",
    "partner",
    "state",
    "progress",
    "source_changed_at",
    "target_object_id",
    "translation",
]


@transaction.atomic
def save(rows, keys):
    """Update the rows in place, so that links to a task keep working."""
    existing = TranslationTask.objects.all()
    if keys is not None:
        existing = existing.filter(translation_key__in=list(keys))
    known = {
        (str(key), locale_id): (pk, state, since)
        for pk, key, locale_id, state, since in existing.values_list(
            "pk", "translation_key", "locale_id", "state", "state_changed_at"
        )
    }
    now = timezone.now()
    new, changed = [], []
    for row in rows:
        pk, state, since = known.pop((str(row.translation_key), row.locale_id), (None, None, now))
        row.pk = pk
        row.state_changed_at = since if state == row.state else now
        (changed if pk else new).append(row)
    TranslationTask.objects.filter(pk__in=[pk for pk, _state, _since in known.values()]).delete()
    TranslationTask.objects.bulk_update(changed, [*FIELDS, "state_changed_at"], batch_size=500)
    TranslationTask.objects.bulk_create(new, batch_size=500)
