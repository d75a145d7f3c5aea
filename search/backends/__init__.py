"""Full-text backends of the practice index: one per database engine, plus Elasticsearch.

A backend writes the text of index entries and answers three questions about a
query: which entries match (a filter that composes with the facet filters),
in which order of relevance (only the requested slice is ranked out of the
database), and what excerpt to show for the entries on screen.
"""

import html
import re

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe

MARK_START, MARK_END = "\ue000", "\ue001"
_HIGHLIGHT = re.compile(f"{MARK_START}(.*?){MARK_END}", re.DOTALL)


class SearchUnavailable(Exception):
    """The backend did not answer (Elasticsearch away): pages say so, with a 503."""


def highlighted(text):
    """Escape an excerpt and turn the backend's private markers into <mark>."""
    escaped = html.escape(text.replace(MARK_END + " " + MARK_START, " "))
    return mark_safe(_HIGHLIGHT.sub(r"<mark>\1</mark>", escaped))  # noqa: S308


class RankedIds:
    """A sliceable list of page ids in order, for Django's Paginator: ``count`` is known,
    ``fetch(offset, limit)`` asks the database for one page of ids."""

    def __init__(self, count, fetch):
        self._count, self._fetch = count, fetch

    def count(self):
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, bounds):
        if not isinstance(bounds, slice):
            raise TypeError("RankedIds only supports slices")
        start = bounds.start or 0
        return self._fetch(start, bounds.stop - start)


def get_backend():
    """The backend for the practice index: Elasticsearch when configured, else the database's."""
    path = getattr(settings, "CONVIVIUM_SEARCH_BACKEND", None)
    if path:
        return import_string(path)()
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    from .sqlite import SQLiteBackend

    return SQLiteBackend()
