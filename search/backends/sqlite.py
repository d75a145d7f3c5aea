"""SQLite full text: FTS5 tables (migration 0002), rowid = page id.

``search_fts`` holds every entry, tokenised with unicode61 and diacritics
removed; ``search_fts_en`` holds the entries written in English again with the
Porter stemmer. SQLite has no stemmer for other languages: they match whole words,
accents ignored.
"""

import json
import re

from django.db import connection
from django.db.models import TextField
from django.db.models.expressions import RawSQL

from ..arabic import split_clitics, strip_clitics
from . import MARK_END, MARK_START

STEMMED_TABLES = {"en": "search_fts_en"}
PLAIN_TABLE = "search_fts"
WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 16


def fts_expression(text):
    """User text as an FTS5 query: every word quoted (no operators), all required."""
    words = WORD.findall(strip_clitics(text))[:MAX_TERMS]
    return " ".join('"' + word.replace('"', "") + '"' for word in words)


def table_for(languages):
    if len(languages) == 1 and languages[0] in STEMMED_TABLES:
        return STEMMED_TABLES[languages[0]]
    return PLAIN_TABLE


class SQLiteBackend:
    name = "sqlite"

    def write(self, entries):
        entries = list(entries)
        self.delete([entry.pk for entry in entries])
        with connection.cursor() as cursor:
            rows = [  # as prepared for indexing: Arabic prefixes set apart (search.arabic)
                (e.pk, split_clitics(e.title), split_clitics(e.summary), split_clitics(e.text_body))
                for e in entries
            ]
            insert = "INSERT INTO {} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)"
            cursor.executemany(insert.format(PLAIN_TABLE), rows)
            for language, table in STEMMED_TABLES.items():
                stemmed = [
                    row
                    for row, entry in zip(rows, entries, strict=True)
                    if entry.text_language == language
                ]
                cursor.executemany(insert.format(table), stemmed)

    def reset(self):
        with connection.cursor() as cursor:
            for table in (PLAIN_TABLE, *STEMMED_TABLES.values()):
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608

    def delete(self, page_ids):
        page_ids = list(page_ids)
        with connection.cursor() as cursor:
            for table in (PLAIN_TABLE, *STEMMED_TABLES.values()):
                for start in range(0, len(page_ids), 500):
                    chunk = page_ids[start : start + 500]
                    marks = ", ".join(["%s"] * len(chunk))
                    cursor.execute(f"DELETE FROM {table} WHERE rowid IN ({marks})", chunk)  # noqa: S608

    def __init__(self):
        self._matches = {}

    def matched_ids(self, text, languages):
        """The ids of the entries matching ``text``, asked once per search: the
        facet counts then filter on the list instead of matching again."""
        expression, table = fts_expression(text), table_for(languages)
        key = (expression, table)
        if key not in self._matches:
            with connection.cursor() as cursor:
                sql = f"SELECT rowid FROM {table} WHERE {table} MATCH %s"  # noqa: S608
                cursor.execute(sql, [expression])
                self._matches[key] = [row[0] for row in cursor.fetchall()]
        return self._matches[key]

    def match(self, queryset, text, languages):
        if not fts_expression(text):
            # Only punctuation: nothing matches. Not queryset.none(), whose SQL
            # cannot be built, and the counts and the ranking build on this SQL.
            return queryset.filter(page_id__in=RawSQL("SELECT NULL WHERE 0", []))  # noqa: S611
        ids = json.dumps(self.matched_ids(text, languages))
        return queryset.filter(page_id__in=RawSQL("SELECT value FROM json_each(%s)", [ids]))  # noqa: S611

    def ranked_ids(self, queryset, text, languages):
        """bm25 (title 10, summary 4, body 1) over the filtered set, one slice at a time."""
        table = table_for(languages)
        expression = fts_expression(text)
        inner, params = queryset.order_by().values("page_id").query.sql_with_params()

        def fetch(offset, limit):
            if not expression or limit <= 0:
                return []
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT rowid FROM {table} WHERE {table} MATCH %s"  # noqa: S608
                    f" AND +rowid IN ({inner})"  # "+": not a rowid lookup per id
                    " ORDER BY rank LIMIT %s OFFSET %s",
                    [expression, *params, limit, offset],
                )
                return [row[0] for row in cursor.fetchall()]

        return fetch

    def excerpt(self, text, languages):
        """FTS5 snippet of the entry: annotate the entries on screen only."""
        table = table_for(languages)
        return RawSQL(  # noqa: S611 - user text is a parameter
            f"(SELECT snippet({table}, -1, %s, %s, ' … ', 24) FROM {table}"  # noqa: S608
            f" WHERE {table} MATCH %s AND {table}.rowid = search_practiceentry.page_id)",
            [MARK_START, MARK_END, fts_expression(text) or '""'],
            output_field=TextField(),
        )
