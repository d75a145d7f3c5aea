"""Admin screens: proposals, answer moderation and event feedback, each limited to its people.

Who may see what follows page permissions: a proposal belongs to its draft
page, an answer to its consultation page (in any language), feedback to its
event. Contact data is shown to those who may publish there: the moderators.
People who work in some languages only (``website.work_languages``: reviewers)
moderate the answers written in those languages only.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Avg, Count, OuterRef, Subquery
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale, Page
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from events.models import EventPage
from website.exports import SafeIndexView, SafeReportView
from website.work_languages import work_languages

from .models import ConsultationAnswer, ConsultationPage, EventFeedback, PracticeProposal
from .proposals import moderated_page_ids, visible_proposals


def label(model, field):
    """A column heading: the field's own (translated) name."""
    return capfirst(model._meta.get_field(field).verbose_name)


SUBMITTED = label(PracticeProposal, "submitted_at")

PAGES = PagePermissionPolicy(Page)


# -- proposals ---------------------------------------------------------------


class ProposalFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("draft", _("Draft")), ("live", _("Published"))],
        method="filter_status",
        empty_label=_("All"),
    )

    def filter_status(self, queryset, name, value):
        return queryset.filter(page__live=(value == "live"))

    class Meta:
        model = PracticeProposal
        fields = []


class ProposalsView(SafeReportView):
    page_title = _("Proposals")
    header_icon = "form"
    index_url_name = "contributions_proposals"
    index_results_url_name = "contributions_proposals_results"
    filterset_class = ProposalFilterSet
    list_export = ["title", "where", "language_name", "submitted_at", "status"]
    export_headings = {
        "title": _("Title"),
        "where": _("Partner or place"),
        "language_name": _("Language"),
        "submitted_at": SUBMITTED,
        "status": _("Status"),
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Title"),
                url_name="wagtailadmin_pages:edit",
                id_accessor="page_id",
            ),
            Column("where", label=_("Partner or place")),
            Column("language_name", label=_("Language")),
            DateColumn("submitted_at", label=SUBMITTED),
            Column("status", label=_("Status")),
            Column("contact", label=_("Proposed by")),
        ]

    def get_queryset(self):
        return (
            visible_proposals(self.request.user)
            .select_related("partner", "page")
            .order_by("-submitted_at")
        )

    def decorate_paginated_queryset(self, object_list):
        proposals = list(object_list)
        moderated = moderated_page_ids(self.request.user, [p.page_id for p in proposals])
        for proposal in proposals:
            decorate_proposal(proposal, moderated)
        return proposals

    def to_row_dict(self, item):
        decorate_proposal(item, set())
        return super().to_row_dict(item)


def decorate_proposal(proposal, moderated):
    proposal.where = proposal.partner.title if proposal.partner_id else proposal.place
    proposal.language_name = proposal.get_language_display()
    proposal.status = _("Published") if proposal.page and proposal.page.live else _("Draft")
    if proposal.anonymised_at:
        proposal.contact = label(PracticeProposal, "anonymised_at")
    elif proposal.page_id in moderated:
        proposal.contact = ", ".join(
            part for part in (proposal.name, proposal.organisation, proposal.email) if part
        )
    else:
        proposal.contact = _("Visible to moderators")


# -- consultation answers ----------------------------------------------------


def moderated_consultation_keys(user):
    pages = PAGES.instances_user_has_permission_for(user, "publish")
    return ConsultationPage.objects.filter(pk__in=pages.values("pk")).values("translation_key")


class AnswerModerationPolicy(BasePermissionPolicy):
    """Those who may publish a consultation (in some language) moderate its answers.

    Those limited to some languages moderate the answers written in them only.
    """

    def user_has_permission(self, user, action):
        if not user.is_active:
            return False
        if user.is_superuser:
            return action != "add"
        if action not in ("change", "view"):
            return False
        return moderated_consultation_keys(user).exists()

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(self.user_has_permission(user, action) for action in actions):
            return ConsultationAnswer.objects.none()
        if user.is_superuser:
            return ConsultationAnswer.objects.all()
        answers = ConsultationAnswer.objects.filter(
            consultation__translation_key__in=moderated_consultation_keys(user)
        )
        languages = work_languages(user)
        if languages is not None:
            answers = answers.filter(language__in=languages)
        return answers

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.instances_user_has_any_permission_for(user, [action])
            .filter(pk=instance.pk)
            .exists()
        )


class UsersAnswersMixin:
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        ).select_related("consultation")


class AnswerIndexView(UsersAnswersMixin, SafeIndexView):
    pass


class AnswerEditView(UsersAnswersMixin, generic.EditView):
    def get_queryset(self):
        return self.get_base_queryset()

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.moderated_at = timezone.now()
        instance.moderated_by = self.request.user
        instance.save()
        return instance


