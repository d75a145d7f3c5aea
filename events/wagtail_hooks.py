from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from partners.models import PartnerPage
from website.models import HomePage
from website.navigation import network_page
from website.sections import Section

from .admin_views import FIGURES_POLICY, EventsAdminGroup, PartnerReportView, ProgrammeReportView
from .models import EventIndexPage, EventPage


@hooks.register("convivium_sections")
def events_section(page, request):
    is_partner = isinstance(page, PartnerPage)
    events = EventPage.objects.listing(page.locale_id).upcoming()
    if isinstance(page, HomePage):
        heading = _("Upcoming events")
    elif isinstance(page, PartnerPage):
        # The partner's own local events and the transnational events it hosts.
        events = events.filter(Q(path__startswith=page.path) | Q(host_partner=page))
        heading = _("Upcoming events")
    else:
        return None
    index = network_page(request, page.locale_id, EventIndexPage)
    feed = None
    if is_partner and index is not None:
        feed = f"{index.get_url(request)}partners/{page.slug}/calendar.ics"
    return Section(
        "events/includes/event_section.html",
        {
            "heading": heading,
            "events": events[:4],
            "index": None if is_partner else index,
            "feed": feed,
        },
        order=20,
    )


@hooks.register("register_admin_viewset")
def register_events_admin():
    return EventsAdminGroup()


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = []
    for view, url, name in (
        (ProgrammeReportView, "reports/programme/", "events_programme_report"),
        (PartnerReportView, "reports/programme-partners/", "events_partner_report"),
    ):
        urls.append(path(url, view.as_view(), name=name))
        urls.append(path(f"{url}results/", view.as_view(results_only=True), name=f"{name}_results"))
    return urls


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return FIGURES_POLICY.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_programme_report_menu_item():
    return FiguresMenuItem(
        _("Programme report"),
        reverse("events_programme_report"),
        name="programme-report",
        icon_name="calendar",
        order=1320,
    )


@hooks.register("register_reports_menu_item")
def register_partner_report_menu_item():
    return FiguresMenuItem(
        _("Participation per partner"),
        reverse("events_partner_report"),
        name="programme-partner-report",
        icon_name="group",
        order=1330,
    )
