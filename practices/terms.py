"""Themes and target groups named in the language of the page that lists them.

A page shown in another language's text (an alias) links the terms of that
language: its tags would read in English inside the Greek site.
"""


def names_in(model, locale_id):
    """{translation key: name} of every term of ``model`` written in that language."""
    return dict(model.objects.filter(locale_id=locale_id).values_list("translation_key", "name"))


def in_language(terms, locale_id):
    """``terms``, each swapped for its translation in that language where one exists."""
    terms = list(terms)
    if all(term.locale_id == locale_id for term in terms):
        return terms
    model = type(terms[0])
    keys = [term.translation_key for term in terms]
    translated = {
        term.translation_key: term
        for term in model.objects.filter(translation_key__in=keys, locale_id=locale_id)
    }
    return [translated.get(term.translation_key, term) for term in terms]
