from django.core.management.base import BaseCommand

from translators.digest import send_digests


class Command(BaseCommand):
    help = "Email each translator one digest of the new tasks in their languages (run daily)."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"Translation digests sent: {sent}")
