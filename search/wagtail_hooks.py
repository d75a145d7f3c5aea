from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.snippets.models import register_snippet

from .admin_views import SearchSynonymViewSet
from .reports import UnansweredSearchesReportView

register_snippet(SearchSynonymViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    view = UnansweredSearchesReportView
    return [
        path("reports/searches-without-result/", view.as_view(), name="search_unanswered"),
        path(
            "reports/searches-without-result/results/",
            view.as_view(results_only=True),
            name="search_unanswered_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_unanswered_searches_menu_item():
    return AdminOnlyMenuItem(
        _("Searches without result"),
        reverse("search_unanswered"),
        name="searches-without-result",
        icon_name="search",
        order=1310,
    )
