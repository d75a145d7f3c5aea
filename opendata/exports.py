"""The practices index's current selection as open data: CSV and JSON downloads.

The selection is read from the same request parameters as the index (text,
facets, language, order) through the search app's validated form and query,
so a download holds exactly the practices the index lists, each with its facet
values and its stable identifier (the translation key shared by all its
translations). Both files state the licence; CSV on every row, so that it
survives any cut of the file.
"""

import csv
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.views.decorators.http import require_GET

from practices.models import PracticePage
from search.backends import SearchUnavailable, get_backend
from search.component import FACET_LABELS, label_for, labels
from search.forms import SearchForm
from search.query import PracticeQuery
from website.addresses import site_url
from website.exports import neutralise

COLUMNS = [
    "translation_key",
    "id",
    "language",
    "title",
    "summary",
    "url",
    "partner",
    "partner_slug",
    "country",
    "organisation_type",
    "themes",
    "target_groups",
    "start_date",
    "end_date",
    "status",
    "first_published_at",
    "last_published_at",
    "licence",
]


def selection(request):
    """(form, query, facet counts, practices in the index's order) for this request."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return form, None, None, None
    backend = get_backend()
    query = PracticeQuery.from_form(form, translation.get_language())
    counts = query.facet_counts(backend)
    total = counts.pop("total").get("all", 0)
    ids = list(query.ranked_ids(total, backend)[0:total]) if total else []
    pages = PracticePage.objects.filter(pk__in=ids).with_taxonomy()
    by_id = {page.pk: page for page in pages}
    return form, query, counts, [by_id[pk] for pk in ids if pk in by_id]


def licence_text():
    licence = settings.CONVIVIUM_OPEN_DATA_LICENCE
    return f"{licence['name']} {licence['url']}"


def row(page, request):
    partner = page.partner
    return {
        "translation_key": str(page.translation_key),
        "id": page.pk,
        "language": page.locale.language_code,
        "title": page.title,
        "summary": page.summary,
        "url": page.get_full_url(request),
        "partner": partner.title if partner else "",
        "partner_slug": partner.slug if partner else "",
        "country": partner.country.code if partner else "",
        "organisation_type": partner.organisation_type if partner else "",
        "themes": [link.theme.slug for link in page.practice_themes.all()],
        "target_groups": [link.target_group.slug for link in page.practice_target_groups.all()],
        "start_date": page.start_date,
        "end_date": page.end_date,
        "status": "ongoing" if page.ongoing else "finished",
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "licence": licence_text(),
    }


def refused(form):
    return JsonResponse(
        {"message": "This selection cannot be exported.", "errors": form.errors}, status=400
    )


def unavailable():
    response = JsonResponse(
        {"message": "The search engine does not answer: try again in a few minutes."}, status=503
    )
    response["Retry-After"] = "120"
    return response


def attachment(response, extension):
    stamp = timezone.localtime().strftime("%Y%m%d")
    name = f"practices-{translation.get_language()}-{stamp}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Link"] = f'<{settings.CONVIVIUM_OPEN_DATA_LICENCE["url"]}>; rel="license"'
    return response


class Echo:
    def write(self, value):
        return value


@require_GET
def practices_csv(request):
    try:
        form, _query, _counts, practices = selection(request)
    except SearchUnavailable:
        return unavailable()
    if practices is None:
        return refused(form)

    def lines():
        writer = csv.DictWriter(Echo(), fieldnames=COLUMNS)
        yield "\ufeff"  # a byte-order mark, so that spreadsheets read the file as UTF-8
        yield writer.writeheader()
        for page in practices:
            values = row(page, request)
            values["themes"] = " ".join(values["themes"])
            values["target_groups"] = " ".join(values["target_groups"])
            yield writer.writerow({name: neutralise(value) for name, value in values.items()})

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    return attachment(response, "csv")


@require_GET
def practices_json(request):
    try:
        form, query, counts, practices = selection(request)
    except SearchUnavailable:
        return unavailable()
    if practices is None:
        return refused(form)
    language = translation.get_language()
    names = labels(language)
    facets = {
        name: [
            {"value": value, "label": str(label_for(name, value, names)), "count": count}
            for value, count in sorted(counts[name].items(), key=lambda item: -item[1])
        ]
        for name in FACET_LABELS
    }
    document = {
        "licence": {
            "name": settings.CONVIVIUM_OPEN_DATA_LICENCE["name"],
            "url": settings.CONVIVIUM_OPEN_DATA_LICENCE["url"],
        },
        "source": site_url(request, request.get_full_path()),
        "generated_at": timezone.now(),
        "language": language,
        "selection": {
            "q": query.text,
            "all_languages": query.all_languages,
            "sort": query.sort,
            "filters": {
                name: [str(value) for value in values] for name, values in query.filters.items()
            },
        },
        "count": len(practices),
        "facets": facets,
        "items": [
            {key: value for key, value in row(page, request).items() if key != "licence"}
            for page in practices
        ],
    }
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    return attachment(response, "json")
