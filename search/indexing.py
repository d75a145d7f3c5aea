"""Keeping the practice index current: entries built from live, public practice pages."""

import contextvars
import datetime
import html
import logging
import unicodedata
from collections import Counter

from django.db import connection, transaction
from django.utils.html import strip_tags

from practices.models import PracticePage
from website.fallbacks import original_of

from . import analysis
from .arabic import split_clitics
from .backends import SearchUnavailable, get_backend
from .models import EntryTerm, EntryText, IndexedWord, PracticeEntry
from .query import index_changed

NEVER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
SECTIONS = ("context", "approach", "results", "lessons_learned", "transferability")
BATCH_SIZE = 500
logger = logging.getLogger(__name__)
MAX_WORD_LENGTH = 100  # IndexedWord.word


def normalise(text):
    """Lower case without accents: how titles are compared for suggestions."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).strip()


def plain_text(rich_text):
    return " ".join(html.unescape(strip_tags(rich_text or "")).split())


def indexable_practices():
    """Live public practices, with all an entry needs in a fixed number of queries.

    The aliases that show a practice in the languages it has no translation in are
    entries of those languages too, so that every language lists, counts and finds
    the whole network; their text is the original's, in its language.
    """
    return (
        PracticePage.objects.live()
        .public()
        .select_related("alias_of__locale", "in_review__shows__locale")
        .with_taxonomy()
    )


def text_language(page):
    """The language the page's text is written in: its original's, for a fallback."""
    return original_of(page).locale.language_code


def build_entry(page):
    themes = [item.theme for item in page.practice_themes.all()]
    groups = [item.target_group for item in page.practice_target_groups.all()]
    partner = page.partner
    body = [plain_text(getattr(page, name)) for name in SECTIONS]
    body += [term.name for term in themes + groups]
    if partner is not None:
        body += [partner.title, partner.city]
    entry = PracticeEntry(
        page_id=page.pk,
        language=page.locale.language_code,
        text_language=text_language(page),
        translation_key=page.translation_key,
        title=page.title,
        normalised_title=normalise(page.title)[:255],
        summary=page.summary,
        theme_slugs=" ".join(theme.slug for theme in themes)[:1000],
        group_slugs=" ".join(group.slug for group in groups)[:1000],
        country=str(partner.country) if partner else "",
        partner_slug=partner.slug if partner else "",
        organisation_type=partner.organisation_type if partner else "",
        start_year=page.start_date.year if page.start_date else None,
        ongoing=page.ongoing or not page.end_date,
        # Never empty, so that the newest-first order reads its index on every database.
        published_at=page.first_published_at or page.last_published_at or NEVER,
    )
    language = entry.language
    terms = [
        EntryTerm(entry=entry, language=language, kind=EntryTerm.Kind.THEME, slug=theme.slug)
        for theme in themes
    ]
    terms += [
        EntryTerm(entry=entry, language=language, kind=EntryTerm.Kind.TARGET_GROUP, slug=g.slug)
        for g in groups
    ]
    entry.text_body = " ".join(part for part in body if part)  # see EntryText
    entry.term_list = terms  # for backends that store the terms with the text
    return entry, terms


def write(pages, backend=None):
    """(Re)index these pages, which must be indexable; returns how many."""
    backend = backend or get_backend()
    built = [build_entry(page) for page in pages]
    if not built:
        return 0
    entries = [entry for entry, _terms in built]
    ids = [entry.page_id for entry in entries]
    with transaction.atomic():
        words = _words_of(entries)
        words.subtract(_indexed_words(ids))
        count_words(words)
        PracticeEntry.objects.filter(page_id__in=ids).delete()
        PracticeEntry.objects.bulk_create(entries)
        texts = [
            EntryText(
                entry=e,
                language=e.language,
                body=split_clitics(e.text_body),  # as indexed, for excerpts
                original=e.language == e.text_language,
                **{name: getattr(e, name) for name in EntryText.FACET_FIELDS},
            )
            for e in entries
        ]
        if hasattr(backend, "create_texts"):  # the rows and their full-text data at once
            backend.create_texts(texts, entries)
        else:
            EntryText.objects.bulk_create(texts)
        EntryTerm.objects.bulk_create([term for _entry, terms in built for term in terms])
        to_engine(backend.write, entries, ids)
    index_changed()
    return len(entries)


# The vocabulary of the index (search.vocabulary): how many entries have each word.


def _entry_words(texts, language):
    """The distinct (language, word, stem) of one entry's texts."""
    found = set()
    for text in texts:
        for word in analysis.words(analysis.with_joined_compounds(text), language):
            folded = analysis.fold(word)
            if len(folded) <= MAX_WORD_LENGTH and not folded.isdigit():
                found.add((language, folded, analysis.stem(word, language)))
    return found


def _words_of(entries):
    counts = Counter()
    for entry in entries:
        texts = (entry.title, entry.summary, entry.text_body)
        counts.update(_entry_words(texts, entry.text_language))
    return counts


def _indexed_words(page_ids):
    """The word counts of the entries now in the index for these pages."""
    counts = Counter()
    rows = PracticeEntry.objects.filter(page_id__in=page_ids).values_list(
        "title", "summary", "text__body", "text_language"
    )
    for title, summary, body, language in rows.iterator():
        counts.update(_entry_words((title, summary, body or ""), language))
    return counts


