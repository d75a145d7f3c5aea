from django import template

from practices.terms import names_in

register = template.Library()


@register.simple_tag(takes_context=True)
def term_name(context, term, locale_id):
    """A theme's or target group's name in the language of the page that lists it.

    One query per request, kind of term and language, and only for a listing that
    holds a page shown in another language's text.
    """
    if term.locale_id == locale_id:
        return term.name
    request = context.get("request")
    memo = request.__dict__.setdefault("_convivium_terms", {}) if request is not None else {}
    key = (type(term), locale_id)
    if key not in memo:
        memo[key] = names_in(type(term), locale_id)
    return memo[key].get(term.translation_key, term.name)
