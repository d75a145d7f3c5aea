"""SQLite full text: one FTS5 table (migration 0005), rowid = page id.

SQLite stems no language but English, and that one badly, so ``search_fts`` holds
the words as :mod:`search.analysis` normalises them in Python, each entry in the
language of its text: folded and stemmed. A query plan (:mod:`search.understanding`)
is matched concept by concept, in the stems of every language the searched texts
may be in; the entries that have every required concept come first, then, when
too few do, those that have most of them. Within each, bm25 ranks (title 10,
summary 4, body 1).
"""

import json

from django.db import connection
from django.db.models.expressions import RawSQL

from .. import analysis

TABLE = "search_fts"


def language_token(language):
    """The token of the language column: a word no text has ("langen", "langptbr")."""
    return "lang" + "".join(char for char in language.lower() if char.isalnum())


def in_texts(expression):
    """The expression matched in the texts, not in the language column."""
    return f"{{title summary body}} : ({expression})"


def in_languages(expression, languages):
    tokens = " OR ".join(f'"{language_token(code)}"' for code in languages)
    return f"{in_texts(expression)} AND language : ({tokens})"


# Fewer results than this with every word, and the weaker matches follow.
RELAX_BELOW = 10


def phrase_stems(phrase, languages):
    """The stem sequences of a phrase in each language, without repeats."""
    return list(
        dict.fromkeys(tuple(analysis.stem(word, code) for word in phrase) for code in languages)
    )


def concept_expression(concept, languages):
    """An FTS5 expression true for a text having one alternative of ``concept``: a
    single word also by its stem's longer forms ("diskriminiert", "Diskriminierung")."""
    alternatives = []
    for phrase in concept.phrases:
        for stems in phrase_stems(phrase, languages):
            if len(stems) == 1 and len(stems[0]) >= analysis.PREFIX_FROM:
                alternatives.append(f'"{stems[0]}"*')
            elif stems:
                alternatives.append('"' + " ".join(stems) + '"')
    alternatives = list(dict.fromkeys(alternatives))
    return "(" + " OR ".join(alternatives) + ")" if alternatives else ""


def any_expression(plan, languages):
    """True for a text having any required concept of the plan, for bm25 over them.
    Not the stop words, which SQLite's table holds: they would rank every text."""
    parts = [concept_expression(concept, languages) for concept in plan.required]
    return " OR ".join(part for part in parts if part)


def relaxed(counts, plan):
    """Of {page id: required concepts it has}, those the search shows: every concept
    if enough have them all, else the plan's minimum, else any one rather than none."""
    required = len(plan.required)
    complete = {pk: n for pk, n in counts.items() if n == required}
    if len(complete) >= RELAX_BELOW:
        return complete
    most = {pk: n for pk, n in counts.items() if n >= plan.minimum}
    return most or counts


class SQLiteBackend:
    name = "sqlite"

    def __init__(self):
        self._matches = {}

    # -- writing --------------------------------------------------------------

    def write(self, entries):
        entries = list(entries)
        self.delete([entry.pk for entry in entries])
        rows = [
            (
                entry.pk,
                *[
                    " ".join(analysis.stems(analysis.with_joined_compounds(text), language))
                    for text in (entry.title, entry.summary, entry.text_body)
                ],
                language_token(entry.language),
            )
            for entry in entries
            for language in [entry.text_language]
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, summary, body, language)"  # noqa: S608
                " VALUES (%s, %s, %s, %s, %s)",
                rows,
            )

    def reset(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608

    def delete(self, page_ids):
        page_ids = list(page_ids)
        with connection.cursor() as cursor:
            for start in range(0, len(page_ids), 500):
                chunk = page_ids[start : start + 500]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({marks})", chunk)  # noqa: S608

    # -- matching -------------------------------------------------------------

    def concepts_matched(self, search):
        """{page id: how many required concepts it has}, for the searched entries that
        have at least the plan's minimum; asked once per search, counted in SQL."""
        key = (search.plan, search.languages, search.text_languages)
        if key not in self._matches:
            expressions = [
                in_languages(expression, search.languages)
                for concept in search.plan.required
                if (expression := concept_expression(concept, search.text_languages))
            ]
            counts = {}
            if expressions:
                each = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"  # noqa: S608
                union = " UNION ALL ".join([each] * len(expressions))
                sql = f"SELECT rowid, COUNT(*) FROM ({union}) GROUP BY rowid"  # noqa: S608
                with connection.cursor() as cursor:
                    cursor.execute(sql, expressions)
                    counts = dict(cursor.fetchall())
            shown = relaxed(counts, search.plan)
            self._matches[key] = shown, json.dumps(list(shown))
        return self._matches[key][0]

    def match(self, queryset, search):
        if not self.concepts_matched(search):
            # Not queryset.none(), whose SQL cannot be built, and the counts and the
            # ranking build on this SQL.
            return queryset.filter(page_id__in=RawSQL("SELECT NULL WHERE 0", []))  # noqa: S611
        ids = self._matches[(search.plan, search.languages, search.text_languages)][1]
        return queryset.filter(page_id__in=RawSQL("SELECT value FROM json_each(%s)", [ids]))  # noqa: S611

    def ranked_ids(self, queryset, search):
        """Every required concept first, then most of them; bm25 within each."""
        counts = self.concepts_matched(search)
        expression = any_expression(search.plan, search.text_languages)
        expression = in_texts(expression) if expression else ""
        inner, params = queryset.order_by().values("page_id").query.sql_with_params()
        required = [concept_expression(c, search.text_languages) for c in search.plan.required]
        if counts and set(counts.values()) == {len(required)} and all(required):
            # Every result has every concept: SQLite ranks and slices, as for one word.
            every = in_texts(" AND ".join(f"({part})" for part in required))

            def fetch_every(offset, limit):
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"  # noqa: S608
                        f" AND +rowid IN ({inner}) ORDER BY rank, rowid DESC LIMIT %s OFFSET %s",
                        [every, *params, limit, offset],
                    )
                    return [row[0] for row in cursor.fetchall()]

            return fetch_every

        tiers = sorted(set(counts.values()), reverse=True)
        members = {n: json.dumps([pk for pk, k in counts.items() if k == n]) for n in tiers}

        def tier_sql(n, ranked):
            """The rows of ``inner`` with exactly ``n`` concepts, best first if ``ranked``."""
            order = " ORDER BY rank, rowid DESC LIMIT %s OFFSET %s" if ranked else ""
            return (
                f"SELECT {'rowid' if ranked else 'COUNT(*)'} FROM {TABLE}"  # noqa: S608
                f" WHERE {TABLE} MATCH %s AND +rowid IN (SELECT value FROM json_each(%s))"
                f" AND +rowid IN ({inner}){order}",  # "+": not a rowid lookup per id
                [expression, members[n], *params],
            )

        def fetch(offset, limit):
            """A tier at a time, most concepts first: bm25 ranks only the tiers the
            page reaches, in SQL, as it would rank the whole set."""
            if not counts or not expression or limit <= 0:
                return []
            ids = []
            with connection.cursor() as cursor:
                for n in tiers:
                    sql, tier_params = tier_sql(n, ranked=True)
                    cursor.execute(sql, [*tier_params, limit - len(ids), offset])
                    found = [row[0] for row in cursor.fetchall()]
                    ids += found
                    if len(ids) >= limit:
                        break
                    if found:
                        offset = 0
                    else:  # the page starts beyond this tier: by how much
                        sql, tier_params = tier_sql(n, ranked=False)
                        cursor.execute(sql, tier_params)
                        offset = max(0, offset - cursor.fetchone()[0])
            return ids

        return fetch
