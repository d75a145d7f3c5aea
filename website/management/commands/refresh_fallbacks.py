from django.core.management.base import BaseCommand

from website import fallbacks


class Command(BaseCommand):
    help = (
        "Give every page, in each language it is not translated into, an alias that shows "
        "it in the best language it exists in (CONVIVIUM_FALLBACK_LANGUAGES), and point "
        "existing aliases at that version. Safe to run again."
    )

    def handle(self, *args, **options):
        done = fallbacks.refresh(progress=self.progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Aliases: {done.created} made, {done.repointed} pointed at a better version."
            )
        )

    def progress(self, keys):
        total = len(keys)
        for number, key in enumerate(keys, start=1):
            if number == total or number % 25 == 0:
                self.stdout.write(f"\r  pages: {number}/{total}", ending="")
                self.stdout.flush()
            yield key
        self.stdout.write("")
