import time

from django.core.management.base import BaseCommand
from django.db import connection

from search import indexing
from search.backends import get_backend


class Command(BaseCommand):
    help = "Rebuild the practice search index from the live public practices, with progress."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=indexing.BATCH_SIZE)

    def handle(self, *args, batch_size, **options):
        started = time.perf_counter()

        def progress(done, total):
            self.stdout.write(f"\r  practices: {done}/{total}", ending="")
            self.stdout.flush()

        count = indexing.rebuild(progress=progress, batch_size=batch_size)
        if connection.vendor == "postgresql":
            # Fresh statistics for the planner; outside a transaction, also clear the
            # dead rows of the old index and mark pages all-visible, so that facet
            # counts without a query read the covering index alone.
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            with connection.cursor() as cursor:
                for table in ("search_practiceentry", "search_entryterm", "search_entrytext"):
                    cursor.execute(f"{command} {table}")
        elapsed = time.perf_counter() - started
        rate = count / elapsed if elapsed else 0
        self.stdout.write(
            f"\nIndexed {count} practices ({get_backend().name}) in {elapsed:.1f} s,"
            f" {rate:.0f} a second."
        )
