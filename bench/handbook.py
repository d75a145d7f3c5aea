"""Build times and sizes of the handbook's PDF and EPUB in every language of the demo.

Run after `make demo`, against the database of DATABASE_URL (SQLite by default):

    .venv/bin/python bench/handbook.py [--repeat 3]

Nothing is stored: the files are built in memory, each language in turn.
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

import django  # noqa: E402

django.setup()

from pypdf import PdfReader  # noqa: E402

from handbook.book import gather  # noqa: E402
from handbook.building import book_html, fingerprint, has_content, render_epub, render_pdf  # noqa: E402
from practices.models import HandbookPage  # noqa: E402


def timed(function, *args, repeat=1):
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function(*args)
        times.append(time.perf_counter() - started)
    return result, statistics.median(times)


def check(handbook):
    """What every publication costs even when nothing changed: gather, render HTML, hash."""
    return fingerprint(book_html(gather(handbook)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="builds per file (median shown)")
    arguments = parser.parse_args()
    handbooks = [
        handbook
        for handbook in HandbookPage.objects.live().select_related("locale").order_by("path")
        if has_content(handbook)
    ]
    if not handbooks:
        sys.exit("No handbook with chapters: load the demo first (make demo).")
    print(
        f"{'language':<9}{'chapters':>9}{'check':>9}{'PDF':>9}{'pages':>7}{'PDF size':>11}"
        f"{'EPUB':>8}{'EPUB size':>11}"
    )
    for handbook in handbooks:
        _print, check_seconds = timed(check, handbook, repeat=arguments.repeat)
        book = gather(handbook)
        html = book_html(book)
        pdf, pdf_seconds = timed(render_pdf, html, repeat=arguments.repeat)
        epub, epub_seconds = timed(render_epub, book, repeat=arguments.repeat)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        print(
            f"{handbook.locale.language_code:<9}{len(book.chapters):>9}"
            f"{check_seconds * 1000:>7.0f}ms{pdf_seconds:>8.2f}s{pages:>7}"
            f"{len(pdf) / 1024:>9.0f}kB{epub_seconds * 1000:>6.0f}ms{len(epub) / 1024:>9.0f}kB",
            flush=True,
        )


if __name__ == "__main__":
    main()