class AnswerViewSet(ModelViewSet):
    model = ConsultationAnswer
    icon = "openquote"
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = AnswerIndexView
    edit_view_class = AnswerEditView
    list_display = [
        "__str__",
        "consultation",
        "language",
        "country",
        "status",
        DateColumn("submitted_at", label=SUBMITTED),
    ]
    list_filter = ["status", "language"]
    list_export = ["consultation", "text", "language", "country", "status", "submitted_at"]
    search_fields = ["text"]
    ordering = ["-submitted_at"]
    panels = [
        FieldPanel("status"),
        FieldPanel("consultation", read_only=True),
        FieldPanel("text", read_only=True),
        FieldRowPanel(
            [FieldPanel("language", read_only=True), FieldPanel("country", read_only=True)]
        ),
        MultiFieldPanel(
            [
                FieldPanel("name", read_only=True),
                FieldPanel("organisation", read_only=True),
                FieldPanel("email", read_only=True),
            ],
            heading=_("Contact (never shown publicly)"),
        ),
    ]


answer_policy = AnswerModerationPolicy(ConsultationAnswer)
answer_viewset = AnswerViewSet("consultation_answers", url_prefix="consultation-answers")


# -- event feedback ----------------------------------------------------------


def summary_queryset(events):
    """Per event (in any language): feedback received and average rating, in one query."""
    stats = EventFeedback.objects.filter(event_key=OuterRef("translation_key")).order_by()
    stats = stats.values("event_key")
    return events.annotate(
        feedback_count=Subquery(stats.annotate(n=Count("pk")).values("n")[:1]),
        average_rating=Subquery(stats.annotate(a=Avg("rating")).values("a")[:1]),
    )


def events_user_follows(user):
    """The events (in the working language) this user may edit or publish."""
    pages = PAGES.instances_user_has_any_permission_for(user, ["change", "publish"])
    keys = pages.filter(content_type__model="eventpage").values("translation_key")
    return EventPage.objects.filter(locale=Locale.get_default(), translation_key__in=keys)


class FeedbackSummaryView(SafeReportView):
    page_title = _("Event feedback")
    header_icon = "pick"
    index_url_name = "contributions_feedback"
    index_results_url_name = "contributions_feedback_results"
    list_export = ["title", "start", "feedback_count", "average_rating"]
    export_headings = {
        "title": label(EventFeedback, "event"),
        "start": _("Start"),
        "feedback_count": _("Answers"),
        "average_rating": _("Average rating (1 to 5)"),
    }
    columns = [
        TitleColumn(
            "title",
            label=label(EventFeedback, "event"),
            url_name="contributions_feedback_comments",
            id_accessor="translation_key",
        ),
        DateColumn("start", label=_("Start")),
        NumberColumn("feedback_count", label=_("Answers")),
        Column("average_rating", label=_("Average rating (1 to 5)")),
    ]

    def get_queryset(self):
        events = events_user_follows(self.request.user).defer_streamfields()
        return summary_queryset(events).filter(feedback_count__gt=0).order_by("-start")

    def decorate_paginated_queryset(self, object_list):
        events = list(object_list)
        for event in events:
            event.average_rating = round(event.average_rating or 0, 1)
        return events


class FeedbackCommentsView(SafeReportView):
    header_icon = "pick"
    index_url_name = "contributions_feedback_comments"
    index_results_url_name = "contributions_feedback_comments_results"
    list_export = ["rating", "take_home", "to_change", "language", "submitted_at"]
    export_headings = {
        "rating": label(EventFeedback, "rating"),
        "take_home": label(EventFeedback, "take_home"),
        "to_change": label(EventFeedback, "to_change"),
        "language": _("Language"),
        "submitted_at": SUBMITTED,
    }
    columns = [
        NumberColumn("rating", label=label(EventFeedback, "rating")),
        Column("take_home", label=label(EventFeedback, "take_home")),
        Column("to_change", label=label(EventFeedback, "to_change")),
        Column("language", label=_("Language")),
        DateColumn("submitted_at", label=SUBMITTED),
    ]

    @cached_property
    def event(self):
        from django.http import Http404

        event = events_user_follows(self.request.user).filter(translation_key=self.kwargs["key"])
        event = event.first()
        if event is None:
            raise Http404
        return event

    @property
    def page_title(self):
        return _("Feedback: %(title)s") % {"title": self.event.title}

    def get_index_url(self):
        from django.urls import reverse

        return reverse(self.index_url_name, args=[self.kwargs["key"]])

    def get_index_results_url(self):
        from django.urls import reverse

        return reverse(self.index_results_url_name, args=[self.kwargs["key"]])

    def get_queryset(self):
        return EventFeedback.objects.filter(event_key=self.event.translation_key).order_by(
            "-submitted_at"
        )


def sees_feedback(user):
    return events_user_follows(user).exists()
