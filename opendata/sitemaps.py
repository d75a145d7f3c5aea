"""/sitemap.xml of the request's site, every page with its translations (hreflang)."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from website.addresses import site_url
from website.fallbacks import OWN_TEXT
from website.query import private_pages


class SitePagesSitemap(Sitemap):
    """Every live, public page of one site in every language, translations proper only.

    All the site's pages are read in one query; a page's translations are the
    pages with its translation key, so the alternates come from the same rows
    and the number of queries does not grow with the site.
    """

    def __init__(self, request):
        self.request = request
        self.site = Site.find_for_request(request)

    def items(self):
        if not hasattr(self, "_site_pages"):
            self._site_pages = list(self.pages()) if self.site else []
        return self._site_pages

    def pages(self):
        roots = Page.objects.filter(translation_key=self.site.root_page.translation_key)
        under_roots = reduce(
            or_, (Q(path__startswith=path) for path in roots.values_list("path", flat=True)), Q()
        )
        if not under_roots:
            return Page.objects.none()
        return (
            Page.objects.live()
            .exclude(private_pages())
            .filter(under_roots, OWN_TEXT)
            .select_related("locale")
            .only(
                "id",
                "url_path",
                "path",
                "depth",
                "translation_key",
                "locale",
                "first_published_at",
                "last_published_at",
            )
            .order_by("path", "locale__language_code")
        )

    def get_urls(self, page=1, site=None, protocol=None):
        items = self.items()
        locations = {item.pk: item.get_full_url(self.request) for item in items}
        versions = {}
        for item in items:
            if locations[item.pk]:
                versions.setdefault(item.translation_key, []).append(item)
        urls = []
        for item in self.paginator.page(page).object_list:
            if not locations[item.pk]:
                continue
            alternates = [
                {"lang_code": version.locale.language_code, "location": locations[version.pk]}
                for version in versions[item.translation_key]
            ]
            default = next(
                (a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None
            )
            if len(alternates) > 1 and default:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
            urls.append(
                {
                    "item": item,
                    "location": locations[item.pk],
                    "lastmod": item.last_published_at or item.first_published_at,
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        return urls


@require_GET
def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": SitePagesSitemap(request)})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        f"Sitemap: {site_url(request, reverse('opendata_sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
