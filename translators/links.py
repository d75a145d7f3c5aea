"""Where a translation task leads: straight into the translation editor."""

from django.urls import reverse

from .models import TranslationTask


def task_url(task):
    """The translation editor of the task's target, or the page to start one."""
    if task.state == TranslationTask.State.MISSING or not task.target_object_id:
        return reverse("translators:start", args=[task.pk])
    return editor_url(task.is_page, task.content_type, task.target_object_id)


def editor_url(is_page, content_type, target_pk):
    """wagtail-localize replaces the edit view of a translation with its editor."""
    if is_page:
        return reverse("wagtailadmin_pages:edit", args=[target_pk])
    meta = content_type.model_class()._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[target_pk])
