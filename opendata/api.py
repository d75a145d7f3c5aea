"""The public, read-only API (Wagtail API v2) of practices, events, partners and taxonomy.

Each endpoint declares its fields and filters once, as ``OpenField`` and
``OpenFilter``: the serializers, the accepted query parameters and the OpenAPI
description (:mod:`opendata.openapi`) are all made from these declarations, so
that the description cannot drift from what the API answers.

Every item carries its ``translation_key``, shared by all its translations, and
links to its translations; listings find those links for the whole page of
results in one query, so their query count does not grow with the results.
"""

import re
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import F, Prefetch
from django.http import Http404
from django.urls import path
from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import BaseSerializer, PageSerializer
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images.models import SourceImageIOError
from wagtail.models import Locale, Page

from events.models import EventPage
from partners.models import PartnerPage
from practices.models import (
    PracticePage,
    PracticePageTargetGroup,
    PracticePageTheme,
    TargetGroup,
    Theme,
)
from website.addresses import site_url
from website.fallbacks import OWN_TEXT
from website.query import private_pages

MAX_LIMIT = 100
MAX_OFFSET = 1_000_000
MAX_FILTER_VALUES = 20
IMAGE_SPEC = "fill-1200x630"
SLUG = re.compile(r"^[-a-z0-9_]{1,100}\Z")
COUNTRY = re.compile(r"^[A-Za-z]{2}\Z")


def public_pages(model):
    """Live, public pages of ``model`` in every language, translations proper only:
    a fallback shows another language's text and is not an item of its own."""
    return model.objects.live().exclude(private_pages()).filter(OWN_TEXT)


# -- declarations ---------------------------------------------------------------


@dataclass
class OpenField:
    """A field of an item: its name, its JSON Schema, and how it is serialized."""

    name: str
    schema: dict
    serializer: Field | None = None
    meta: bool = False
    listing: bool = False  # shown in listings without ?fields=


@dataclass
class OpenFilter:
    """A query parameter that filters a listing: comma-separated values, any of which matches."""

    name: str
    lookup: str
    pattern: re.Pattern
    description: str
    normalise: callable = str
    examples: list = field(default_factory=list)
    # For a to-many relation: values → ids of the matching items, so that the
    # listing needs no DISTINCT (which PostgreSQL refuses with a random order).
    matching_ids: callable = None

    def values(self, raw):
        values = [value.strip() for value in raw.split(",") if value.strip()]
        if not values or len(values) > MAX_FILTER_VALUES:
            raise BadRequestError(
                f"{self.name}: give between 1 and {MAX_FILTER_VALUES} comma-separated values"
            )
        for value in values:
            if not self.pattern.match(value):
                raise BadRequestError(f"{self.name}: {value[:50]!r} is not a valid value")
        return [self.normalise(value) for value in values]


def nullable(schema):
    return {**schema, "type": [schema["type"], "null"]}


STRING = {"type": "string"}
DATE = {"type": "string", "format": "date"}
DATETIME = {"type": "string", "format": "date-time"}
NUMBER = {"type": "number"}
LINKED_TERM = {
    "type": "object",
    "properties": {"id": {"type": "integer"}, "slug": STRING, "name": STRING},
    "required": ["id", "slug", "name"],
    "additionalProperties": False,
}
IMAGE = {
    "type": ["object", "null"],
    "properties": {
        "url": {"type": "string", "format": "uri"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "alt": STRING,
    },
    "additionalProperties": False,
}
PARTNER_LINK = {
    "type": ["object", "null"],
    "properties": {
        "id": {"type": "integer"},
        "slug": STRING,
        "title": STRING,
        "country": STRING,
        "translation_key": {"type": "string", "format": "uuid"},
    },
    "additionalProperties": False,
}
TRANSLATIONS = {
    "type": "array",
    "description": "Every translation of this item, this one included.",
    "items": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "locale": STRING,
            "detail_url": {"type": "string", "format": "uri"},
            "html_url": {"type": ["string", "null"], "format": "uri"},
        },
        "required": ["id", "locale", "detail_url"],
        "additionalProperties": False,
    },
}


# -- serializer fields ----------------------------------------------------------


