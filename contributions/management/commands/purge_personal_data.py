from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from contributions.personal_data import erase_expired, erase_person


class Command(BaseCommand):
    help = (
        "Delete the contact data of contributions older than PERSONAL_DATA_DAYS (or of one "
        "person with --email), keeping the contributions anonymous. Safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            help="Keep contact data this many days "
            f"(default {settings.CONVIVIUM_PERSONAL_DATA_DAYS}).",
        )
        parser.add_argument("--email", help="Delete the contact data of this person now.")

    def progress(self, model, done, total):
        self.stdout.write(f"\r  {model._meta.verbose_name_plural}: {done}/{total}", ending="")
        if done == total:
            self.stdout.write("")

    def handle(self, *args, days=None, email=None, **options):
        if days is not None and days < 0:
            raise CommandError("--days cannot be negative.")
        counts = erase_person(email, self.progress) if email else erase_expired(days, self.progress)
        total = sum(counts.values())
        self.stdout.write(self.style.SUCCESS(f"Contact data deleted from {total} contribution(s)."))
