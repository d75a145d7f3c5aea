"""Delete the registrations of events that ended long enough ago, keeping anonymous counts."""

import datetime
from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from events.models import AttendeeStatus, EventPage, Registration, RegistrationSummary


class Command(BaseCommand):
    help = (
        "Delete registrations (names, emails …) of events that ended more than "
        "CONVIVIUM_REGISTRATION_RETENTION_DAYS days ago, keeping only counts. Safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override the retention period (days after the end of the event).",
        )

    def handle(self, *args, days=None, verbosity=1, **options):
        days = settings.CONVIVIUM_REGISTRATION_RETENTION_DAYS if days is None else days
        if days < 0:
            self.stderr.write("--days cannot be negative.")
            return
        cutoff = timezone.now() - datetime.timedelta(days=days)
        events = list(
            EventPage.objects.filter(end__lt=cutoff, registrations__isnull=False)
            .distinct()
            .order_by("end")
            .only("pk", "title")
        )
        total = 0
        for number, event in enumerate(events, 1):
            deleted = purge(event)
            total += deleted
            if verbosity:
                self.stdout.write(f"[{number}/{len(events)}] {event.title}: {deleted} deleted")
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(f"{total} registrations of {len(events)} events deleted.")
            )


def purge(event):
    with transaction.atomic():
        registrations = list(
            Registration.objects.select_for_update()
            .filter(event=event)
            .values_list("status", "attended", "country")
        )
        if not registrations:
            return 0
        statuses = Counter(status for status, _attended, _country in registrations)
        attended = Counter(country for _s, was_there, country in registrations if was_there)
        summary, _created = RegistrationSummary.objects.get_or_create(event=event)
        # Added, not replaced: a later run may find registrations made after the first.
        RegistrationSummary.objects.filter(pk=summary.pk).update(
            confirmed=F("confirmed") + statuses[AttendeeStatus.CONFIRMED],
            waiting=F("waiting") + statuses[AttendeeStatus.WAITING],
            cancelled=F("cancelled") + statuses[AttendeeStatus.CANCELLED],
            attended=F("attended") + sum(attended.values()),
        )
        summary.refresh_from_db()
        by_country = Counter(summary.attended_by_country) + attended
        summary.attended_by_country = dict(sorted(by_country.items()))
        summary.save(update_fields=["attended_by_country", "purged_at"])
        deleted, _detail = Registration.objects.filter(event=event).delete()
    return deleted
