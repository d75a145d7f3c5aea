from django.core.management.base import BaseCommand

from handbook.building import build, has_content
from handbook.models import BookFormat
from practices.models import HandbookPage


class Command(BaseCommand):
    help = "Build the current PDF and EPUB of the handbook in every language (only what changed)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Build again even when nothing changed."
        )

    def handle(self, *args, **options):
        handbooks = [
            handbook
            for handbook in HandbookPage.objects.live().select_related("locale").order_by("path")
            if has_content(handbook)
        ]
        steps = len(handbooks) * len(BookFormat)
        done = 0
        for handbook in handbooks:
            for book_format in BookFormat:
                done += 1
                book_file, built = build(handbook, book_format, force=options["force"])
                verb = "built" if built else "unchanged"
                self.stdout.write(
                    f"[{done}/{steps}] {handbook.locale.language_code} {book_format.label}: "
                    f"{verb}, {book_file.human_size}, {book_file.build_seconds:.1f} s"
                )
