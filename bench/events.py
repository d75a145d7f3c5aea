"""Speed of the events pages, feeds and report, on the database of DATABASE_URL.

    DATABASE_URL=sqlite:///bench-events.sqlite3 .venv/bin/python bench/events.py
    DATABASE_URL=postgres://…/convivium_bench_events .venv/bin/python bench/events.py

The first run migrates the (dedicated, empty) database and creates --events
events (default 500) over three years under 24 partners in 8 countries, each
with participation figures once past. Each request is then timed --repeat
times (median and 95th percentile), in-process through Django's test client,
templates included; then --registrations registrations are made one after the
other for one event and their rate printed.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
os.environ.setdefault("DATABASE_URL", "sqlite:///bench-events.sqlite3")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

settings.DEBUG = False  # as in production: no query log, no template debugging

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from events.models import (  # noqa: E402
    CountryParticipants,
    EventIndexPage,
    EventPage,
    ParticipationFigures,
    Registration,
    RegistrationStatus,
)
from events.programme import programme_figures  # noqa: E402
from events.registration import register  # noqa: E402
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory  # noqa: E402
from website.factories import HomePageFactory  # noqa: E402

SEED = 20261127
COUNTRIES = ["IT", "DE", "GR", "ES", "PL", "RO", "FR", "IE"]
ZONES = ["Europe/Rome", "Europe/Berlin", "Europe/Athens", "Europe/Madrid", "Europe/Warsaw"]


def build(count):
    if EventPage.objects.exists():
        return EventPage.objects.count()
    rng = random.Random(SEED)  # noqa: S311 (a fixed corpus, not secrets)
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="bench-events")
    Site.objects.update_or_create(
        hostname="localhost", defaults={"root_page": home, "is_default_site": True, "port": 80}
    )
    partner_index = PartnerIndexPageFactory(parent=home)
    partners = [
        PartnerPageFactory(
            parent=partner_index,
            title=f"Partner {number}",
            slug=f"partner-{number}",
            country=COUNTRIES[number % 8],
        )
        for number in range(24)
    ]
    index = home.add_child(instance=EventIndexPage(title="Events", slug="events"))
    today = timezone.localdate()
    for number in range(count):
        day = today + datetime.timedelta(days=rng.randint(-730, 365))
        zone = rng.choice(ZONES)
        start = datetime.datetime.combine(day, datetime.time(9), datetime.UTC)
        host = rng.choice(partners)
        parent = index if number % 4 == 0 else host
        event = parent.add_child(
            instance=EventPage(
                title=f"Event {number}",
                slug=f"event-{number}",
                summary="Partners compare what works against ethnic stigma.",
                start=start,
                end=start + datetime.timedelta(hours=8),
                time_zone=zone,
                venue_city="Somewhere",
                venue_country=host.country,
                host_partner=host,
                registration_status=RegistrationStatus.ON_SITE,
                capacity=50,
            )
        )
        if day < today:
            figures = ParticipationFigures.objects.create(event=event, total=40)
            for code in rng.sample(COUNTRIES, 3):
                CountryParticipants.objects.create(figures=figures, country=code, participants=10)
        if number % 50 == 0:
            print(f"  events: {number}/{count}", flush=True)
    return count


def timed(label, call, repeat):
    call()  # warm-up
    times = []
    for _ in range(repeat):
        cache.clear()
        began = time.perf_counter()
        call()
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    print(f"{label:45} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--registrations", type=int, default=200)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    print(f"events: {build(args.events)}")
    client = Client(HTTP_HOST="localhost")
    event = EventPage.objects.filter(end__gte=timezone.now()).order_by("start").first()
    year = timezone.localdate().year

    def get(url, **params):
        def call():
            response = client.get(url, params)
            if response.status_code != 200:
                raise SystemExit(f"{url}: {response.status_code}")

        return call

    timed("events index", get("/en/events/"), args.repeat)
    timed(
        "events index, year + country filters",
        get("/en/events/", year=year, country="IT"),
        args.repeat,
    )
    timed("calendar.ics, all events", get("/en/events/calendar.ics"), args.repeat)
    timed(
        "calendar.ics, one partner", get("/en/events/partners/partner-3/calendar.ics"), args.repeat
    )
    timed("event page with registration form", get(event.url), args.repeat)
    timed("calendar.ics, one event", get(event.url + "calendar.ics"), args.repeat)
    timed("programme figures (report query layer)", programme_figures, args.repeat)
    Registration.objects.filter(event=event).delete()
    began = time.perf_counter()
    for number in range(args.registrations):
        register(
            event,
            {
                "name": f"P{number}",
                "email": f"p{number}@example.org",
                "country": "IT",
                "consent": True,
            },
        )
    seconds = time.perf_counter() - began
    print(
        f"{args.registrations} registrations one after the other: "
        f"{args.registrations / seconds:.0f} a second"
    )


if __name__ == "__main__":
    main()
