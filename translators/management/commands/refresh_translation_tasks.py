from django.core.management.base import BaseCommand

from translators import queue


class Command(BaseCommand):
    help = "Recompute the translation queue of every page and snippet."

    def handle(self, *args, **options):
        self.stdout.write("Refreshing the translation queue…")
        rows = queue.refresh()
        self.stdout.write(self.style.SUCCESS(f"{rows} tasks (items × languages) up to date."))
