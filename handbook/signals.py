"""The handbook's files follow its pages: a new build is scheduled when its content changes."""

import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import (
    page_published,
    page_unpublished,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
    workflow_submitted,
)

from practices.models import ChapterCitation, HandbookChapterPage, HandbookPage, PracticePage

from . import review
from .models import BookFile

_deferred = threading.local()


@contextmanager
def one_build_at_the_end():
    """Within this block (loading many pages), build each changed handbook once, at the end."""
    _deferred.ids = set()
    try:
        yield
    finally:
        ids, _deferred.ids = _deferred.ids, None
        for handbook_id in sorted(ids):
            enqueue_build(handbook_id)


def enqueue_build(handbook_id):
    from .tasks import build_handbook_files

    build_handbook_files.enqueue(handbook_id)


def schedule_build(handbook_id):
    """Build after the commit. Extra builds cost little: an unchanged fingerprint stops them."""
    if not getattr(settings, "CONVIVIUM_HANDBOOK_BUILD_ON_PUBLISH", True):
        return
    if getattr(_deferred, "ids", None) is not None:
        _deferred.ids.add(handbook_id)
        return
    transaction.on_commit(lambda: enqueue_build(handbook_id))


def handbook_changed(sender, instance, **kwargs):
    if isinstance(instance, HandbookPage):
        schedule_build(instance.pk)
    elif isinstance(instance, HandbookChapterPage):
        handbook_id = (
            HandbookPage.objects.filter(path=instance.path[: -instance.steplen])
            .values_list("pk", flat=True)
            .first()
        )
        if handbook_id:
            schedule_build(handbook_id)


def cited_practice_changed(sender, instance, **kwargs):
    """A cited practice shows in the book of its language: its title, partner, summary."""
    chapter_paths = ChapterCitation.objects.filter(
        practice__translation_key=instance.translation_key, page__locale_id=instance.locale_id
    ).values_list("page__path", flat=True)
    parents = {path[: -HandbookChapterPage.steplen] for path in chapter_paths}
    for handbook_id in HandbookPage.objects.filter(path__in=parents).values_list("pk", flat=True):
        schedule_build(handbook_id)


def handbook_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        review.assign_review_workflow(instance)


def file_deleted(sender, instance, **kwargs):
    """A file row removed (an edition deleted, a handbook deleted) takes its file with it."""
    name = instance.file.name
    if name:
        transaction.on_commit(lambda: instance.file.storage.delete(name))


def connect():
    post_delete.connect(file_deleted, sender=BookFile, dispatch_uid="book-file-deleted")
    for model in (HandbookPage, HandbookChapterPage):
        page_published.connect(handbook_changed, sender=model, dispatch_uid=f"book-{model}")
        page_unpublished.connect(handbook_changed, sender=model, dispatch_uid=f"unbook-{model}")
    post_delete.connect(handbook_changed, sender=HandbookChapterPage, dispatch_uid="book-delete")
    page_published.connect(cited_practice_changed, sender=PracticePage, dispatch_uid="book-cited")
    post_save.connect(handbook_created, sender=HandbookPage, dispatch_uid="book-workflow")
    workflow_submitted.connect(review.submitted, dispatch_uid="book-submitted")
    workflow_approved.connect(review.approved, dispatch_uid="book-approved")
    workflow_rejected.connect(review.sent_back, dispatch_uid="book-rejected")
    workflow_cancelled.connect(review.sent_back, dispatch_uid="book-cancelled")
