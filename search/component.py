"""The search component shared by /<lang>/search/ and the practices index page.

``practice_search(request, language)`` validates the request and returns the
template context: the results of the requested page (with their cards,
excerpts and translations), the facets with their counts and links, and the
editors' promoted results. Its number of queries does not depend on how many
results are shown.
"""

from dataclasses import dataclass, field, replace

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from partners.models import OrganisationType, PartnerPage
from practices.models import PracticePage, TargetGroup, Theme
from website.pagecache import remember
from website.query import private_pages

from . import analysis, excerpts
from .backends import get_backend, highlighted
from .forms import SearchForm
from .models import PracticeEntry, UnansweredQuery
from .query import FACETS, PracticeQuery

FACET_LABELS = {
    "theme": _("Theme"),
    "group": _("Target group"),
    "country": _("Country"),
    "partner": _("Partner"),
    "type": _("Organisation type"),
    "year": _("Year started"),
    "status": _("Ongoing or finished"),
}
LABELS_CACHE_KEY = "search:labels:{}"
# With fewer results than this, practices in other languages are offered (at most
# OTHER_LANGUAGES of them).
OFFER_OTHER_LANGUAGES_BELOW = 3
OTHER_LANGUAGES = 5
LABELS_TIMEOUT = 60 * 60


class BadSearch(Exception):
    """The request asks for something that is not a search: answered with a 400."""

    def __init__(self, form):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
        self.form = form


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    label: str
    values: list


@dataclass
class Result:
    page: PracticePage
    excerpt: str
    themes: list
    language_name: str = ""
    translation: Page | None = None
    is_other_language: bool = False
    missing: list = field(default_factory=list)  # words of the search it lacks


def labels(language):
    """Display names of facet values in ``language``, cached: taxonomy and partners
    change rarely, and a search page must not look them up every time."""
    key = LABELS_CACHE_KEY.format(language)
    found = cache.get(key)
    if found is not None:
        return found
    locale = Locale.objects.filter(language_code=language).first()
    found = {}
    for name, model, title in (
        ("theme", Theme, "name"),
        ("group", TargetGroup, "name"),
        ("partner", PartnerPage, "title"),
    ):
        rows = model.objects.filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
        if model is PartnerPage:
            rows = rows.live()
        names = {}
        for slug, text, locale_id in rows.values_list("slug", title, "locale_id"):
            if slug not in names or (locale and locale_id == locale.pk):
                names[slug] = text
        found[name] = names
    cache.set(key, found, LABELS_TIMEOUT)
    return found


def clear_labels():
    cache.delete_many([LABELS_CACHE_KEY.format(code) for code, _name in settings.LANGUAGES])


def label_for(name, value, names):
    if name in names:
        return names[name].get(value, value)
    if name == "country":
        return countries.name(value) or value
    if name == "type":
        return dict(OrganisationType.choices).get(value, value)
    if name == "status":
        return dict(SearchForm.STATUS_CHOICES).get(value, value)
    return value


def toggled(request, name, value):
    params = request.GET.copy()
    params.pop("page", None)
    values = params.getlist(name)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    params.setlist(name, values)
    return "?" + params.urlencode()


def build_facets(request, query, counts, names):
    facets = []
    for name in FACETS:
        chosen = [str(value) for value in query.filters.get(name, [])]
        found = counts[name]
        values = [
            FacetValue(
                value=value,
                label=str(label_for(name, value, names)),
                count=found.get(value, 0),
                selected=value in chosen,
                url=toggled(request, name, value),
            )
            for value in dict.fromkeys([*chosen, *found])
        ]
        if name == "year":
            values.sort(key=lambda item: item.value, reverse=True)
        else:
            values.sort(key=lambda item: (not item.selected, -item.count, item.label.casefold()))
        if values:
            facets.append(Facet(name=name, label=FACET_LABELS[name], values=values))
    return facets


def cards(ids, query, backend):
    """The entries on screen, in the given order, with their page, partner, excerpt and
    the concepts each lacks, in one query: computed for these entries only, and
    remembered with them."""
    entries = PracticeEntry.objects.filter(page_id__in=ids).select_related(
        "page__locale", "page__partner", "text"
    )
    by_id = {entry.page_id: entry for entry in entries}
    if query.text:
        if hasattr(backend, "highlights"):  # a search engine outside the database
            for pk, excerpt in backend.highlights(query.search, list(by_id)).items():
                by_id[pk].excerpt = excerpt
        else:
            stems = excerpts.query_stems(query.search)
            for entry in by_id.values():
                text = f"{entry.summary} {entry.text.body}"
                entry.excerpt = excerpts.excerpt(text, entry.text_language, stems)
    for entry in by_id.values():
        entry.missing = missing_concepts(entry, query.search) if query.text else []
    return [by_id[pk] for pk in ids if pk in by_id]


def translations(pages, language):
    """The live public translation in ``language`` of each page, by translation key."""
    keys = [page.translation_key for page in pages]
    if not keys:
        return {}
    found = (
        Page.objects.live()
        .exclude(private_pages())
        .filter(translation_key__in=keys, locale__language_code=language)
        .only(
            "id", "title", "url_path", "path", "depth", "translation_key", "locale_id", "alias_of"
        )
        .annotate(in_review_of=F("in_review__shows"))  # showing its original's text meanwhile
    )
    return {page.translation_key: page for page in found}


