"""The names of themes and target groups in every language, as groups of synonyms.

A query that names a theme in any language ("integrazione" in a Greek search) is
read as that theme's names in every language (search.understanding), so it finds
the practices the theme tags: every entry's text holds the names of its themes and
target groups, in its own language (search.indexing).
"""

from django.core.cache import cache

from practices.models import TargetGroup, Theme

CACHE_KEY = "search:taxonomy-groups"
TIMEOUT = 60 * 60


def groups():
    """One tuple of names per theme or target group, its names in every language."""
    found = cache.get(CACHE_KEY)
    if found is None:
        by_key = {}
        for model in (Theme, TargetGroup):
            for key, name in model.objects.values_list("translation_key", "name"):
                by_key.setdefault(key, []).append(name.casefold())
        found = [tuple(dict.fromkeys(names)) for names in by_key.values() if len(names) > 1]
        cache.set(CACHE_KEY, found, TIMEOUT)
    return found


def clear():
    cache.delete(CACHE_KEY)
