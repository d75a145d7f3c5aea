from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from .component import BadSearch, practice_search
from .indexing import normalise
from .models import PracticeEntry

MAX_SUGGESTIONS = 8


@require_GET
def search(request):
    try:
        context = practice_search(request, get_language())
    except BadSearch as error:
        return render(request, "search/search.html", {"search_form": error.form}, status=400)
    return render(request, "search/search.html", context)


@require_GET
def suggest(request):
    """Titles of practices in the active language that start with what was typed."""
    prefix = normalise("".join(c for c in request.GET.get("q", "") if c.isprintable()))[:100]
    if len(prefix) < 2:
        return JsonResponse({"suggestions": []})
    rows = (
        PracticeEntry.objects.filter(
            language=get_language(),
            normalised_title__gte=prefix,
            normalised_title__lt=prefix + "\U0010ffff",
        )
        .order_by("normalised_title")
        .select_related("page")
        .only("title", "page__url_path", "page__path", "page__depth", "page__locale_id")[
            :MAX_SUGGESTIONS
        ]
    )
    return JsonResponse(
        {"suggestions": [{"title": row.title, "url": row.page.url} for row in rows]}
    )