def promoted(text, language):
    """Editors' promoted results for this query, in the active language where translated."""
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(text))
        .select_related("page")
        .order_by("sort_order")
    )
    in_language = translations([p.page for p in promotions if p.page], language)
    shown = []
    for promotion in promotions:
        if promotion.page is None:
            shown.append(
                {
                    "title": promotion.title,
                    "url": promotion.external_link_url,
                    "description": promotion.description,
                }
            )
            continue
        page = in_language.get(promotion.page.translation_key)
        if page is not None:
            shown.append(
                {"title": page.title, "url": page.url, "description": promotion.description}
            )
    return shown


def record(text, language, found):
    """Count the search for search_promotions' "Search terms" report, and the misses
    for ours: Query.add_hit's counting, as one statement per table."""
    query = Query.get(text)
    today = timezone.localdate()
    tables = [(QueryDailyHits._meta.db_table, "query_id, date", [query.pk, today])]
    if not found:
        tables.append(
            (
                UnansweredQuery._meta.db_table,
                "query_id, language, date",
                [query.pk, language, today],
            )
        )
    with connection.cursor() as cursor:
        for table, key, values in tables:
            marks = ", ".join(["%s"] * len(values))
            cursor.execute(
                f"INSERT INTO {table} ({key}, hits) VALUES ({marks}, 1)"  # noqa: S608
                f" ON CONFLICT ({key}) DO UPDATE SET hits = {table}.hits + 1",
                values,
            )


def missing_concepts(entry, search):
    """The required concepts of the search that ``entry``'s text lacks, as typed."""
    text = f"{entry.title} {entry.summary} {entry.text.body}"
    stems = set(analysis.stems(text, entry.text_language))
    return [
        concept.typed
        for concept in search.plan.required
        if not any(
            all(analysis.stem(word, entry.text_language) in stems for word in phrase)
            for phrase in concept.phrases
        )
    ]


def results_of(request, query, ids, backend, language, names):
    """The Result of each id on screen, in order."""
    shown = remember(
        request,
        f"search-cards:missing:{query.text}:{query.exact}:{sorted(query.languages)}:{ids}",
        lambda: cards(ids, query, backend),
    )
    foreign = [entry.page for entry in shown if entry.language != language]
    local = translations(foreign, language)
    return [
        Result(
            page=entry.page,
            excerpt=highlighted(entry.excerpt)
            if getattr(entry, "excerpt", None)
            else entry.summary,
            themes=[names["theme"].get(slug, slug) for slug in entry.theme_slugs.split()],
            language_name=get_language_info(entry.language)["name_translated"],
            translation=local.get(entry.translation_key),
            is_other_language=entry.language != language,
            missing=entry.missing,
        )
        for entry in shown
    ]


def other_languages(request, query, backend, language, names):
    """Practices written in other languages that the search finds, when it finds
    few in the reader's: each with its language and a link to a translation."""
    if not query.text or query.all_languages:
        return []
    wider = replace(query, all_languages=True, sort="relevance")
    counts = wider.facet_counts(backend)
    ids = wider.ranked_ids(counts["total"].get("all", 0), backend)[0 : OTHER_LANGUAGES * 3]
    languages = dict(
        PracticeEntry.objects.filter(page_id__in=ids).values_list("page_id", "language")
    )
    ids = [pk for pk in ids if languages.get(pk) != language][:OTHER_LANGUAGES]
    return results_of(request, wider, ids, backend, language, names)


def practice_search(request, language, per_page=None):
    form = SearchForm(request.GET)
    if not form.is_valid():
        raise BadSearch(form)
    backend = get_backend()
    query = PracticeQuery.from_form(form, language)
    counts = query.facet_counts(backend)
    total = counts.pop("total").get("all", 0)
    paginator = Paginator(
        query.ranked_ids(total, backend), per_page or settings.CONVIVIUM_SEARCH_PER_PAGE
    )
    results_page = paginator.get_page(request.GET.get("page"))
    ids = list(results_page.object_list)
    # The rows, facets and promotions are remembered until the content changes
    # (website.pagecache.remember); the hit counting below happens every time.
    names = labels(language)
    results_page.object_list = results_of(request, query, ids, backend, language, names)
    offers = (
        other_languages(request, query, backend, language, names)
        if total < OFFER_OTHER_LANGUAGES_BELOW and not request.GET.get("page")
        else []
    )
    facets = remember(
        request,
        f"search-facets:{language}:{request.get_full_path()}",
        lambda: build_facets(request, query, counts, names),
    )
    promotions = (
        remember(
            request,
            f"search-promotions:{language}:{query.text}",
            lambda: promoted(query.text, language),
        )
        if query.text
        else []
    )
    if query.text and not request.GET.get("page"):
        record(query.text, language, total)
    params = request.GET.copy()
    params.pop("page", None)
    return {
        "search_form": form,
        "search_query": query,
        "results": results_page,
        "result_count": total,
        "facets": facets,
        "promotions": promotions,
        "query": params.urlencode(),
        "all_languages_url": toggled(request, "all", "on"),
        "corrections": query.plan.corrections if query.text else [],
        "exact_url": exact_url(request, query),
        "relaxed": any(result.missing for result in results_page.object_list),
        "other_languages": offers,
    }


def exact_url(request, query):
    """The same search with the words as typed, not corrected."""
    params = request.GET.copy()
    params.pop("page", None)
    params["exact"] = "on"
    return "?" + params.urlencode()
