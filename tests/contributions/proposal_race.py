"""Proposals sent at the same moment from many threads, against a real database.

Run by tests/contributions/test_proposal_race.py in a subprocess, with DATABASE_URL
naming a database of its own (tests.databases). Twenty people each send the same
form at once (a double click, twenty times over) while twenty others send forms of
their own with the same title. Prints one line of JSON with what happened.
"""

import json
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from contributions.guard import stamp  # noqa: E402
from contributions.models import PracticeProposal  # noqa: E402
from practices.models import PracticePage, TargetGroup, Theme  # noqa: E402
from website.models import HomePage  # noqa: E402

URL = "/en/contribute/practice/"
SAME_FORM, OWN_FORMS = 20, 20


def ensure_network():
    """The network's home, a theme and a target group; a migrated empty database has none."""
    english = Locale.objects.get(language_code="en")
    if not HomePage.objects.filter(locale=english).exists():
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Convivium", slug="race-network", locale=english)
        )
        Site.objects.create(hostname="testserver", root_page=home, is_default_site=True)
    theme = Theme.objects.filter(locale=english).first() or Theme.objects.create(
        name="Integration", slug="integration", locale=english
    )
    group = TargetGroup.objects.filter(locale=english).first() or TargetGroup.objects.create(
        name="Young people", slug="young-people", locale=english
    )
    return theme, group


def form(theme, group):
    return {
        "title": "Race dinners",
        "summary": "Families of every origin cook for each other once a month.",
        "partner": "",
        "place": "Bergamo",
        "themes": [str(theme.pk)],
        "target_groups": [str(group.pk)],
        "start_date": "2025-03-01",
        "context": "Few places where newcomers and old residents meet.",
        "approach": "Monthly dinners in the parish hall.",
        "results": "Forty families took part.",
        "name": "Ada Rossi",
        "organisation": "",
        "email": "ada@example.org",
        "consent": "on",
        "website": "",
        "started": stamp(time.time() - 60),
    }


def main():
    call_command("migrate", verbosity=0)
    theme, group = ensure_network()
    connection.close()
    double_click = form(theme, group)
    jobs = [double_click] * SAME_FORM + [form(theme, group) for _ in range(OWN_FORMS)]
    statuses, errors = Counter(), []
    start = threading.Barrier(len(jobs))

    def send(data, number):
        client = Client(REMOTE_ADDR=f"10.1.{number // 250}.{number % 250}")
        start.wait()
        try:
            statuses[client.post(URL, data).status_code] += 1
        except Exception as error:  # noqa: BLE001 (reported, and the test fails)
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(data, n)) for n, data in enumerate(jobs)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    pages = PracticePage.objects.filter(title="Race dinners")
    print(
        json.dumps(
            {
                "statuses": statuses,
                "errors": errors,
                "seconds": time.monotonic() - began,
                "proposals": PracticeProposal.objects.filter(title="Race dinners").count(),
                "pages": pages.count(),
                "distinct_slugs": pages.values("slug").distinct().count(),
            }
        )
    )
    connection.close()


if __name__ == "__main__":
    main()
