from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page


def network_page(request, locale, model):
    """The live page of type ``model`` among the top sections of the site, in ``locale``.

    All top sections of one language are fetched with one query per request,
    so that every listing can link to its index page for free.
    """
    cache = request.__dict__.setdefault("_convivium_network_pages", {})
    if locale.pk not in cache:
        cache[locale.pk] = {
            page.content_type_id: page
            for page in Page.objects.live()
            .filter(locale=locale, depth=3)
            .select_related("locale")
            .order_by("path")
            .reverse()
        }
    return cache[locale.pk].get(ContentType.objects.get_for_model(model).pk)
