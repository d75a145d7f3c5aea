"""Page routing with a constant number of queries, whatever the depth of the page."""

from django.contrib.contenttypes.models import ContentType
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

    The site and the deepest page's id are remembered until the content
    changes (website.pagecache.remember): then a page costs one query.
    """
    host = f"{request._get_raw_host()}:{request.get_port()}"
    site = remember(request, f"site:{host}", lambda: Site.find_for_request(request))
    request._wagtail_site = site
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    language = translation.get_language()
    found = remember(
        request,
        f"route:{site.pk}:{language}:{'/'.join(components)}",
        lambda: deepest_page(site, components, language),
    )
    if found is None:
        return Page.route_for_request(request, path)
    page_id, content_type_id, depth = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    deepest = model._default_manager.filter(pk=page_id).first() if model else None
    if deepest is None:  # gone since: routed the long way
        deepest = Page.objects.filter(pk=page_id).first()
        if deepest is None:
            return Page.route_for_request(request, path)
        deepest = deepest.specific
    try:
        return deepest.route(request, components[depth - site.root_page.depth :])
    except Http404:
        return None


def deepest_page(site, components, language):
    """(id, content type id, depth) of the deepest page on the path, or None."""
    localized_root = Page.objects.filter(
        translation_key=site.root_page.translation_key, locale__language_code=language
    )
    root_url_path = Subquery(localized_root.values("url_path")[:1])
    addresses = Q()
    for length in range(len(components) + 1):
        suffix = "".join(f"{component}/" for component in components[:length])
        addresses |= Q(url_path=Concat(root_url_path, Value(suffix), output_field=CharField()))
    return (
        Page.objects.filter(addresses, depth__gte=site.root_page.depth)
        .filter(path__startswith=Subquery(localized_root.values("path")[:1]))
        .order_by("-depth")
        .values_list("pk", "content_type_id", "depth")
        .first()
    )


def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    return wagtail_views.serve(request, path)
