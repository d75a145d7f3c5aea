"""The index follows the pages: publication, unpublication, moves, deletion, privacy."""

from django.db.models.signals import post_delete, post_save
from wagtail import signals
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from partners.models import PartnerPage
from practices.models import PracticePage, TargetGroup, Theme

from . import indexing, taxonomy
from .backends import get_backend
from .models import PracticeEntry


def page_published(sender, instance, **kwargs):
    if isinstance(instance, PracticePage):
        indexing.update([instance.pk])
    elif isinstance(instance, PartnerPage):
        indexing.update_subtree(instance)
        taxonomy_changed(sender)  # partner names are facet labels


def page_unpublished(sender, instance, **kwargs):
    # Also sent while a live page is being deleted, when it still looks live:
    # remove its entries rather than look at the page again.
    indexing.remove(
        PracticeEntry.objects.filter(page__path__startswith=instance.path).values_list(
            "page_id", flat=True
        )
    )


def page_moved(sender, instance, **kwargs):
    # Connected after practices.signals, which gives moved practices their new partner.
    indexing.update_subtree(instance)


def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        indexing.update_subtree(page)


def practice_deleted(sender, instance, **kwargs):
    # The entry goes with the page (a cascade); the backend's text is removed here.
    indexing.to_engine(get_backend().delete, [instance.pk], [instance.pk])


def taxonomy_changed(sender, **kwargs):
    from .component import clear_labels

    clear_labels()
    taxonomy.clear()


def connect():
    for model in (Theme, TargetGroup):
        post_save.connect(taxonomy_changed, sender=model, dispatch_uid=f"search-{model.__name__}+")
        post_delete.connect(
            taxonomy_changed, sender=model, dispatch_uid=f"search-{model.__name__}-"
        )
    signals.page_published.connect(page_published, dispatch_uid="search-page-published")
    signals.page_unpublished.connect(page_unpublished, dispatch_uid="search-page-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search-page-moved")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search-r+")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search-r-")
    post_delete.connect(practice_deleted, sender=PracticePage, dispatch_uid="search-practice-gone")
