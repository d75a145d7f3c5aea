from django import template
from django.conf import settings

from website.translations import language_links

register = template.Library()


@register.inclusion_tag("website/includes/language_switcher.html", takes_context=True)
def language_switcher(context, page):
    return {"links": language_links(page, context["request"]) if page else []}


@register.inclusion_tag("website/includes/alternate_links.html", takes_context=True)
def alternate_links(context, page):
    """<link rel="alternate" hreflang> for every translation, and x-default."""
    translations = [link for link in language_links(page, context["request"]) if link.is_translation]
    default = next((link for link in translations if link.code == settings.LANGUAGE_CODE), None)
    return {"translations": translations, "default": default}
