"""The suite's clock: a chosen instant, not the machine's."""

import datetime

from django.conf import settings
from django.utils import timezone


def test_the_suite_runs_at_its_chosen_instant():
    # The clock ticks on from the instant: a whole run stays well within a few hours of it.
    elapsed = timezone.now() - settings.TEST_INSTANT
    assert datetime.timedelta(0) <= elapsed < datetime.timedelta(hours=3)


def test_the_date_follows_the_instant_in_the_sites_time_zone():
    local = settings.TEST_INSTANT.astimezone(timezone.get_default_timezone())
    assert timezone.localdate() - local.date() in (datetime.timedelta(0), datetime.timedelta(1))