def count_words(changes):
    """Add ``changes`` ({(language, word, stem): entries more or fewer}) to the vocabulary."""
    table = IndexedWord._meta.db_table
    added = [(*key, change) for key, change in changes.items() if change > 0]
    removed = [(change, change, *key[:2]) for key, change in changes.items() if change < 0]
    with connection.cursor() as cursor:
        if added:
            cursor.executemany(
                f"INSERT INTO {table} (language, word, stem, entries) VALUES (%s, %s, %s, %s)"  # noqa: S608
                f" ON CONFLICT (language, word) DO UPDATE SET entries = {table}.entries"
                " + excluded.entries",
                added,
            )
        if removed:
            cursor.executemany(
                f"UPDATE {table} SET entries = CASE WHEN entries + %s > 0"  # noqa: S608
                " THEN entries + %s ELSE 0 END WHERE language = %s AND word = %s",
                removed,
            )
            IndexedWord.objects.filter(entries=0).delete()


def update(page_ids):
    """Bring the entries of these practices in line with their pages: index or remove."""
    page_ids = set(page_ids)
    if not page_ids:
        return
    pages = list(indexable_practices().filter(pk__in=page_ids))
    write(pages)
    remove(page_ids - {page.pk for page in pages})


def remove(page_ids):
    page_ids = list(page_ids)
    if page_ids:
        words = Counter()
        words.subtract(_indexed_words(page_ids))
        count_words(words)
        PracticeEntry.objects.filter(page_id__in=page_ids).delete()
        to_engine(get_backend().delete, page_ids, page_ids)
        index_changed()


def update_subtree(page):
    """Practices at or under ``page`` (a partner's country or a privacy setting changed)."""
    ids = PracticePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    update(list(ids))


def rebuild(progress=None, batch_size=BATCH_SIZE):
    """Empty the index and index every live public practice, ``progress(done, total)``."""
    backend = get_backend()
    PracticeEntry.objects.all().delete()
    IndexedWord.objects.all().delete()
    backend.reset()
    index_changed()
    ids = list(indexable_practices().order_by("pk").values_list("pk", flat=True))
    total, done = len(ids), 0
    for start in range(0, total, batch_size):
        chunk = ids[start : start + batch_size]
        done += write(indexable_practices().filter(pk__in=chunk), backend)
        if progress:
            progress(done, total)
    return done


# The search engine (Elasticsearch) may be unreachable when a page is published: the
# publication and the database's entries stand, and the engine is brought in line by a
# task, tried again with growing waits; repair_search_index finds whatever is left.


_engine_errors_raise = contextvars.ContextVar("engine_errors_raise", default=False)


def to_engine(operation, argument, page_ids):
    try:
        operation(argument)
    except SearchUnavailable as error:
        if _engine_errors_raise.get():  # a retry: its task decides when to try again
            raise
        logger.warning("The search engine missed practices %s: %s", sorted(page_ids), error)
        ids = sorted(page_ids)
        transaction.on_commit(lambda: queue_engine_sync(ids))


def queue_engine_sync(page_ids, attempt=0):
    from .tasks import ENGINE_RETRY_SECONDS, sync_engine

    task = sync_engine
    if attempt:
        if attempt > len(ENGINE_RETRY_SECONDS) or not task.get_backend().supports_defer:
            logger.error(
                "The search engine still misses practices %s: run repair_search_index", page_ids
            )
            return
        wait = datetime.timedelta(seconds=ENGINE_RETRY_SECONDS[attempt - 1])
        task = task.using(run_after=datetime.datetime.now(datetime.UTC) + wait)
    task.enqueue(list(page_ids), attempt)


def sync_engine(page_ids):
    """Index these practices again, in the database and the engine; raises SearchUnavailable."""
    token = _engine_errors_raise.set(True)
    try:
        update(page_ids)
    finally:
        _engine_errors_raise.reset(token)


def repair(dry_run=False, progress=None, batch_size=BATCH_SIZE):
    """Find, and unless ``dry_run`` mend, what the index lacks or holds in excess.

    Returns the page ids of each kind: practices without an entry, entries of pages
    that are no longer live and public, and (with a search engine that can list
    what it holds) practices the engine lacks or keeps after their entry went.
    """
    indexable = set(indexable_practices().values_list("pk", flat=True))
    entered = set(PracticeEntry.objects.values_list("page_id", flat=True))
    found = {"unindexed": indexable - entered, "stale": entered - indexable}
    backend = get_backend()
    if hasattr(backend, "indexed_page_ids"):
        in_engine = backend.indexed_page_ids()
        kept = entered - found["stale"]
        found["missing_from_engine"] = kept - in_engine - found["unindexed"]
        found["extra_in_engine"] = in_engine - entered
    if dry_run:
        return found
    todo = sorted(found["unindexed"])
    total, done = len(todo), 0
    for start in range(0, total, batch_size):
        done += write(indexable_practices().filter(pk__in=todo[start : start + batch_size]))
        if progress:
            progress(done, total)
    remove(found["stale"])
    missing = sorted(found.get("missing_from_engine", ()))
    for start in range(0, len(missing), batch_size):
        sync_engine(missing[start : start + batch_size])
    if found.get("extra_in_engine"):
        backend.delete(sorted(found["extra_in_engine"]))
    return found
