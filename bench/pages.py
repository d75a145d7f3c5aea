"""Time and count the queries of the public pages of the demo network.

Run after `make demo` has loaded the network (the server need not run):

    .venv/bin/python bench/pages.py [--repeat 50] [--languages en,it,ar]

For each page type and language it prints the queries of the first request
(cold caches), of a later request (warm caches), and the median and 95th
percentile time of the later requests, rendered in-process by Django's test
client against the configured database (DATABASE_URL, SQLite by default).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from events.models import EventIndexPage, EventPage  # noqa: E402
from partners.models import PartnerIndexPage, PartnerPage  # noqa: E402
from practices.models import (  # noqa: E402
    HandbookChapterPage,
    HandbookPage,
    PracticeIndexPage,
    PracticePage,
)
from website.models import HomePage, StandardPage  # noqa: E402

MODELS = [
    HomePage,
    StandardPage,
    PartnerIndexPage,
    PartnerPage,
    PracticeIndexPage,
    PracticePage,
    EventIndexPage,
    EventPage,
    HandbookPage,
    HandbookChapterPage,
]


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def get_counting(client, url):
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        response = client.get(url)
    return response, counter.count


def measure(client, url, repeat):
    cache.clear()
    response, cold = get_counting(client, url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    _response, warm = get_counting(client, url)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    return cold, warm, statistics.median(timings), p95


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--languages", default="en,it,ar")
    options = parser.parse_args()

    settings.DEBUG = False  # time what production runs, not the debug machinery
    client = Client(HTTP_HOST="localhost")
    header = f"{'page type':<22}{'lang':<6}{'queries cold':>13}{'warm':>6}"
    print(f"{header}{'median ms':>11}{'p95 ms':>9}")
    for model in MODELS:
        for language in options.languages.split(","):
            page = model.objects.live().filter(locale__language_code=language).first()
            if page is None:
                continue
            cold, warm, median, p95 = measure(client, page.url, options.repeat)
            print(f"{model.__name__:<22}{language:<6}{cold:>13}{warm:>6}{median:>11.1f}{p95:>9.1f}")


if __name__ == "__main__":
    main()
