"""PostgreSQL full text: a weighted tsvector per entry, with a GIN index (migration 0002).

Each entry's vector is made in the text-search configuration of the language its
text is written in. A language PostgreSQL has no configuration for (Polish…) is
normalised in Python instead (search.analysis), at indexing and at query time, and
its vectors are made with 'simple'. A query plan (search.understanding) becomes one
tsquery per concept, each the union of its alternatives in the configurations of
every language the searched texts may be in; the entries with every required
concept come first, then, when too few have them all, those with most of them.
"""

import functools

from django.db import connection
from django.db.models.expressions import RawSQL

from .. import analysis
from ..models import EntryText

# Snowball configurations by language code; languages without one are stemmed in
# Python (search.analysis) and indexed with PYTHON_STEMMED_CONFIGURATION.
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
PYTHON_STEMMED_CONFIGURATION = "simple"
RELAX_BELOW = 10


@functools.cache
def installed_configurations():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        return frozenset(row[0] for row in cursor.fetchall())


def configuration(language):
    """PostgreSQL's configuration for ``language``, or None: stemmed in Python."""
    name = CONFIGURATIONS.get(analysis.base_language(language))
    return name if name in installed_configurations() else None


def indexed_text(text, language):
    text = analysis.with_joined_compounds(text)
    if not configuration(language):
        return " ".join(analysis.stems(text, language))
    if analysis.base_language(language) == "ar":
        return analysis.arabic_words(text)  # as the Python stemmer reads it too
    return text


def concept_query(concept, text_languages):
    """SQL for a tsquery true for a vector having one alternative of ``concept``: a
    single word also by its stem's longer forms ("diskriminiert", "Diskriminierung")."""
    alternatives = {}
    for language in text_languages:
        config = configuration(language) or PYTHON_STEMMED_CONFIGURATION
        for phrase in concept.phrases:
            if not configuration(language):
                phrase = tuple(analysis.stem(word, language) for word in phrase)
            if len(phrase) == 1 and len(analysis.stem(phrase[0], language)) >= analysis.PREFIX_FROM:
                # Words are \w+: nothing in them can break out of the quotes.
                alternatives[("to_tsquery", config, f"'{phrase[0]}':*")] = None
            else:
                alternatives[("phraseto_tsquery", config, " ".join(phrase))] = None
    sql = " || ".join(f"{function}(%s::regconfig, %s)" for function, _c, _t in alternatives)
    return f"({sql})", [value for _function, *values in alternatives for value in values]


