from django_tasks import task

from . import indexing
from .backends import SearchUnavailable

# Waits before each new try of an engine that did not answer: 30 s, then up to an hour;
# after the last one repair_search_index is the way.
ENGINE_RETRY_SECONDS = (30, 120, 600, 1800, 3600)


@task()
def sync_engine(page_ids, attempt=0):
    """Background work: give the search engine what the database's index holds."""
    try:
        indexing.sync_engine(page_ids)
    except SearchUnavailable:
        indexing.queue_engine_sync(page_ids, attempt + 1)
