"""The words of the index for typo correction, and SQLite's text stemmed in Python.

PostgreSQL: pg_trgm and a trigram index on the words, for the nearest word to a
misspelt one. SQLite: one FTS5 table for every language, holding the words as
search.analysis normalises them (folded, stemmed) rather than as written; it
replaces the two tables of migration 0002. The index is rebuilt by
``manage.py rebuild_practice_index``.
"""

from django.db import migrations, models

SQLITE_FORWARD = [
    "DROP TABLE IF EXISTS search_fts",
    "DROP TABLE IF EXISTS search_fts_en",
    # language: a token of the entry's language ("langen"), matched with the words, so
    # that a search reads only its languages' rows.
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, summary, body, language, tokenize = 'unicode61 remove_diacritics 0')",
    # ORDER BY rank: bm25 with the title weighted above the summary above the body.
    "INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 0.0)')",
]
SQLITE_BACKWARD = [
    "DROP TABLE IF EXISTS search_fts",
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, summary, body, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_fts_en USING fts5("
    "title, summary, body, tokenize = 'porter unicode61 remove_diacritics 2')",
    "INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')",
    "INSERT INTO search_fts_en (search_fts_en, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX search_word_trigrams ON search_indexedword USING gin (word gin_trgm_ops)",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS search_word_trigrams"]


def run(statements):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0004_entry_text_language")]

    operations = [
        migrations.CreateModel(
            name="IndexedWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("language", models.CharField(max_length=12, verbose_name="language")),
                ("word", models.CharField(max_length=100, verbose_name="word")),
                ("stem", models.CharField(max_length=100, verbose_name="stem")),
                ("entries", models.PositiveIntegerField(default=0, verbose_name="entries")),
            ],
            options={
                "verbose_name": "indexed word",
                "indexes": [models.Index(fields=["language", "stem"], name="search_word_stem")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("language", "word"), name="unique_indexed_word"
                    )
                ],
            },
        ),
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
