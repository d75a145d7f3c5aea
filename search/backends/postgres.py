"""PostgreSQL full text: a weighted tsvector per entry, in the text-search
configuration of the entry's language, with a GIN index (migration 0002)."""

import functools

from django.db import connection
from django.db.models import TextField
from django.db.models.expressions import RawSQL

from website.fallbacks import fallback_order

from ..arabic import split_clitics, strip_clitics
from ..models import EntryText
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


def text_configurations(language):
    """The configurations of the texts an entry of ``language`` may be in: its own, and
    those of the languages its aliases show (website.fallbacks), English last."""
    codes = [language, *fallback_order(language)]
    return list(dict.fromkeys(configuration(code) for code in codes))


def query_terms(text, languages, table="search_entrytext"):
    """SQL true for a row of ``table`` whose vector matches ``text`` in its language."""
    text = strip_clitics(text)
    parts, params = [], []
    for code in languages:
        configs = text_configurations(code)
        either = " || ".join("websearch_to_tsquery(%s::regconfig, %s)" for _config in configs)
        parts.append(f"({table}.language = %s AND {table}.search_vector @@ ({either}))")
        params += [code, *[value for config in configs for value in (config, text)]]
    return f"({' OR '.join(parts)})", params


def config_case(languages, column):
    sql = " ".join("WHEN %s THEN %s::regconfig" for _language in languages)
    params = [value for code in languages for value in (code, configuration(code))]
    return f"CASE {column} {sql} END", params


class PostgresBackend:
    name = "postgresql"

    def create_texts(self, texts, entries):
        """Insert the text rows with their weighted vectors in one statement (an insert
        then an update would leave a dead row per entry), from the texts as prepared
        for indexing: Arabic prefixes set apart, see search.arabic."""
        columns = ["entry_id", "language", "body", "original", *EntryText.FACET_FIELDS]
        types = {
            "entry_id": "integer",
            "start_year": "smallint",
            "ongoing": "boolean",
            "original": "boolean",
        }
        values = [[getattr(text, column) for text in texts] for column in columns]
        values.append([configuration(entry.text_language) for entry in entries])
        values.append([split_clitics(entry.title) for entry in entries])
        values.append([split_clitics(entry.summary) for entry in entries])
        arrays = ", ".join(f"%s::{types.get(column, 'text')}[]" for column in columns)
        names = ", ".join(columns)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO search_entrytext ({names}, search_vector)"  # noqa: S608
                f" SELECT {names},"
                " setweight(to_tsvector(d.config, d.title), 'A')"
                " || setweight(to_tsvector(d.config, d.summary), 'B')"
                " || setweight(to_tsvector(d.config, d.body), 'C')"
                f" FROM unnest({arrays}, %s::regconfig[], %s::text[], %s::text[])"
                f" AS d({names}, config, title, summary)",
                values,
            )

    def write(self, entries):
        """The vectors were written with the text rows (create_texts)."""

    def reset(self):
        """The vectors live on the entries' text rows: emptying the entries is enough."""

    def delete(self, page_ids):
        """As above: the text rows go with their entries."""

    def match_sql(self, text, languages, table="search_entrytext"):
        """SQL (and params) true for a text row of ``table`` that matches ``text``."""
        return query_terms(text, languages, table=table)

    def match(self, queryset, text, languages):
        # A subquery, not a list of ids: the planner joins it with the facet filters
        # and nothing as long as the number of matches travels between processes.
        terms, params = query_terms(text, languages)
        return queryset.filter(
            page_id__in=RawSQL(f"SELECT entry_id FROM search_entrytext WHERE {terms}", params)  # noqa: S608, S611
        )

    def ranked_ids_where(self, conditions, condition_params, text, languages):
        """ts_rank over the matching text rows ``m`` that meet ``conditions`` (on the
        facet values they carry), one slice at a time: no join to the entries.
        ts_rank_cd ranks the same demo queries as well and takes 2.5 times as long."""
        terms, params = query_terms(text, languages, table="m")
        config, config_params = config_case(languages, "m.language")
        words = strip_clitics(text)

        def fetch(offset, limit):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT m.entry_id FROM search_entrytext AS m"  # noqa: S608
                    f" WHERE {terms} AND {conditions}"
                    f" ORDER BY ts_rank(m.search_vector, websearch_to_tsquery({config}, %s))"
                    " DESC, m.entry_id DESC LIMIT %s OFFSET %s",
                    [*params, *condition_params, *config_params, words, limit, offset],
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
            [*params, *params, strip_clitics(text), HEADLINE_OPTIONS],
            output_field=TextField(),
        )