class WholeItemField(Field):
    """A read-only field computed from the whole item."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance


class LocaleField(WholeItemField):
    def to_representation(self, item):
        return item.locale.language_code


class TranslationKeyField(WholeItemField):
    def to_representation(self, item):
        return str(item.translation_key)


class TranslationsField(WholeItemField):
    def to_representation(self, item):
        return self.context["view"].translations_of(item)


class TermsField(WholeItemField):
    """Themes or target groups of a practice, through its prefetched link rows."""

    def __init__(self, relation, term, **kwargs):
        self.relation, self.term = relation, term
        super().__init__(**kwargs)

    def to_representation(self, item):
        terms = [getattr(link, self.term) for link in getattr(item, self.relation).all()]
        return [{"id": term.pk, "slug": term.slug, "name": term.name} for term in terms]


class RelatedObjectField(WholeItemField):
    """A field shown from one related object of the item, named by ``attribute``."""

    def __init__(self, attribute, **kwargs):
        self.attribute = attribute
        super().__init__(**kwargs)


class PartnerLinkField(RelatedObjectField):
    def to_representation(self, item):
        partner = getattr(item, self.attribute)
        if partner is None:
            return None
        return {
            "id": partner.pk,
            "slug": partner.slug,
            "title": partner.title,
            "country": partner.country.code,
            "translation_key": str(partner.translation_key),
        }


class ImageField(RelatedObjectField):
    """A rendition for sharing (1200×630), found among the prefetched renditions."""

    def to_representation(self, item):
        image = getattr(item, self.attribute)
        if image is None:
            return None
        try:
            rendition = image.get_rendition(IMAGE_SPEC)
        except SourceImageIOError:
            return None
        return {
            "url": site_url(self.context["request"], rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": rendition.alt,
        }


class HtmlUrlField(WholeItemField):
    """The page's address on the site the request came to, where it is under that site."""

    def to_representation(self, page):
        return page.get_full_url(self.context["request"])


class CountryField(WholeItemField):
    def __init__(self, attribute, **kwargs):
        self.attribute = attribute
        super().__init__(**kwargs)

    def to_representation(self, item):
        return getattr(item, self.attribute).code or ""


class DecimalNumberField(WholeItemField):
    def __init__(self, attribute, **kwargs):
        self.attribute = attribute
        super().__init__(**kwargs)

    def to_representation(self, item):
        value = getattr(item, self.attribute)
        return None if value is None else float(value)


class OpenPageSerializer(PageSerializer):
    locale = LocaleField()


class OpenSnippetSerializer(BaseSerializer):
    locale = LocaleField()


class OpenPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        for name, largest in (("offset", MAX_OFFSET), ("limit", MAX_LIMIT)):
            value = request.GET.get(name, "0")
            if not re.fullmatch(r"[0-9]{1,9}", value) or int(value) > largest:
                raise BadRequestError(f"{name} must be a whole number from 0 to {largest}")
        page = list(super().paginate_queryset(queryset, request, view))
        if view is not None:
            view.shown = page
        return page


class OpenFilters:
    """Applies the endpoint's declared filters (and ?translation_key=)."""

    def filter_queryset(self, request, queryset, view):
        for item_filter in view.filters:
            if item_filter.name in request.GET:
                values = item_filter.values(request.GET[item_filter.name])
                if item_filter.matching_ids:
                    queryset = queryset.filter(pk__in=item_filter.matching_ids(values))
                else:
                    queryset = queryset.filter(**{f"{item_filter.lookup}__in": values})
        if "locale" in request.GET:
            code = request.GET["locale"]
            if not Locale.objects.filter(language_code=code).exists():
                raise BadRequestError(f"locale: {code[:20]!r} is not a language of this site")
            queryset = queryset.filter(locale__language_code=code)
        if "translation_key" in request.GET:
            try:
                key = uuid.UUID(request.GET["translation_key"])
            except ValueError as error:
                raise BadRequestError("translation_key must be a UUID") from error
            queryset = queryset.filter(translation_key=key)
        return queryset


# -- endpoints ------------------------------------------------------------------


