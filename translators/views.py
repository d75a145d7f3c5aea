import logging

import requests
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.coreutils import get_content_type_label
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.edit_translation import (
    apply_machine_translation,
    user_can_edit_instance,
)

from partners.models import PartnerPage
from website.drafts import saved_as_draft
from website.exports import SafeReportView

from . import po_files
from .access import EVERY_LANGUAGE, is_language_restricted, may_work_in, user_locale_ids
from .filters import TranslationTaskFilterSet
from .links import editor_url, task_url
from .middleware import refusal
from .models import TranslationTask

logger = logging.getLogger(__name__)
# What DeepL's and LibreTranslate's clients raise when the service fails or
# answers something other than translations.
MACHINE_TRANSLATION_ERRORS = (requests.RequestException, ValueError, KeyError, TypeError)

OPEN_STATES = [state for state in TranslationTask.State if state != TranslationTask.State.DONE]


def can_translate(user):
    return user.is_superuser or user.has_perm(EVERY_LANGUAGE) or bool(user_locale_ids(user))


def tasks_for(user):
    """The open tasks a user may work on: all of them, or those of their languages."""
    tasks = TranslationTask.objects.filter(state__in=OPEN_STATES).select_related(
        "locale", "partner", "content_type"
    )
    if is_language_restricted(user):
        tasks = tasks.filter(locale_id__in=user_locale_ids(user))
    return tasks


class StateColumn(Column):
    def get_value(self, instance):
        return instance.get_state_display()


class ReviewColumn(Column):
    """A link to send a page translation under way to its reviewers."""

    cell_template_name = "translators/review_cell.html"

    def get_value(self, instance):
        ready = (
            instance.is_page
            and instance.translation_id
            and instance.target_object_id
            and instance.state
            in (TranslationTask.State.IN_PROGRESS, TranslationTask.State.OUTDATED)
        )
        return reverse("translators:submit", args=[instance.pk]) if ready else ""


