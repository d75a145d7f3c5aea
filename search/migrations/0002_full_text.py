"""The full-text structures, which depend on the database engine.

PostgreSQL: the unaccent extension where the server allows it, a 'simple'
configuration without accents for languages that have no snowball dictionary,
a weighted tsvector column on the entries' text rows and its GIN index.
SQLite: FTS5 tables, one for all languages and one with the Porter stemmer
for English.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "ALTER TABLE search_entrytext ADD COLUMN search_vector tsvector",
    "CREATE INDEX search_entrytext_vector ON search_entrytext USING gin (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entrytext_vector",
    "ALTER TABLE search_entrytext DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS convivium_simple",
]
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, summary, body, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_fts_en USING fts5("
    "title, summary, body, tokenize = 'porter unicode61 remove_diacritics 2')",
    # ORDER BY rank: bm25 with the title weighted above the summary above the body.
    "INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')",
    "INSERT INTO search_fts_en (search_fts_en, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts", "DROP TABLE IF EXISTS search_fts_en"]


def unaccent_available(schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SAVEPOINT convivium_unaccent")
        try:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            cursor.execute("RELEASE SAVEPOINT convivium_unaccent")
            return True
        except Exception:  # noqa: BLE001 - no permission or no contrib package
            cursor.execute("ROLLBACK TO SAVEPOINT convivium_unaccent")
            return False


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'convivium_simple'")
            if cursor.fetchone() is None:
                cursor.execute("CREATE TEXT SEARCH CONFIGURATION convivium_simple (COPY = simple)")
                if unaccent_available(schema_editor):
                    cursor.execute(
                        "ALTER TEXT SEARCH CONFIGURATION convivium_simple ALTER MAPPING"
                        " FOR hword, hword_part, word WITH unaccent, simple"
                    )
        statements = POSTGRES_FORWARD
    elif vendor == "sqlite":
        statements = SQLITE_FORWARD
    else:
        return
    for statement in statements:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_practice_index")]

    operations = [migrations.RunPython(forward, backward)]
