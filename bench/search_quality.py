"""Recall@5 and MRR of the practice search on the demo network.

Run after `make demo` (the whole network, every language) against the
database of DATABASE_URL (SQLite by default; PostgreSQL stems every language):

    .venv/bin/python bench/search_quality.py [--verbose]

The queries and the practices a person would expect are in
bench/search_quality_queries.toml.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from search import quality  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="show every query's results")
    arguments = parser.parse_args()
    outcomes = quality.run(quality.load_queries())
    if arguments.verbose:
        for item in outcomes:
            mark = "ok " if item.recall == 1 else "MISS" if not item.recall else "part"
            print(f"{mark} {item.language} {item.text!r}: {item.found[:5]}")
    print(f"database: {connection.vendor}")
    print(f"{'language':<10}{'queries':>8}{'recall@5':>10}{'MRR':>8}")
    for name, (count, recall, mrr) in quality.summary(outcomes).items():
        print(f"{name:<10}{count:>8}{recall:>10.3f}{mrr:>8.3f}")


if __name__ == "__main__":
    main()