class PostgresBackend:
    name = "postgresql"

    def __init__(self):
        self._thresholds = {}
        self._queries = {}

    def create_texts(self, texts, entries):
        """Insert the text rows with their weighted vectors in one statement (an insert
        then an update would leave a dead row per entry)."""
        columns = ["entry_id", "language", "body", "original", *EntryText.FACET_FIELDS]
        types = {
            "entry_id": "integer",
            "start_year": "smallint",
            "ongoing": "boolean",
            "original": "boolean",
        }
        values = [[getattr(text, column) for text in texts] for column in columns]
        values.append(
            [configuration(e.text_language) or PYTHON_STEMMED_CONFIGURATION for e in entries]
        )
        for field in ("title", "summary", "text_body"):
            values.append([indexed_text(getattr(e, field), e.text_language) for e in entries])
        arrays = ", ".join(f"%s::{types.get(column, 'text')}[]" for column in columns)
        names = ", ".join(columns)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO search_entrytext ({names}, search_vector)"  # noqa: S608
                f" SELECT {names},"
                " setweight(to_tsvector(d.config, d.title), 'A')"
                " || setweight(to_tsvector(d.config, d.summary), 'B')"
                " || setweight(to_tsvector(d.config, d.indexed_body), 'C')"
                f" FROM unnest({arrays}, %s::regconfig[], %s::text[], %s::text[], %s::text[])"
                f" AS d({names}, config, title, summary, indexed_body)",
                values,
            )

    def write(self, entries):
        """The vectors were written with the text rows (create_texts)."""

    def reset(self):
        """The vectors live on the entries' text rows: emptying the entries is enough."""

    def delete(self, page_ids):
        """As above: the text rows go with their entries."""

    # -- matching -------------------------------------------------------------

    def _concepts(self, search):
        """(SQL, params) of each required concept, and of any concept at all: built
        once per search, for the threshold, the match and the ranking."""
        key = (search.plan, search.text_languages)
        if key not in self._queries:
            required = [concept_query(c, search.text_languages) for c in search.plan.required]
            every = [concept_query(c, search.text_languages) for c in search.plan.concepts]
            any_sql = " || ".join(sql for sql, _params in every)
            any_params = [value for _sql, params in every for value in params]
            self._queries[key] = required, (f"({any_sql})", any_params)
        return self._queries[key]

    def _threshold(self, search):
        """How many required concepts the shown entries need: all if enough entries
        have them all, else the plan's minimum, else one rather than none. Asked once
        per search."""
        if len(search.plan.required) == 1:
            return 1  # all, the minimum and one are the same: nothing to count
        key = (search.plan, search.languages, search.text_languages)
        if key not in self._thresholds:
            required, (any_sql, any_params) = self._concepts(search)
            count_sql, count_params = self.matched_count_sql(search, "x")
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT"  # noqa: S608
                    f" COUNT(*) FILTER (WHERE n = %s), COUNT(*) FILTER (WHERE n >= %s)"
                    f" FROM (SELECT {count_sql} AS n FROM search_entrytext AS x"
                    f" WHERE x.language = ANY(%s) AND x.search_vector @@ {any_sql}) AS found",
                    [
                        len(required),
                        search.plan.minimum,
                        *count_params,
                        list(search.languages),
                        *any_params,
                    ],
                )
                complete, most = cursor.fetchone()
            if complete >= RELAX_BELOW:
                self._thresholds[key] = len(required)
            else:
                self._thresholds[key] = search.plan.minimum if most else 1
        return self._thresholds[key]

    def matched_count_sql(self, search, table):
        """SQL (and params) counting the required concepts a row of ``table`` has."""
        required, _any = self._concepts(search)
        sql = " + ".join(f"({table}.search_vector @@ {part})::int" for part, _params in required)
        return f"({sql})", [value for _sql, params in required for value in params]

    def match_sql(self, search, table="search_entrytext"):
        """SQL (and params) true for a text row of ``table`` that the search finds."""
        if not search.plan:
            return "FALSE", []
        _required, (any_sql, any_params) = self._concepts(search)
        minimum = self._threshold(search)
        count_sql, count_params = self.matched_count_sql(search, table)
        return (
            f"({table}.language = ANY(%s) AND {table}.search_vector @@ {any_sql}"
            f" AND {count_sql} >= %s)",
            [list(search.languages), *any_params, *count_params, minimum],
        )

    def match(self, queryset, search):
        # A subquery, not a list of ids: the planner joins it with the facet filters.
        terms, params = self.match_sql(search)
        return queryset.filter(
            page_id__in=RawSQL(f"SELECT entry_id FROM search_entrytext WHERE {terms}", params)  # noqa: S608, S611
        )

    def ranked_ids_where(self, conditions, condition_params, search):
        """Most required concepts first, then ts_rank (title A, summary B, body C),
        over the matching text rows ``m`` that meet ``conditions``, a slice at a time."""
        terms, params = self.match_sql(search, table="m")
        count_sql, count_params = self.matched_count_sql(search, table="m")
        _required, (any_sql, any_params) = self._concepts(search)

        def fetch(offset, limit):
            if not search.plan:
                return []
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT m.entry_id FROM search_entrytext AS m"  # noqa: S608
                    f" WHERE {terms} AND {conditions}"
                    f" ORDER BY {count_sql} DESC, ts_rank(m.search_vector, {any_sql}) DESC,"
                    " m.entry_id DESC LIMIT %s OFFSET %s",
                    [
                        *params,
                        *condition_params,
                        *count_params,
                        *any_params,
                        limit,
                        offset,
                    ],
                )
                return [row[0] for row in cursor.fetchall()]

        return fetch
