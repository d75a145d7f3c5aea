"""Building the handbook's files: PDF with WeasyPrint, EPUB with EbookLib, kept by fingerprint."""

import hashlib
import time
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import get_valid_filename

from .book import gather
from .models import BookFile, BookFormat

FONTS = Path(__file__).resolve().parent / "fonts"
# Part of every fingerprint: change it when the book's templates or styles change,
# so that every language is built again.
LAYOUT_VERSION = "2026-11-27.1"


def book_html(book):
    """The whole book as one HTML document for WeasyPrint."""
    with translation.override(book.language):
        return render_to_string(
            "handbook/pdf.html",
            {"book": book, "network_name": settings.WAGTAIL_SITE_NAME, "fonts": FONTS.as_uri()},
        )


def fingerprint(html):
    return hashlib.sha256(f"{LAYOUT_VERSION}\n{html}".encode()).hexdigest()


def render_pdf(html):
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    return HTML(string=html, base_url=str(FONTS)).write_pdf(font_config=FontConfiguration())


def render_epub(book):
    from .epub import write_epub

    return write_epub(book)


def file_name(book, book_format, edition=None):
    slug = "handbook" if edition is None else get_valid_filename(f"handbook-{edition.number}")
    return f"{slug}-{book.language}.{book_format}"


def build(handbook, book_format, edition=None, force=False):
    """The current (or an edition's) file of one handbook page; built only when content changed.

    Returns ``(book_file, built)``.
    """
    book = gather(handbook, edition=edition)
    html = book_html(book)
    print_ = fingerprint(html)
    existing = BookFile.objects.filter(
        handbook=handbook, format=book_format, edition=edition
    ).first()
    if existing and existing.fingerprint == print_ and not force:
        return existing, False
    started = time.perf_counter()
    data = render_pdf(html) if book_format == BookFormat.PDF else render_epub(book)
    seconds = time.perf_counter() - started
    with transaction.atomic():
        stale = existing.file.name if existing else None
        book_file = existing or BookFile(handbook=handbook, format=book_format, edition=edition)
        book_file.fingerprint = print_
        book_file.size = len(data)
        book_file.built_at = timezone.now()
        book_file.build_seconds = seconds
        book_file.file.save(file_name(book, book_format, edition), ContentFile(data), save=False)
        book_file.save()
    if stale and stale != book_file.file.name:
        book_file.file.storage.delete(stale)
    return book_file, True


def build_current(handbook, formats=tuple(BookFormat)):
    """Bring the current files of one language up to date; return how many were built."""
    if not has_content(handbook):
        return 0
    return sum(build(handbook, book_format)[1] for book_format in formats)


def has_content(handbook):
    from practices.models import HandbookChapterPage

    return handbook.live and HandbookChapterPage.objects.live().public().child_of(handbook).exists()