class OpenEndpoint:
    """What every Convivium endpoint shares: declared fields and filters, bounded
    pagination, translations found in one query, bad input answered with a 400."""

    pagination_class = OpenPagination
    filter_backends = [OpenFilters, OrderingFilter]
    open_fields = []
    filters = []
    ordering = ["id"]
    api_description = ""
    common_parameters = ["limit", "offset", "fields", "order", "locale", "translation_key"]

    @classmethod
    def all_fields(cls):
        return cls.base_fields + cls.open_fields

    @classmethod
    def get_body_fields(cls, model):
        fields = [APIField("id")]
        fields += [
            APIField(item.name, serializer=item.serializer)
            for item in cls.all_fields()
            if not item.meta
        ]
        return fields

    @classmethod
    def get_meta_fields(cls, model):
        return [APIField("type"), APIField("detail_url")] + [
            APIField(item.name, serializer=item.serializer)
            for item in cls.all_fields()
            if item.meta
        ]

    @classmethod
    def get_listing_default_fields(cls, model):
        return ["id", "type", "detail_url"] + [
            item.name for item in cls.all_fields() if item.listing
        ]

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            # Any segment, so that a malformed id gets the API's own 404.
            path("<str:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    @classmethod
    def orderable_fields(cls, model):
        return cls.get_available_fields(model, db_fields_only=True)

    def check_query_parameters(self, queryset):
        known = set(self.common_parameters) | {item.name for item in self.filters}
        unknown = set(self.request.GET) - known
        if unknown:
            named = ", ".join(sorted(name[:50] for name in unknown))
            raise BadRequestError(
                f"unknown query parameter: {named} (known: {', '.join(sorted(known))})"
            )

    def get_queryset(self):
        return self.base_queryset().order_by(*self.ordering)

    def detail_view(self, request, pk):
        self.shown = [self.get_object()]
        return super().detail_view(request, pk)

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            pk = self.kwargs["pk"]
            if not re.fullmatch(r"[0-9]{1,18}", pk):
                raise Http404("not found: an id is a positive whole number")
            try:
                self._cached_object = self.base_queryset().get(pk=int(pk))
            except self.model.DoesNotExist as error:
                raise Http404("not found") from error
        return self._cached_object

    def handle_exception(self, exc):
        # Values a filter cannot hold (a date that is not one, a number too large
        # for the database) are the client's mistake.
        if isinstance(exc, ValidationError | OverflowError):
            exc = BadRequestError(f"invalid value: {exc}"[:200])
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        if response.status_code == 404:
            # LocaleMiddleware would redirect a 404 to the same address under /en/,
            # where the pages' catch-all pattern matches anything; an API answers 404.
            # It reads request.urlconf for the patterns: ours have no language prefix.
            request._request.urlconf = "opendata.urls"
        return super().finalize_response(request, response, *args, **kwargs)

    def detail_url(self, pk):
        return get_object_detail_url(self.request.wagtailapi_router, self.request, self.model, pk)

    def translations_of(self, item):
        """Every translation of ``item``, found for all items shown in one query."""
        if not hasattr(self, "_translations"):
            keys = {shown.translation_key for shown in getattr(self, "shown", [item])}
            self._translations = {}
            for other in self.translations_queryset(keys):
                self._translations.setdefault(other.translation_key, []).append(
                    self.translation_link(other)
                )
        return self._translations.get(item.translation_key, [])


class OpenPagesEndpoint(OpenEndpoint, PagesAPIViewSet):
    base_serializer_class = OpenPageSerializer
    base_fields = [
        OpenField(
            "html_url",
            {"type": ["string", "null"], "format": "uri"},
            HtmlUrlField(),
            meta=True,
            listing=True,
        ),
        OpenField("slug", STRING, meta=True, listing=True),
        OpenField("first_published_at", nullable(DATETIME), meta=True, listing=True),
        OpenField("last_published_at", nullable(DATETIME), meta=True),
        OpenField("locale", STRING, meta=True, listing=True),
        OpenField(
            "translation_key",
            {"type": "string", "format": "uuid"},
            TranslationKeyField(),
            meta=True,
            listing=True,
        ),
        OpenField("translations", TRANSLATIONS, TranslationsField(), meta=True, listing=True),
        OpenField("title", STRING, listing=True),
    ]
    # Newest first, the same on every database (never published last).
    ordering = [F("first_published_at").desc(nulls_last=True), "-id"]

    def base_queryset(self):
        return public_pages(self.model).select_related("locale")

    def get_base_queryset(self):
        return self.base_queryset()

    def translations_queryset(self, keys):
        return (
            public_pages(Page)
            .filter(translation_key__in=keys)
            .select_related("locale")
            .only("id", "url_path", "path", "depth", "translation_key", "locale")
            .order_by("locale__language_code")
        )

    def translation_link(self, page):
        return {
            "id": page.pk,
            "locale": page.locale.language_code,
            "detail_url": self.detail_url(page.pk),
            "html_url": page.get_full_url(self.request),
        }


class OpenSnippetsEndpoint(OpenEndpoint, BaseAPIViewSet):
    base_serializer_class = OpenSnippetSerializer
    base_fields = [
        OpenField("locale", STRING, meta=True, listing=True),
        OpenField(
            "translation_key",
            {"type": "string", "format": "uuid"},
            TranslationKeyField(),
            meta=True,
            listing=True,
        ),
        OpenField("translations", TRANSLATIONS, TranslationsField(), meta=True, listing=True),
    ]
    ordering = ["name", "id"]

    def base_queryset(self):
        return self.model.objects.select_related("locale")

    def translations_queryset(self, keys):
        return (
            self.base_queryset().filter(translation_key__in=keys).order_by("locale__language_code")
        )

    def translation_link(self, term):
        return {
            "id": term.pk,
            "locale": term.locale.language_code,
            "detail_url": self.detail_url(term.pk),
        }


RICH_TEXT = {"type": "string", "description": "HTML"}
LANGUAGE_FILTER = "A language code (locale) of the site, such as en, it or ar."


class PracticesEndpoint(OpenPagesEndpoint):
    api_name = "practices"
    model = PracticePage
    api_description = "Good practices of the network's partners, one item per translation."
    open_fields = [
        OpenField("summary", STRING, listing=True),
        OpenField("start_date", DATE, listing=True),
        OpenField("end_date", nullable(DATE)),
        OpenField("ongoing", {"type": "boolean"}, listing=True),
        OpenField("partner", PARTNER_LINK, PartnerLinkField("partner"), listing=True),
        OpenField(
            "themes",
            {"type": "array", "items": LINKED_TERM},
            TermsField("practice_themes", "theme"),
            listing=True,
        ),
        OpenField(
            "target_groups",
            {"type": "array", "items": LINKED_TERM},
            TermsField("practice_target_groups", "target_group"),
            listing=True,
        ),
        OpenField("featured_image", IMAGE, ImageField("featured_image")),
        OpenField("context", RICH_TEXT),
        OpenField("approach", RICH_TEXT),
        OpenField("results", RICH_TEXT),
        OpenField("lessons_learned", RICH_TEXT),
        OpenField("transferability", RICH_TEXT),
        OpenField("contact", STRING),
    ]
    filters = [
        OpenFilter(
            "theme",
            "practice_themes__theme__slug",
            SLUG,
            "Theme slugs (the same in every language), comma-separated: any of them.",
            examples=["integration"],
            matching_ids=lambda slugs: PracticePageTheme.objects.filter(
                theme__slug__in=slugs
            ).values("page_id"),
        ),
        OpenFilter(
            "target_group",
            "practice_target_groups__target_group__slug",
            SLUG,
            "Target group slugs, comma-separated: any of them.",
            matching_ids=lambda slugs: PracticePageTargetGroup.objects.filter(
                target_group__slug__in=slugs
            ).values("page_id"),
        ),
        OpenFilter(
            "country",
            "partner__country",
            COUNTRY,
            "ISO 3166 country codes of the partner, comma-separated.",
            normalise=str.upper,
            examples=["IT"],
        ),
        OpenFilter(
            "partner",
            "partner__slug",
            SLUG,
            "Partner slugs (the same in every language), comma-separated.",
        ),
    ]

    def base_queryset(self):
        return (
            super()
            .base_queryset()
            .select_related("partner", "featured_image")
            .prefetch_related(
                "featured_image__renditions",
                Prefetch(
                    "practice_themes",
                    PracticePageTheme.objects.select_related("theme").order_by("sort_order"),
                ),
                Prefetch(
                    "practice_target_groups",
                    PracticePageTargetGroup.objects.select_related("target_group").order_by(
                        "sort_order"
                    ),
                ),
            )
            .defer_streamfields()
        )


class EventsEndpoint(OpenPagesEndpoint):
    api_name = "events"
    model = EventPage
    api_description = "Transnational and local events, one item per translation."
    open_fields = [
        OpenField("summary", STRING, listing=True),
        OpenField("kind", {"type": "string", "enum": ["transnational", "local"]}, listing=True),
        OpenField("start", DATETIME, listing=True),
        OpenField("end", DATETIME, listing=True),
        OpenField("time_zone", STRING),
        OpenField("venue_name", STRING),
        OpenField("venue_address", STRING),
        OpenField("venue_city", STRING, listing=True),
        OpenField("venue_country", STRING, CountryField("venue_country"), listing=True),
        OpenField("latitude", {"type": ["number", "null"]}, DecimalNumberField("latitude")),
        OpenField("longitude", {"type": ["number", "null"]}, DecimalNumberField("longitude")),
        OpenField("host_partner", PARTNER_LINK, PartnerLinkField("host_partner"), listing=True),
        OpenField(
            "registration_status",
            {"type": "string", "enum": ["open", "closed", "not_required"]},
        ),
        OpenField("registration_url", STRING),
    ]
    filters = [
        OpenFilter(
            "country",
            "venue_country",
            COUNTRY,
            "ISO 3166 country codes of the venue, comma-separated.",
            normalise=str.upper,
        ),
        OpenFilter(
            "partner",
            "host_partner__slug",
            SLUG,
            "Slugs of the host partner, comma-separated.",
        ),
        OpenFilter(
            "kind", "kind", re.compile(r"^(transnational|local)\Z"), "transnational or local."
        ),
    ]
    ordering = ["start", "id"]

    def base_queryset(self):
        return super().base_queryset().select_related("host_partner").defer_streamfields()


class PartnersEndpoint(OpenPagesEndpoint):
    api_name = "partners"
    model = PartnerPage
    api_description = "The network's partners (municipalities and organisations)."
    open_fields = [
        OpenField("organisation_name", STRING, listing=True),
        OpenField(
            "organisation_type",
            {"type": "string", "enum": ["municipality", "ngo", "other"]},
            listing=True,
        ),
        OpenField("city", STRING, listing=True),
        OpenField("country", STRING, CountryField("country"), listing=True),
        OpenField("latitude", {"type": ["number", "null"]}, DecimalNumberField("latitude")),
        OpenField("longitude", {"type": ["number", "null"]}, DecimalNumberField("longitude")),
        OpenField("population", {"type": ["integer", "null"]}),
        OpenField("languages", {"type": "array", "items": STRING}),
        OpenField("intro", STRING),
        OpenField("website", STRING),
        OpenField("member_since", nullable(DATE)),
        OpenField("logo", IMAGE, ImageField("logo")),
    ]
    filters = [
        OpenFilter(
            "country",
            "country",
            COUNTRY,
            "ISO 3166 country codes, comma-separated.",
            normalise=str.upper,
        ),
        OpenFilter(
            "organisation_type",
            "organisation_type",
            re.compile(r"^(municipality|ngo|other)\Z"),
            "municipality, ngo or other.",
        ),
        OpenFilter("partner", "slug", SLUG, "Partner slugs, comma-separated."),
    ]
    ordering = ["title", "id"]

    def base_queryset(self):
        return (
            super()
            .base_queryset()
            .select_related("logo")
            .prefetch_related("logo__renditions")
            .defer_streamfields()
        )


TERM_FIELDS = [
    OpenField("name", STRING, listing=True),
    OpenField("slug", STRING, listing=True),
    OpenField("description", STRING),
]


class ThemesEndpoint(OpenSnippetsEndpoint):
    api_name = "themes"
    model = Theme
    api_description = "Themes of the practices (a translatable taxonomy)."
    open_fields = TERM_FIELDS
    filters = [OpenFilter("slug", "slug", SLUG, "Slugs, comma-separated.")]


class TargetGroupsEndpoint(OpenSnippetsEndpoint):
    api_name = "target_groups"
    model = TargetGroup
    api_description = "Target groups of the practices (a translatable taxonomy)."
    open_fields = TERM_FIELDS
    filters = [OpenFilter("slug", "slug", SLUG, "Slugs, comma-separated.")]


ENDPOINTS = [
    PracticesEndpoint,
    EventsEndpoint,
    PartnersEndpoint,
    ThemesEndpoint,
    TargetGroupsEndpoint,
]

api_router = WagtailAPIRouter("opendata_api")
for endpoint in ENDPOINTS:
    api_router.register_endpoint(endpoint.api_name, endpoint)
