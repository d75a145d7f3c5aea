"""The search synonyms that editors keep (SearchSynonym snippets), as the engine reads them.

Applying them to a query is the engine's work; this module only says what they are.
"""

import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from website import pagecache

from .models import SearchSynonym

VERSION_KEY = "search:synonyms:version"
# Groups of versions that were replaced are left to expire.
GROUPS_SECONDS = 24 * 60 * 60


def groups(language: str) -> list[tuple[str, ...]]:
    """The synonym groups of ``language``: one tuple per snippet of its locale.

    A tuple holds the snippet's term, then its equivalents in the order they are
    written, each casefolded with its whitespace collapsed, and each once. Tuples
    are sorted (by term first) and not merged: a word may be in two of them. A
    language without snippets (or without a locale) has none.

    They are kept in Django's cache under a version that every saved or deleted
    SearchSynonym replaces, so that a change shows in the next search of every
    process and nothing has to be deleted. Once warm, a call reads the version
    from the shared cache and the groups from its process's own copy (a value
    never changes under its version): one read of the shared cache, no query.
    Changes that send no signal (``QuerySet.update()``) must call ``renew()``.
    """
    version = cache.get_or_set(VERSION_KEY, new_version, timeout=None)
    key = f"search:synonyms:{version}:{language}"
    local = caches[settings.CONVIVIUM_LOCAL_CACHE]
    found = local.get(key)
    if found is None:
        found = cache.get(key)
        if found is None:
            found = load(language)
            cache.set(key, found, GROUPS_SECONDS)
        local.set(key, found, GROUPS_SECONDS)
    return found


def load(language):
    synonyms = SearchSynonym.objects.filter(locale__language_code=language)
    # A translation that wagtail-localize saved without validation may hold no other word.
    return sorted(words for synonym in synonyms if len(words := synonym.words()) > 1)


def new_version():
    # Random rather than counted: a version lost from the cache is never given again.
    return uuid.uuid4().hex


def renew():
    cache.set(VERSION_KEY, new_version(), timeout=None)
    # Search results remembered with the former synonyms (website.pagecache).
    pagecache.invalidate()


def synonym_changed(sender, **kwargs):
    # Now, for what this transaction reads next; again at commit, because a search
    # in another process may have cached the former rows in between.
    renew()
    transaction.on_commit(renew)


def connect():
    post_save.connect(synonym_changed, sender=SearchSynonym, dispatch_uid="search-synonym+")
    post_delete.connect(synonym_changed, sender=SearchSynonym, dispatch_uid="search-synonym-")
