"""Recall@5 and MRR of the practice search on the demo network, on SQLite and PostgreSQL.

Run after `make demo` (the whole network, every language):

    .venv/bin/python bench/search_quality.py [--sqlite URL] [--postgresql URL] [--verbose]

The queries, their kinds and the practices a person would expect are in
bench/search_quality_queries.toml. Figures are printed per language, per kind and
overall, for each database in turn:

* SQLite: DATABASE_URL when it names a SQLite database, else db.sqlite3 (the one
  `make demo` fills);
* PostgreSQL: --postgresql (default postgres://postgres@127.0.0.1:5432/convivium_quality),
  skipped when no server answers there. The database is created if it does not exist.

Each database is measured in a process of its own with DATABASE_URL set, since
Django holds one connection per process. A database without the demo network
is migrated and the demo loaded into it first (`manage.py load_demo`, a few
minutes, with its progress shown). Results cached by an earlier run are retired
before measuring, so that the engine's current code answers.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import django
import psycopg

ROOT = Path(__file__).resolve().parent.parent
POSTGRESQL = "postgres://postgres@127.0.0.1:5432/convivium_quality"
NO_DEMO = 3  # exit status of a measuring process that found no demo network


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sqlite",
        metavar="URL",
        default=sqlite_default(),
        help="the SQLite database (default: DATABASE_URL if SQLite, else db.sqlite3)",
    )
    parser.add_argument(
        "--postgresql", metavar="URL", default=POSTGRESQL, help=f"the PostgreSQL one ({POSTGRESQL})"
    )
    parser.add_argument("--verbose", action="store_true", help="show every query's results")
    # Given by this script to the process it starts for one database.
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure:
        sys.exit(measure(arguments.verbose))
    failed = False
    for name, url in (("SQLite", arguments.sqlite), ("PostgreSQL", arguments.postgresql)):
        print(f"\n=== {name}: {shown(url)} ===", flush=True)
        if name == "PostgreSQL" and not postgresql_ready(url):
            continue
        failed |= not run_on(url, arguments.verbose)
    sys.exit(1 if failed else 0)


def sqlite_default():
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("sqlite:") else f"sqlite:///{ROOT / 'db.sqlite3'}"


def shown(url):
    """The URL without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":…@")))


def postgresql_ready(url):
    """Whether a server answers at ``url``; creates the database if it is missing."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(server, autocommit=True, connect_timeout=5) as connection:
            query = "SELECT 1 FROM pg_database WHERE datname = %s"
            if not connection.execute(query, [name]).fetchone():
                print(f"Creating the database {name}…", flush=True)
                connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        reason = str(error).strip().splitlines()[0]
        print(f"No PostgreSQL server answers there ({reason}): skipped.")
        return False
    return True


def run_on(url, verbose):
    """Measure the database at ``url`` in a process of its own, loading the demo first
    if it is missing; whether figures were printed."""
    environment = {**os.environ, "DATABASE_URL": url}
    environment.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
    measuring = [str(Path(__file__).resolve()), "--measure"] + (["--verbose"] if verbose else [])
    status = python(measuring, environment)
    if status != NO_DEMO:
        return status == 0
    print("Migrating the database and loading the demo network (a few minutes)…", flush=True)
    for command in (["migrate", "--noinput"], ["load_demo", "--no-admin"]):
        if python(["manage.py", *command], environment):
            print(f"manage.py {command[0]} failed: see above.")
            return False
    status = python(measuring, environment)
    if status == NO_DEMO:
        print("The demo's practices are still not in the search index: see above.")
    return status == 0


def python(arguments, environment):
    """Run one of our scripts with this interpreter, in the project folder; its exit status."""
    command = [sys.executable, *arguments]
    return subprocess.run(command, env=environment, cwd=ROOT, check=False).returncode  # noqa: S603


def measure(verbose):
    """In the process for one database (DATABASE_URL): print its figures, or return
    NO_DEMO without measuring when the demo's practices are not there."""
    sys.path.insert(0, str(ROOT))
    django.setup()
    # Only once Django is set up, with this process's DATABASE_URL.
    from django.conf import settings
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from search import quality
    from search.models import PracticeEntry
    from search.query import index_changed

    queries = quality.load_queries()
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("Its migrations are not all applied: no demo network to measure.", flush=True)
        return NO_DEMO
    expected = {key for item in queries for key in item["expected"]}
    indexed = {
        f"{partner}/{slug}"
        for partner, slug in PracticeEntry.objects.values_list("partner_slug", "page__slug")
    }
    if missing := expected - indexed:
        print(f"{len(missing)} of the {len(expected)} expected practices are not in its index.")
        return NO_DEMO

    index_changed()
    print(f"{len(queries)} queries, database {connection.vendor}.", flush=True)
    outcomes = quality.run(queries)
    if verbose:
        for item in outcomes:
            mark = "ok  " if item.recall == 1 else "MISS" if not item.recall else "part"
            print(f"{mark} {item.language} {item.kind:<10} {item.text!r}: {item.found}")
    names = dict(settings.LANGUAGES)
    by_language = quality.summary(outcomes, by="language")
    by_kind = quality.summary(outcomes, by="kind")
    overall = by_language.pop(quality.OVERALL)
    by_kind.pop(quality.OVERALL)
    print_table("language", {f"{code} {names[code]}": row for code, row in by_language.items()})
    print_table("kind", by_kind)
    print_table("", {"overall": overall})
    return 0


def print_table(heading, rows):
    print(f"\n{heading:<14}{'queries':>8}{'recall@5':>10}{'MRR':>8}")
    for name, (count, recall, mrr) in rows.items():
        print(f"{name:<14}{count:>8}{recall:>10.3f}{mrr:>8.3f}")


if __name__ == "__main__":
    main()
