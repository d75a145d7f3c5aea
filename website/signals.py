from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.images.models import AbstractRendition
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

from . import fallbacks, menus, pagecache


def create_locales(sender, **kwargs):
    """Every configured language has its Wagtail locale: the set is configuration."""
    from wagtail.models import Locale

    existing = set(Locale.objects.values_list("language_code", flat=True))
    for code, _name in settings.LANGUAGES:
        if code not in existing:
            Locale.objects.create(language_code=code)  # one by one: others listen for new locales


def invalidate_menus(**kwargs):
    menus.invalidate()


def connect_menu_invalidation():
    from wagtail.models import Page, Site

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_menus, dispatch_uid=f"convivium-menus-{signal!r}")
    for model in (Page, Site, MainMenu, MainMenuItem, FlatMenu, FlatMenuItem):
        for signal in (post_save, post_delete):
            signal.connect(
                invalidate_menus,
                sender=model,
                dispatch_uid=f"convivium-menus-{model.__name__}-{signal!r}",
            )


# Bookkeeping that never shows on a public page: saving it must not empty the
# page cache (every search writes a hit count, every login a session).
BOOKKEEPING_APPS = {
    "admin",
    "auth",
    "contenttypes",
    "sessions",
    "search",
    "translators",
    "taggit",
    "wagtail_localize",
    "wagtailadmin",
    "wagtailsearch",
    "wagtailsearchpromotions",
    "wagtailusers",
    "django_tasks_database",
}


def invalidate_pages(sender=None, **kwargs):
    if sender is not None and (
        sender._meta.app_label in BOOKKEEPING_APPS
        # Renditions are made while pages render, from images already saved.
        or issubclass(sender, AbstractRendition)
    ):
        return
    pagecache.invalidate()


def connect_page_cache_invalidation():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_pages, dispatch_uid=f"convivium-pages-{signal!r}")
    for signal in (post_save, post_delete):
        signal.connect(invalidate_pages, dispatch_uid=f"convivium-pages-{signal!r}")


def connect_fallbacks():
    for signal in (page_published, page_unpublished):
        signal.connect(fallbacks.original_changed, dispatch_uid=f"convivium-fallbacks-{signal!r}")
    page_published.connect(fallbacks.translation_published, dispatch_uid="convivium-in-review")
    post_page_move.connect(fallbacks.original_moved, dispatch_uid="convivium-fallbacks-move")
    from wagtail_localize.models import Translation

    post_save.connect(
        fallbacks.translation_started, sender=Translation, dispatch_uid="convivium-fallbacks-start"
    )
    pre_delete.connect(fallbacks.aliases_of_deleted, dispatch_uid="convivium-fallbacks-delete")
    post_delete.connect(fallbacks.original_deleted, dispatch_uid="convivium-fallbacks-deleted")
