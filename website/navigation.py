from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page


def network_page(request, locale_id, model):
    """The live page of type ``model`` among the top sections of the site, in one language.

    All top sections of one language are fetched with one query per request,
    so that every listing can link to its index page for free.
    """
    cache = request.__dict__.setdefault("_convivium_network_pages", {})
    if locale_id not in cache:
        pages = Page.objects.live().filter(locale_id=locale_id, depth=3).select_related("locale")
        cache[locale_id] = {}
        for page in pages.order_by("path"):
            cache[locale_id].setdefault(page.content_type_id, page)
    return cache[locale_id].get(ContentType.objects.get_for_model(model).pk)
