from django.conf import settings
from django.conf.locale import LANG_INFO
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from website.addresses import site_url
from website.pagecache import remember
from website.translations import LanguageLink

from .backends import SearchUnavailable
from .component import BadSearch, practice_search
from .forms import SearchForm
from .indexing import normalise
from .models import PracticeEntry
from .query import PracticeQuery, index_version
from .vocabulary import Vocabulary

MAX_SUGGESTIONS = 8


@require_GET
def search(request):
    links = remember(
        request,
        f"search-languages:{request.get_host()}{request.get_full_path()}",
        lambda: language_links(request),
    )
    languages = {
        "language_links": links,
        "default_language_link": next(
            (link for link in links if link.code == settings.LANGUAGE_CODE), None
        ),
    }
    try:
        context = practice_search(request, get_language())
    except BadSearch as error:
        context = {"search_form": error.form, **languages}
        return render(request, "search/search.html", context, status=400)
    except SearchUnavailable:
        context = {"search_form": SearchForm(request.GET), "search_unavailable": True, **languages}
        return render(request, "search/search.html", context, status=503)
    return render(request, "search/search.html", {**context, **languages})


def language_links(request):
    """The same search (query, facets, sort) in each language of the site: the search
    page is not a Wagtail page, so its language switcher and hreflang links are made
    here. The site's languages are those of its home page's live translations."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    codes = set(
        Page.objects.live()
        .filter(
            translation_key__in=Page.objects.filter(pk=site.root_page_id).values("translation_key")
        )
        .values_list("locale__language_code", flat=True)
    )
    params = request.GET.copy()
    params.pop("page", None)
    query = f"?{params.urlencode()}" if params else ""
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        if code not in codes:
            continue
        with translation.override(code):
            url = reverse("search:search") + query
        links.append(
            LanguageLink(
                code=code,
                name=LANG_INFO[code]["name_local"],
                url=url,
                full_url=site_url(request, url),
                title="",
                is_translation=True,
                is_current=code == current,
            )
        )
    return links


@require_GET
def suggest(request):
    """Titles of practices in the active language that start with what was typed; if
    none does, with what was typed once its misspelt words are corrected."""
    prefix = normalise("".join(c for c in request.GET.get("q", "") if c.isprintable()))[:100]
    if len(prefix) < 2:
        return JsonResponse({"suggestions": []})
    language = get_language()
    rows = titles_starting_with(prefix, language)
    if not rows:
        corrected = corrected_prefix(prefix, language)
        if corrected != prefix:
            rows = titles_starting_with(corrected, language)
    return JsonResponse(
        {"suggestions": [{"title": row.title, "url": row.page.url} for row in rows]}
    )


def titles_starting_with(prefix, language):
    return list(
        PracticeEntry.objects.filter(
            language=language,
            normalised_title__gte=prefix,
            normalised_title__lt=prefix + "\U0010ffff",
        )
        .order_by("normalised_title")
        .select_related("page")
        .only("title", "page__url_path", "page__path", "page__depth", "page__locale_id")[
            :MAX_SUGGESTIONS
        ]
    )


def corrected_prefix(prefix, language):
    """The prefix with each unknown word of four letters or more read as the nearest
    word of the index (the last one too: a typo is as likely there as a half word)."""
    query = PracticeQuery(language=language, text=prefix)
    vocabulary = Vocabulary(query.text_languages, index_version())
    words = prefix.split(" ")
    unknown = vocabulary.unknown(words)
    return " ".join(
        (vocabulary.nearest(word) or word) if word in unknown else word for word in words
    )
