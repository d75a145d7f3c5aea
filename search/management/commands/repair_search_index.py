from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.backends import SearchUnavailable

KINDS = {
    "unindexed": "live public practices without an index entry",
    "stale": "entries of practices no longer live and public",
    "missing_from_engine": "entries the search engine lacks",
    "extra_in_engine": "practices the search engine keeps after their entry went",
}


class Command(BaseCommand):
    help = (
        "Report what the practice index lacks or holds in excess, in the database and in "
        "the search engine, and mend it (--dry-run only reports). Safe to run at any time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report, change nothing.")

    def handle(self, *args, dry_run, **options):
        def progress(done, total):
            self.stdout.write(f"\r  indexing: {done}/{total}", ending="")
            if done == total:
                self.stdout.write("")

        try:
            found = indexing.repair(dry_run=dry_run, progress=progress)
        except SearchUnavailable as error:
            raise CommandError(f"The search engine does not answer: {error}") from error
        for kind, label in KINDS.items():
            if kind in found:
                ids = sorted(found[kind])
                shown = ", ".join(map(str, ids[:20])) + (" …" if len(ids) > 20 else "")
                self.stdout.write(f"{len(ids):>6} {label}" + (f": {shown}" if ids else ""))
        problems = sum(len(ids) for ids in found.values())
        if not problems:
            self.stdout.write(self.style.SUCCESS("The index is complete."))
        elif dry_run:
            self.stdout.write(self.style.WARNING(f"{problems} to mend: run without --dry-run."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Mended {problems}."))
