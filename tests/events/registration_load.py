"""200 people register at once for 50 places, on real threads against a real PostgreSQL.

Run by tests/events/test_registration_load.py in a subprocess, with DATABASE_URL
naming a fresh database of its own (it migrates it): the test suite's own
database lives inside a transaction that other connections cannot see.
Prints one line of JSON with what happened.
"""

import datetime
import json
import os
import sys
import threading
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

from events.models import EventPage, Registration, RegistrationStatus  # noqa: E402
from events.registration import AlreadyRegistered, register  # noqa: E402

PEOPLE, PLACES, THREADS, SAME_ADDRESS = 200, 50, 40, 20


def person(number):
    return {
        "name": f"Person {number}",
        "email": f"person{number}@example.org",
        "organisation": "",
        "country": "IT",
        "role": "",
        "accessibility_needs": "",
        "consent": True,
    }


def run(event, jobs, threads):
    """Each thread takes jobs until none are left; all threads start at the same moment."""
    outcomes, errors = Counter(), []
    lock, start = threading.Lock(), threading.Barrier(threads)
    queue = list(jobs)

    def worker():
        start.wait()
        try:
            while True:
                with lock:
                    if not queue:
                        return
                    data = queue.pop()
                try:
                    outcome = register(event, data).status
                except AlreadyRegistered:
                    outcome = "already registered"
                except Exception as error:  # noqa: BLE001 (reported, and the test fails)
                    errors.append(repr(error))
                    continue
                with lock:
                    outcomes[outcome] += 1
        finally:
            connection.close()

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return outcomes, errors


def main():
    call_command("migrate", verbosity=0)
    start = timezone.now() + datetime.timedelta(days=30)
    event = Page.get_first_root_node().add_child(
        instance=EventPage(
            title="Schools and young people",
            slug="load",
            summary="Load test.",
            start=start,
            end=start + datetime.timedelta(hours=8),
            registration_status=RegistrationStatus.ON_SITE,
            capacity=PLACES,
        )
    )
    began = timezone.now()
    outcomes, errors = run(event, [person(number) for number in range(PEOPLE)], THREADS)
    seconds = (timezone.now() - began).total_seconds()
    same, same_errors = run(event, [person(1000)] * SAME_ADDRESS, SAME_ADDRESS)
    rows = Registration.objects.filter(event=event)
    print(
        json.dumps(
            {
                "outcomes": outcomes,
                "errors": errors + same_errors,
                "same_address": same,
                "seconds": seconds,
                "rows": rows.count(),
                "distinct_emails": rows.values("email").distinct().count(),
                "confirmed": rows.filter(status="confirmed").count(),
                "waiting": rows.filter(status="waiting").count(),
            }
        )
    )
    connection.close()


if __name__ == "__main__":
    main()
