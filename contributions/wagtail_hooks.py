from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from .admin_views import (
    FeedbackCommentsView,
    FeedbackSummaryView,
    ProposalsView,
    answer_policy,
    answer_viewset,
    sees_feedback,
)
from .chooser import answer_chooser_viewset
from .models import ConsultationAnswer

register_permission_policy(ConsultationAnswer, answer_policy)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [answer_chooser_viewset, answer_viewset]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("proposals/", ProposalsView.as_view(), name="contributions_proposals"),
        path(
            "proposals/results/",
            ProposalsView.as_view(results_only=True),
            name="contributions_proposals_results",
        ),
        path(
            "reports/event-feedback/", FeedbackSummaryView.as_view(), name="contributions_feedback"
        ),
        path(
            "reports/event-feedback/results/",
            FeedbackSummaryView.as_view(results_only=True),
            name="contributions_feedback_results",
        ),
        path(
            "reports/event-feedback/<uuid:key>/",
            FeedbackCommentsView.as_view(),
            name="contributions_feedback_comments",
        ),
        path(
            "reports/event-feedback/<uuid:key>/results/",
            FeedbackCommentsView.as_view(results_only=True),
            name="contributions_feedback_comments_results",
        ),
    ]


class EditorsMenuItem(MenuItem):
    """Shown to people who edit some pages: the list itself shows only theirs."""

    def is_shown(self, request):
        return PagePermissionPolicy(Page).user_has_any_permission(
            request.user, ["change", "publish"]
        )


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_feedback(request.user)


@hooks.register("register_admin_menu_item")
def register_proposals_menu_item():
    return EditorsMenuItem(
        _("Proposals"), reverse("contributions_proposals"), icon_name="form", order=240
    )


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem(
        _("Event feedback"), reverse("contributions_feedback"), icon_name="pick", order=720
    )
