"""Menus edited with wagtailmenus, rendered in the active language.

wagtailmenus' own tags localise each item with several queries per request.
Here a menu costs two queries (its items, then their pages in the active
language) the first time it is shown in a language, and none after that: the
result is cached per site and language until a page is published, moved or
deleted, or a menu is edited (see website.signals).
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Case, IntegerField, Q, When
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtailmenus.models import FlatMenuItem, MainMenuItem

from .caching import current_version, raise_version

VERSION_KEY = "convivium:menus:version"


@dataclass
class MenuEntry:
    text: str
    href: str
    path: str = ""

    def state(self, current_page):
        """ "page" for the current page, "ancestor" for a page above it, else ""."""
        if current_page is None or not self.path:
            return ""
        if current_page.path == self.path:
            return "page"
        return "ancestor" if current_page.path.startswith(self.path) else ""


def invalidate():
    raise_version(cache, VERSION_KEY)


def _cached(request, name, build):
    site = Site.find_for_request(request)
    if site is None:
        return []
    version = current_version(cache, VERSION_KEY)
    if version is None:  # the cache is unreachable
        return _entries(request, build(site))
    key = f"convivium:menus:{version}:{site.pk}:{get_language()}:{name}"
    entries = cache.get(key)
    if entries is None:
        entries = _entries(request, build(site))
        cache.set(key, entries, timeout=60 * 60 * 24)
    return entries


def main_menu(request):
    return _cached(
        request,
        "main",
        lambda site: (
            MainMenuItem.objects.filter(menu__site=site)
            .select_related("link_page")
            .order_by("sort_order")
        ),
    )


def flat_menu(request, handle):
    """A flat menu of this site, or of the default site when this one has none."""

    def items(site):
        candidates = list(
            FlatMenuItem.objects.filter(menu__handle=handle)
            .filter(Q(menu__site=site) | Q(menu__site__is_default_site=True))
            .annotate(
                own_site=Case(When(menu__site=site, then=1), default=0, output_field=IntegerField())
            )
            .select_related("link_page")
            .order_by("-own_site", "menu_id", "sort_order")
        )
        chosen = candidates[0].menu_id if candidates else None
        return [item for item in candidates if item.menu_id == chosen]

    return _cached(request, f"flat:{handle}", items)


def _entries(request, items):
    items = list(items)
    keys = [item.link_page.translation_key for item in items if item.link_page_id]
    in_language = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(translation_key__in=keys, locale__language_code=get_language())
        .select_related("locale")
    }
    entries = []
    for item in items:
        if item.link_page_id:
            # Untranslated pages stay in the menu, in the source language.
            page = in_language.get(item.link_page.translation_key, item.link_page)
            if not (page.live and page.show_in_menus):
                continue
            entries.append(
                MenuEntry(
                    text=item.link_text or page.title,
                    href=(page.get_url(request) or "") + (item.url_append or ""),
                    path=page.path,
                )
            )
        elif item.link_url:
            entries.append(
                MenuEntry(item.link_text or item.link_url, item.link_url + (item.url_append or ""))
            )
    return entries
