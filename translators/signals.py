import threading
from contextlib import contextmanager

from django.apps import apps as django_apps
from django.contrib.auth.management import create_permissions
from django.db import transaction
from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState

from . import roles


def roles_for_every_locale(sender, **kwargs):
    # Django makes each app's permissions after its own migrations: those of the apps
    # that come after this one in INSTALLED_APPS (search's synonyms) are made first.
    for app_config in django_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for locale in Locale.objects.all():
        roles.ensure_roles(locale)


def roles_for_new_locale(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        roles.ensure_roles(instance)
        schedule_refresh(None)


def grants_for_new_language_tree(sender, instance, created=False, raw=False, **kwargs):
    # A language's tree starts when its first top-level page appears.
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        roles.grant_language_tree(instance.locale)


class PendingRefresh:
    """The items to refresh when the current transaction commits."""

    def __init__(self):
        self.keys = set()
        self.everything = False

    def add(self, keys):
        if keys is None:
            self.everything = True
        else:
            self.keys.update(str(key) for key in keys)

    def __call__(self):
        from .tasks import refresh_translation_tasks

        refresh_translation_tasks.enqueue(None if self.everything else sorted(self.keys))


_deferred = threading.local()


@contextmanager
def refresh_once_at_the_end():
    """For bulk work (imports, the demo): one refresh of the queue when it is over."""
    outer = getattr(_deferred, "pending", None)
    if outer is None:
        _deferred.pending = PendingRefresh()
    try:
        yield
    finally:
        if outer is None:
            pending, _deferred.pending = _deferred.pending, None
            if pending.everything or pending.keys:
                pending()


def schedule_refresh(keys):
    """Refresh the queue of these items once, when the current transaction commits.

    Many saves in one transaction (a translation writes dozens of strings)
    share one refresh; a rolled-back transaction drops it with its callbacks.
    """
    deferred = getattr(_deferred, "pending", None)
    if deferred is not None:
        deferred.add(keys)
        return
    connection = transaction.get_connection()
    pending = getattr(connection, "_translators_pending", None)
    if pending is None or not any(entry[1] is pending for entry in connection.run_on_commit):
        pending = connection._translators_pending = PendingRefresh()
        pending.add(keys)
        transaction.on_commit(pending)
    else:
        pending.add(keys)


def translatable_changed(sender, instance, raw=False, **kwargs):
    """A page or snippet saved, published or deleted, in any language."""
    if not raw and isinstance(instance, TranslatableMixin):
        schedule_refresh([instance.translation_key])


def translation_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_refresh([instance.source.object_id])


def log_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_refresh([instance.source.object_id])


def string_translated(sender, instance, raw=False, **kwargs):
    if not raw and instance.context_id:
        schedule_refresh([instance.context.object_id])


def review_changed(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, WorkflowState):
        return
    page = Page.objects.filter(pk=instance.object_id).only("translation_key").first()
    if page is not None:
        schedule_refresh([page.translation_key])
