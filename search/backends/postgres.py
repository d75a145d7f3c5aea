"""PostgreSQL full text: a weighted tsvector per entry, in the text-search
configuration of the entry's language, with a GIN index (migration 0002)."""

import functools

from django.db import connection
from django.db.models import FloatField, TextField
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
                    "UPDATE search_practiceentry SET search_vector ="
                    " setweight(to_tsvector(%s::regconfig, title), 'A')"
                    " || setweight(to_tsvector(%s::regconfig, summary), 'B')"
                    " || setweight(to_tsvector(%s::regconfig, body), 'C')"
                    " WHERE page_id = ANY(%s)",
                    [config, config, config, ids],
                )

    def reset(self):
        """The vectors live on the entry rows: emptying the entries is enough."""

    def delete(self, page_ids):
        """The vector lives on the entry row: deleting the entry is enough."""

    def _terms(self, text, languages):
        sql, params = [], []
        for language in languages:
            sql.append(
                "(search_practiceentry.language = %s AND search_practiceentry.search_vector"
                " @@ websearch_to_tsquery(%s::regconfig, %s))"
            )
            params += [language, configuration(language), text]
        return "(" + " OR ".join(sql) + ")", params

    def match(self, queryset, text, languages):
        # A subquery of its own, so that the filter holds wherever Django aliases the table.
        terms, params = self._terms(text, languages)
        sql = f"SELECT page_id FROM search_practiceentry WHERE {terms}"  # noqa: S608
        return queryset.filter(page_id__in=RawSQL(sql, params))  # noqa: S611

    def ranked_ids(self, queryset, text, languages):
        cases, params = [], []
        for language in languages:
            cases.append(
                "WHEN %s THEN ts_rank_cd(search_practiceentry.search_vector,"
                " websearch_to_tsquery(%s::regconfig, %s))"
            )
            params += [language, configuration(language), text]
        rank = RawSQL(  # noqa: S611 - user text is a parameter
            "CASE search_practiceentry.language " + " ".join(cases) + " END",
            params,
            output_field=FloatField(),
        )
        ranked = (
            self.match(queryset, text, languages)
            .annotate(rank=rank)
            .order_by("-rank", "-published_at", "-page_id")
            .values_list("page_id", flat=True)
        )

        def fetch(offset, limit):
            return list(ranked[offset : offset + limit])

        return fetch

    def excerpt(self, text, languages):
        """ts_headline of the entry's summary and body: annotate the entries on screen only."""
        cases, params = [], []
        for language in languages:
            cases.append("WHEN %s THEN %s::regconfig")
            params += [language, configuration(language)]
        config = "CASE search_practiceentry.language " + " ".join(cases) + " END"
        return RawSQL(  # noqa: S611 - user text is a parameter
            f"ts_headline({config}, search_practiceentry.summary || ' '"
            f" || search_practiceentry.body, websearch_to_tsquery({config}, %s), %s)",
            [*params, *params, text, HEADLINE_OPTIONS],
            output_field=TextField(),
        )
