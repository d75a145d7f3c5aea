from django import template
from django.conf import settings

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
