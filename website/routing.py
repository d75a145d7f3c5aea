"""Page routing with a constant number of queries, whatever the depth of the page."""

from django.db.models import CharField, Q, Subquery, Value
from django.db.models.functions import Concat
from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .pagecache import remember


def route(request, path):
    """Wagtail's route for ``path`` on this request's site, in the active language.

    Wagtail finds the localized site root, then walks the tree a slug at a
    time with two queries per level. Here one query finds the deepest page
    whose address is a prefix of the path, under the root page's translation
    in the active language; that page's own ``route`` takes the rest of the
    path, so sub-URLs of routable pages still work. Where the site root has
    no translation in the active language, Wagtail's own routing decides.

    The deepest page and its view restrictions are remembered until the
    content changes (website.pagecache.remember): then routing costs no query.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    language = translation.get_language()
    deepest = remember(
        request,
        f"route:{site.pk}:{language}:{'/'.join(components)}",
        lambda: deepest_page(site, components, language),
    )
    if deepest is None:
        return Page.route_for_request(request, path)
    # Wagtail's check before serving asks the page for its view restrictions
    # (two queries); they are remembered with the route. The page object is
    # this request's own copy.
    restrictions = remember(
        request, f"restrictions:{deepest.pk}", lambda: list(deepest.get_view_restrictions())
    )
    deepest.get_view_restrictions = lambda: restrictions
    consumed = deepest.depth - site.root_page.depth
    try:
        return deepest.route(request, components[consumed:])
    except Http404:
        return None


def deepest_page(site, components, language):
    """The deepest page on the path, as its specific type, or None."""
    localized_root = Page.objects.filter(
        translation_key=site.root_page.translation_key, locale__language_code=language
    )
    root_url_path = Subquery(localized_root.values("url_path")[:1])
    addresses = Q()
    for length in range(len(components) + 1):
        suffix = "".join(f"{component}/" for component in components[:length])
        addresses |= Q(url_path=Concat(root_url_path, Value(suffix), output_field=CharField()))
    deepest = (
        Page.objects.filter(addresses, depth__gte=site.root_page.depth)
        .filter(path__startswith=Subquery(localized_root.values("path")[:1]))
        .order_by("-depth")
        .first()
    )
    return deepest.specific if deepest else None


def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    return wagtail_views.serve(request, path)
