from django import template
from django.conf import settings
from django.urls import reverse

from website.fallbacks import fallback_of
from website.translations import lineage

register = template.Library()


@register.inclusion_tag("website/includes/language_switcher.html", takes_context=True)
def language_switcher(context, page):
    return {"links": lineage(page, context["request"]).links}


@register.inclusion_tag("website/includes/alternate_links.html", takes_context=True)
def alternate_links(context, page):
    """<link rel="alternate" hreflang> for every translation, and x-default."""
    links = lineage(page, context["request"]).links
    translations = [link for link in links if link.is_translation]
    default = next((link for link in translations if link.code == settings.LANGUAGE_CODE), None)
    return {"translations": translations, "default": default}


@register.inclusion_tag("website/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    return {"ancestors": lineage(page, context["request"]).ancestors, "page": page}


@register.simple_tag(takes_context=True)
def fallback(context, page):
    """How ``page`` is shown if it has no translation in this language, else None."""
    request = context.get("request")
    return fallback_of(page, request) if request is not None and page is not None else None


@register.simple_tag(takes_context=True)
def translate_url(context, page):
    """Where a signed-in translator starts translating ``page``'s original, else ''."""
    user = getattr(context.get("request"), "user", None)
    if not page.alias_of_id or user is None:
        return ""
    if not user.has_perm("wagtail_localize.submit_translation"):
        return ""
    return reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id])
