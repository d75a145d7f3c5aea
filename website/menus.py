"""Menus edited with wagtailmenus, rendered in the active language.

wagtailmenus' own tags localise each item with several queries; here a menu
costs two queries whatever its length: its items, then their pages in the
active language. An item's label is the page title in that language unless
the editor typed a fixed label.
"""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, When
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtailmenus.models import FlatMenuItem, MainMenuItem


@dataclass
class MenuEntry:
    text: str
    href: str
    active: bool = False
    ancestor: bool = False


def main_menu(request, current_page=None):
    site = Site.find_for_request(request)
    if site is None:
        return []
    items = MainMenuItem.objects.filter(menu__site=site).select_related("link_page")
    return _entries(request, items.order_by("sort_order"), current_page)


def flat_menu(request, handle, current_page=None):
    """A flat menu of this site, or of the default site when this one has none."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    items = (
        FlatMenuItem.objects.filter(menu__handle=handle)
        .filter(Q(menu__site=site) | Q(menu__site__is_default_site=True))
        .annotate(
            own_site=Case(When(menu__site=site, then=1), default=0, output_field=IntegerField())
        )
        .select_related("link_page")
        .order_by("-own_site", "menu_id", "sort_order")
    )
    items = list(items)
    if items:
        chosen_menu = items[0].menu_id
        items = [item for item in items if item.menu_id == chosen_menu]
    return _entries(request, items, current_page)


def _entries(request, items, current_page):
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
            page = in_language.get(item.link_page.translation_key, item.link_page)
            if not (page.live and page.show_in_menus):
                continue
            href = (page.get_url(request) or "") + (item.url_append or "")
            text = item.link_text or page.title
            active = current_page is not None and current_page.pk == page.pk
            ancestor = (
                current_page is not None
                and not active
                and current_page.path.startswith(page.path)
            )
            entries.append(MenuEntry(text, href, active, ancestor))
        elif item.link_url:
            entries.append(MenuEntry(item.link_text or item.link_url, item.link_url + (item.url_append or "")))
    return entries