class TranslationTasksView(SafeReportView):
    page_title = gettext_lazy("Translation tasks")
    header_icon = "globe"
    index_url_name = "translators:tasks"
    index_results_url_name = "translators:tasks_results"
    results_template_name = "translators/tasks_results.html"
    filterset_class = TranslationTaskFilterSet
    default_ordering = "-source_changed_at"
    paginate_by = 50
    columns = [
        TitleColumn("title", label=gettext_lazy("Item"), get_url=task_url, sort_key="title"),
        Column(
            "content_type",
            label=gettext_lazy("Type"),
            accessor=lambda task: get_content_type_label(task.content_type),
        ),
        Column(
            "partner",
            label=gettext_lazy("Partner"),
            accessor="partner.title",
            sort_key="partner__title",
        ),
        Column(
            "locale",
            label=gettext_lazy("Language"),
            accessor="locale.get_display_name",
            sort_key="locale__language_code",
        ),
        StateColumn("state", label=gettext_lazy("State"), sort_key="state"),
        Column("progress", label=gettext_lazy("Share done (%)"), sort_key="progress"),
        ReviewColumn("review", label=gettext_lazy("Review")),
        DateColumn(
            "source_changed_at",
            label=gettext_lazy("Last source change"),
            sort_key="source_changed_at",
        ),
    ]
    list_export = [
        "title",
        "content_type",
        "partner",
        "locale",
        "state",
        "progress",
        "source_changed_at",
    ]
    export_headings = {
        "title": gettext_lazy("Item"),
        "content_type": gettext_lazy("Type"),
        "partner": gettext_lazy("Partner"),
        "locale": gettext_lazy("Language"),
        "state": gettext_lazy("State"),
        "progress": gettext_lazy("Share done (%)"),
        "source_changed_at": gettext_lazy("Last source change"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_translate(request.user):
            raise PermissionDenied(_("Translation tasks are for translators and coordinators."))
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return tasks_for(self.request.user)

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["content_type"] = get_content_type_label(item.content_type)
        row["partner"] = item.partner.title if item.partner else ""
        row["locale"] = item.locale.get_display_name()
        row["state"] = item.get_state_display()
        return row

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = dict(self.object_list.order_by().values_list("state").annotate(count=Count("pk")))
        context["state_counts"] = [
            (state.label, counts.get(state.value, 0)) for state in OPEN_STATES
        ]
        return context


def coverage(request):
    """Partners × languages: the share of each partner's items translated."""
    if not can_translate(request.user):
        raise PermissionDenied(_("Translation tasks are for translators and coordinators."))
    locales = list(Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"))
    shares = {
        (row["partner_id"], row["locale_id"]): round(100 * row["done"] / row["total"])
        for row in TranslationTask.objects.filter(partner__isnull=False)
        .values("partner_id", "locale_id")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(state=TranslationTask.State.DONE)))
    }
    partners = PartnerPage.objects.filter(locale=Locale.get_default()).order_by("title")
    rows = [
        (partner, [shares.get((partner.pk, locale.pk)) for locale in locales])
        for partner in partners.only("id", "title", "locale_id")
    ]
    return TemplateResponse(
        request,
        "translators/coverage.html",
        {"locales": locales, "rows": rows, "page_title": _("Translation coverage")},
    )


@require_http_methods(["GET", "POST"])
def start(request, task_id):
    """Start translating a missing item: create the translation, then open the editor."""
    task = get_object_or_404(
        TranslationTask.objects.select_related("locale", "content_type"), pk=task_id
    )
    if not may_work_in(request.user, task.locale_id) or not can_translate(request.user):
        return refusal(request)
    source = task.content_type.get_object_for_this_type(pk=task.source_object_id)
    if request.method == "POST":
        target = start_translation(source, task.locale, request.user)
        messages.success(
            request,
            _("Translation of “%(title)s” into %(language)s started.")
            % {"title": task.title, "language": task.locale.get_display_name()},
        )
        return redirect(editor_url(task.is_page, task.content_type, target.pk))
    return TemplateResponse(
        request,
        "translators/start.html",
        {"task": task, "source": source, "page_title": _("Start a translation")},
    )


def download_po(request, translation_id):
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    if not can_edit_target(request.user, translation):
        return refusal(request)
    po = po_files.export(translation)
    title = slugify(str(translation.source.get_source_instance()))
    name = f"{title}-{translation.target_locale.language_code}.po"
    response = HttpResponse(str(po), content_type="text/x-gettext-translation; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def upload_po(request, translation_id):
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    if not can_edit_target(request.user, translation):
        return refusal(request)
    next_url = get_valid_next_url_from_request(request) or reverse("translators:tasks")
    try:
        po = po_files.parse(request.FILES.get("file"))
        po_files.check(po, translation)
    except po_files.POFileError as error:
        return TemplateResponse(
            request,
            "translators/po_upload_error.html",
            {"message": str(error), "next_url": next_url, "page_title": _("PO file refused")},
            status=400,
        )
    translation.import_po(po, user=request.user, tool_name="PO file")
    messages.success(request, _("Translations imported from the PO file."))
    return redirect(next_url)


def can_edit_target(user, translation):
    if not may_work_in(user, translation.target_locale_id):
        return False
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:
        return can_translate(user)
    return user_can_edit_instance(user, instance)


@require_http_methods(["GET", "POST"])
def prefill(request, page_id):
    """Machine-translate a page into every language of the user where it is missing."""
    translator = get_machine_translator()
    page = get_object_or_404(Page, pk=page_id).specific
    if translator is None or not can_translate(request.user):
        raise Http404
    languages = missing_languages(request.user, page)
    if request.method == "GET":
        return TemplateResponse(
            request,
            "translators/prefill.html",
            {
                "page": page,
                "languages": languages,
                "translator": translator.display_name,
                "page_title": _("Pre-fill translations"),
            },
        )
    source_locale = page.locale
    done, failed = [], []
    for locale in languages:
        if not translator.can_translate(source_locale, locale):
            continue
        start_translation(page, locale, request.user)
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=locale
        )
        try:
            apply_machine_translation(translation.pk, request.user, translator)
        except MACHINE_TRANSLATION_ERRORS:
            # The provider failed or answered nonsense: the translation stays
            # started, with whatever was already translated by hand.
            logger.warning("Machine translation into %s failed", locale, exc_info=True)
            failed.append(locale.get_display_name())
            continue
        done.append(locale.get_display_name())
    if failed:
        messages.error(
            request,
            _(
                "%(provider)s did not answer for %(languages)s: those translations are started "
                "and nothing was lost. Translate them by hand or try again later."
            )
            % {"provider": translator.display_name, "languages": ", ".join(failed)},
        )
    if done:
        messages.success(
            request,
            _("“%(title)s” pre-filled by machine translation into %(languages)s: revise it now.")
            % {"title": page.title, "languages": ", ".join(done)},
        )
    elif not failed:
        messages.info(
            request,
            _("“%(title)s” is not missing in any of your languages.") % {"title": page.title},
        )
    return redirect(get_valid_next_url_from_request(request) or reverse("translators:tasks"))


def missing_languages(user, page):
    translated = set(
        Page.objects.filter(
            translation_key=page.translation_key, alias_of__isnull=True
        ).values_list("locale_id", flat=True)
    )
    locales = Locale.objects.exclude(pk__in=translated)
    if is_language_restricted(user):
        locales = locales.filter(pk__in=user_locale_ids(user))
    return list(locales)


@require_http_methods(["GET", "POST"])
def submit_for_review(request, task_id):
    """Save the translation as a draft and send it to the reviewers of its language."""
    task = get_object_or_404(
        TranslationTask.objects.select_related("locale", "translation__source"), pk=task_id
    )
    if task.translation is None or not task.target_object_id:
        raise Http404
    target = get_object_or_404(Page, pk=task.target_object_id).specific
    if (
        not may_work_in(request.user, task.locale_id)
        or not target.permissions_for_user(request.user).can_edit()
    ):
        return refusal(request)
    workflow = target.get_workflow()
    if request.method == "GET":
        return TemplateResponse(
            request,
            "translators/submit_for_review.html",
            {"task": task, "workflow": workflow, "page_title": _("Submit for review")},
        )
    if workflow is None:
        messages.error(request, _("No review is set up for this language."))
        return redirect("translators:tasks")
    if target.workflow_in_progress:
        messages.info(request, _("This translation is already awaiting review."))
        return redirect("translators:tasks")
    with transaction.atomic(), saved_as_draft(target):
        task.translation.save_target(user=request.user, publish=False)
    target = Page.objects.get(pk=target.pk).specific
    workflow.start(target, request.user)
    messages.success(
        request,
        _("“%(title)s” in %(language)s sent to the reviewers.")
        % {"title": task.title, "language": task.locale.get_display_name()},
    )
    return redirect("translators:tasks")


def start_translation(instance, locale, user):
    """The translation of ``instance`` into ``locale``, begun as a draft.

    wagtail-localize publishes a new translation at once, in the source's words;
    here a page translation stays a draft until its reviewers approve it.
    Snippets have no drafts: theirs is saved as it is.
    """
    # One transaction: where an alias stood, its text is put back when it commits.
    with transaction.atomic():
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translation.save_target(user=user, publish=not isinstance(instance, Page))
    return instance.get_translation(locale)
