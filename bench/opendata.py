"""Time and count the queries of the open data addresses on the demo network.

Run after `make demo` has loaded the network (the server need not run):

    .venv/bin/python bench/opendata.py [--repeat 30]

For the API listings (a page of 20 and of 100 items, all fields), the OpenAPI
description, the sitemap, a feed and the practice downloads it prints the
queries of a warm request, the median and 95th percentile time and the size of
the answer, rendered in-process by Django's test client against the configured
database (DATABASE_URL, SQLite by default).
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

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Site  # noqa: E402

ADDRESSES = [
    "/api/v2/practices/?locale=en",
    "/api/v2/practices/?locale=en&fields=*&limit=100",
    "/api/v2/practices/?locale=it&theme=housing,education",
    "/api/v2/events/?fields=*&limit=100",
    "/api/v2/partners/?fields=*",
    "/api/v2/themes/?limit=100",
    "/api/v2/openapi.json",
    "/sitemap.xml",
    "/en/feeds/practices/",
    "/en/open-data/practices.csv",
    "/en/open-data/practices.json",
]


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def measure(client, url, repeat):
    response = client.get(url)  # fills the caches, makes renditions
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)
    ):
        response = client.get(url)
        size = len(body(response))
    times = []
    for number in range(repeat):
        start = time.perf_counter()
        body(client.get(url))
        times.append((time.perf_counter() - start) * 1000)
        print(f"\r  {url[:60]:<60} {number + 1}/{repeat}", end="", file=sys.stderr)
    print("\r" + " " * 80 + "\r", end="", file=sys.stderr)
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    return response.status_code, len(queries), statistics.median(times), p95, size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        sys.exit("No site: load the demo first (make demo).")
    client = Client(HTTP_HOST=site.hostname)
    print(f"database: {connection.vendor}, {args.repeat} warm requests each")
    print(f"{'address':<52} {'status':>6} {'queries':>7} {'median ms':>9} {'p95 ms':>7} {'KiB':>7}")
    for url in ADDRESSES:
        status, queries, median, p95, size = measure(client, url, args.repeat)
        print(f"{url:<52} {status:>6} {queries:>7} {median:>9.1f} {p95:>7.1f} {size / 1024:>7.1f}")
    sitemap = body(client.get("/sitemap.xml"))
    print(
        f"sitemap: {sitemap.count(b'<url>')} URLs, {sitemap.count(b'<xhtml:link')} hreflang links"
    )


if __name__ == "__main__":
    main()
