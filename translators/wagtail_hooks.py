from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.machine_translators import get_machine_translator

from . import views
from .access import is_language_restricted, may_work_in, work_language_codes
from .deletion import (
    LanguageRolesDeleteBulkAction,
    delete_refusal,
    is_delete_button,
    may_delete,
    refused_pages,
)
from .links import task_url
from .middleware import refusal
from .updates import SafeUpdateTranslationsView


@hooks.register("convivium_work_languages")
def language_roles_limit_work_languages(user):
    return work_language_codes(user) if is_language_restricted(user) else None


@hooks.register("before_edit_snippet")
def edit_only_snippets_in_own_languages(request, instance):
    if isinstance(instance, TranslatableMixin) and not may_work_in(
        request.user, instance.locale_id
    ):
        return refusal(request)


@hooks.register("before_delete_snippet")
def delete_only_snippets_in_own_languages(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and not may_work_in(
            request.user, instance.locale_id
        ):
            return refusal(request)


@hooks.register("before_create_snippet")
def create_only_snippets_in_own_languages(request, model):
    if not issubclass(model, TranslatableMixin) or not is_language_restricted(request.user):
        return None
    code = request.GET.get("locale") or Locale.get_default().language_code
    locale = Locale.objects.filter(language_code=code).first()
    if not may_work_in(request.user, locale.pk if locale else None):
        return refusal(request)


@hooks.register("register_admin_urls")
def translation_task_urls():
    urls = [
        path("", views.TranslationTasksView.as_view(), name="tasks"),
        path(
            "results/", views.TranslationTasksView.as_view(results_only=True), name="tasks_results"
        ),
        path("coverage/", views.coverage, name="coverage"),
        path("<int:task_id>/start/", views.start, name="start"),
        path("prefill/<int:page_id>/", views.prefill, name="prefill"),
        path("<int:task_id>/submit/", views.submit_for_review, name="submit"),
    ]
    # Safer PO files than wagtail-localize's own, at the addresses its editor uses:
    # these hooks run before wagtail-localize's, so these patterns match first.
    localize_urls = [
        path(
            "localize/translate/<int:translation_id>/pofile/download/",
            views.download_po,
            name="download_po",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            views.upload_po,
            name="upload_po",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            SafeUpdateTranslationsView.as_view(),
            name="update_translations",
        ),
    ]
    return [
        path("translation-tasks/", include((urls, "translators"), namespace="translators")),
        path(
            "", include((localize_urls, "translators_localize"), namespace="translators_localize")
        ),
    ]


class TranslationTasksMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_translate(request.user)


@hooks.register("register_admin_menu_item")
def translation_tasks_menu_item():
    return TranslationTasksMenuItem(
        gettext_lazy("Translation tasks"),
        reverse("translators:tasks"),
        icon_name="globe",
        order=250,
        name="translation-tasks",
    )


class TranslationQueuePanel(Component):
    """A translator's own queue, on the admin dashboard."""

    name = "translation_queue"
    order = 50
    template_name = "translators/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        tasks = views.tasks_for(self.request.user).order_by("-source_changed_at")
        return {"tasks": [(task, task_url(task)) for task in tasks[:8]], "total": tasks.count()}


@hooks.register("construct_homepage_panels")
def add_translation_queue_panel(request, panels):
    if views.can_translate(request.user) and is_language_restricted(request.user):
        panels.append(TranslationQueuePanel(request))


@hooks.register("register_page_header_buttons")
def prefill_button(page, user, view_name=None, next_url=None):
    """ "Pre-fill translations" on source pages, when a machine translator is set up."""
    if get_machine_translator() is None or not views.can_translate(user):
        return
    if not views.missing_languages(user, page):
        return
    yield Button(
        gettext_lazy("Pre-fill translations"),
        reverse("translators:prefill", args=[page.pk]),
        icon_name="globe",
        priority=40,
    )


@hooks.register("before_delete_page")
def delete_live_pages_only_with_more_than_language_roles(request, page):
    if not may_delete(request.user, page):
        return delete_refusal(request, page)


# After Wagtail's own (order 0), so that this one takes its place for pages.
hooks.register("register_bulk_action", LanguageRolesDeleteBulkAction, order=1)


@hooks.register("before_bulk_action")
def bulk_delete_live_pages_only_with_more_than_language_roles(request, action_type, objects, view):
    if action_type != "delete":
        return None
    refused = refused_pages(request.user, objects)
    if refused:
        return delete_refusal(request, refused[0])


@hooks.register("construct_page_listing_buttons")
def no_delete_button_where_delete_is_refused(buttons, page, user, context=None):
    if may_delete(user, page):
        return
    for button in buttons:
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = [
                item for item in button.dropdown_buttons if not is_delete_button(item, page)
            ]
