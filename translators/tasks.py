from django_tasks import task

from . import queue


@task()
def refresh_translation_tasks(translation_keys=None):
    """Background work: recompute the translation queue of some items, or of all."""
    return queue.refresh(translation_keys)
