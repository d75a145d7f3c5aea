"""The handbook's sub-pages: the whole book on one page, and its files."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse

from .book import gather
from .models import BookFile, BookFormat


def print_book(request, handbook):
    book = gather(handbook, request=request)
    return TemplateResponse(
        request,
        "handbook/print.html",
        {
            "page": handbook,
            "self": handbook,
            "book": book,
            "network_name": settings.WAGTAIL_SITE_NAME,
        },
    )


def download(request, handbook, kind):
    """The current PDF or EPUB of this language; never built here: a build takes minutes."""
    if kind not in BookFormat.values:
        raise Http404
    book_file = BookFile.objects.filter(handbook=handbook, format=kind, edition=None).first()
    if book_file is not None:
        return HttpResponseRedirect(book_file.file.url)
    return TemplateResponse(
        request,
        "handbook/preparing.html",
        {"page": handbook, "self": handbook, "format": BookFormat(kind).label},
    )
