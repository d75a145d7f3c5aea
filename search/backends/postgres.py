"""PostgreSQL full text: a weighted tsvector per entry, in the text-search
configuration of the entry's language, with a GIN index (migration 0002)."""

import functools

from django.db import connection
from django.db.models import TextField
from django.db.models.expressions import RawSQL

from . import MARK_END, MARK_START

# Snowball configurations by language code; languages without one (Polish…) use
# FALLBACK_CONFIGURATION, 'simple' with unaccent, created by migration 0002.
CONFIGURATIONS = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}
FALLBACK_CONFIGURATION = "convivium_simple"
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


@functools.cache
def installed_configurations():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        return frozenset(row[0] for row in cursor.fetchall())


def configuration(language):
    installed = installed_configurations()
    name = CONFIGURATIONS.get(language.split("-")[0])
    if name in installed:
        return name
    return FALLBACK_CONFIGURATION if FALLBACK_CONFIGURATION in installed else "simple"


def query_terms(text, languages, table="search_entrytext"):
    """SQL true for a row of ``table`` whose vector matches ``text`` in its language."""
    sql = " OR ".join(
        f"({table}.language = %s AND {table}.search_vector"
        " @@ websearch_to_tsquery(%s::regconfig, %s))"
        for _language in languages
    )
    params = [value for code in languages for value in (code, configuration(code), text)]
    return f"({sql})", params


def config_case(languages, column):
    sql = " ".join("WHEN %s THEN %s::regconfig" for _language in languages)
    params = [value for code in languages for value in (code, configuration(code))]
    return f"CASE {column} {sql} END", params


class PostgresBackend:
    name = "postgresql"

    def write(self, entries):
        by_language = {}
        for entry in entries:
            by_language.setdefault(entry.language, []).append(entry.pk)
        with connection.cursor() as cursor:
            for language, ids in by_language.items():
                config = configuration(language)
                cursor.execute(
                    "UPDATE search_entrytext AS t SET search_vector ="
                    " setweight(to_tsvector(%s::regconfig, e.title), 'A')"
                    " || setweight(to_tsvector(%s::regconfig, e.summary), 'B')"
                    " || setweight(to_tsvector(%s::regconfig, t.body), 'C')"
                    " FROM search_practiceentry AS e"
                    " WHERE e.page_id = t.entry_id AND t.entry_id = ANY(%s)",
                    [config, config, config, ids],
                )

    def reset(self):
        """The vectors live on the entries' text rows: emptying the entries is enough."""

    def delete(self, page_ids):
        """As above: the text rows go with their entries."""

    def __init__(self):
        self._matches = {}

    def matched_ids(self, text, languages):
        """The ids of the entries matching ``text``, asked once per search: the
        facet counts then filter on the list instead of matching again."""
        key = (text, tuple(languages))
        if key not in self._matches:
            terms, params = query_terms(text, languages)
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT entry_id FROM search_entrytext WHERE {terms}", params)  # noqa: S608
                self._matches[key] = [row[0] for row in cursor.fetchall()]
        return self._matches[key]

    def match(self, queryset, text, languages):
        ids = self.matched_ids(text, languages)
        return queryset.filter(page_id__in=RawSQL("SELECT unnest(%s::integer[])", [ids]))  # noqa: S611

    def ranked_ids(self, queryset, text, languages):
        """ts_rank over the matching rows of the filtered set, one slice at a time
        (ts_rank_cd ranks the same demo queries as well and takes 2.5 times as long)."""
        terms, params = query_terms(text, languages, table="t")
        config, config_params = config_case(languages, "t.language")
        inner, inner_params = queryset.order_by().values("page_id").query.sql_with_params()

        def fetch(offset, limit):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT t.entry_id FROM search_entrytext AS t"  # noqa: S608
                    f" WHERE {terms} AND t.entry_id IN ({inner})"
                    f" ORDER BY ts_rank(t.search_vector, websearch_to_tsquery({config}, %s))"
                    " DESC, t.entry_id DESC LIMIT %s OFFSET %s",
                    [*params, *inner_params, *config_params, text, limit, offset],
                )
                return [row[0] for row in cursor.fetchall()]

        return fetch

    def excerpt(self, text, languages):
        """ts_headline of the entry's summary and body, for the entries on screen only."""
        config, params = config_case(languages, "t.language")
        return RawSQL(  # noqa: S611 - user text is a parameter
            f"(SELECT ts_headline({config}, search_practiceentry.summary || ' ' || t.body,"  # noqa: S608
            f" websearch_to_tsquery({config}, %s), %s) FROM search_entrytext AS t"
            " WHERE t.entry_id = search_practiceentry.page_id)",
            [*params, *params, text, HEADLINE_OPTIONS],
            output_field=TextField(),
        )
