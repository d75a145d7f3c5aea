"""Organisers' screens: registrations (export, attendance), participation figures, reports."""

from collections import Counter

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from website.exports import SafeIndexView, SafeReportView

from .forms import ParticipationFiguresForm
from .models import (
    CountryParticipants,
    EventPage,
    ParticipationFigures,
    Registration,
)
from .programme import bar_chart, programme_figures


class RegistrationViewSet(ModelViewSet):
    model = Registration
    index_view_class = SafeIndexView
    icon = "user"
    url_prefix = "events/registrations"
    menu_label = _("Registrations")
    add_to_admin_menu = False
    list_display = ["name", "email", "event", "country", "status", "attended", "created_at"]
    list_filter = ["event", "status", "attended"]
    search_fields = ["name", "email", "organisation"]
    list_export = [
        "event",
        "name",
        "email",
        "organisation",
        "country",
        "role",
        "accessibility_needs",
        "status",
        "attended",
        "created_at",
    ]
    export_filename = "registrations"
    # Registrations come from the public form: organisers correct and mark attendance.
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Registration.objects.select_related("event")


class FiguresCreateView(generic.CreateView):
    """Opened from an event (?event=<id>), the form starts from who attended."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or ParticipationFigures()
        try:
            event = EventPage.objects.get(pk=int(self.request.GET.get("event", "")))
        except (ValueError, OverflowError, EventPage.DoesNotExist):  # SQLite: beyond 64 bits
            return instance
        return prefilled_figures(event, instance)


def prefilled_figures(event, instance=None):
    instance = instance or ParticipationFigures()
    instance.event = event
    holder = event.registration_event()
    attendees = holder.registrations.filter(attended=True).values_list("country", flat=True)
    by_country = Counter(attendees)
    summary = getattr(holder, "registration_summary", None)
    if not by_country and summary is not None:
        # Registrations already deleted: their anonymous counts remain.
        by_country = Counter(summary.attended_by_country)
    if by_country:
        instance.total = sum(by_country.values())
        instance.countries = [
            CountryParticipants(country=code, participants=number)
            for code, number in sorted(by_country.items())
        ]
    return instance


class ParticipationFiguresViewSet(ModelViewSet):
    model = ParticipationFigures
    icon = "group"
    url_prefix = "events/participation"
    menu_label = _("Participation figures")
    add_to_admin_menu = False
    add_view_class = FiguresCreateView
    index_view_class = SafeIndexView
    list_display = ["event", "total", "updated_at"]
    list_export = [
        "event",
        "total",
        "women",
        "men",
        "gender_other",
        "under_30",
        "migrant_background",
    ]
    export_filename = "participation-figures"

    edit_handler = ObjectList(ParticipationFigures.panels, base_form_class=ParticipationFiguresForm)

    def get_queryset(self, request):
        return ParticipationFigures.objects.select_related("event")


# The programme's figures are the coordinators': whoever may see participation figures.
FIGURES_POLICY = ModelPermissionPolicy(ParticipationFigures)


class FiguresReportView(SafeReportView):
    """A report on the programme's figures, computed once per request, with its partner chart."""

    permission_policy = FIGURES_POLICY
    permission_required = "view"
    paginate_by = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["figures"] = self.figures
        context["partner_chart"] = bar_chart(
            [(row["partner"], row["participants"]) for row in self.figures.by_partner],
            _("Participants per partner"),
        )
        return context


class ProgrammeReportView(FiguresReportView):
    page_title = _("Programme report")
    header_icon = "calendar"
    index_url_name = "events_programme_report"
    index_results_url_name = "events_programme_report_results"
    results_template_name = "events/admin/programme_report_results.html"
    columns = [
        Column("title", label=_("Event")),
        Column("kind", label=_("Kind")),
        Column("date", label=_("Date")),
        Column("month", label=_("Programme month")),
        Column("host", label=_("Host")),
        Column("status", label=_("Status")),
        NumberColumn("participants", label=_("Participants")),
        NumberColumn("countries", label=_("Countries")),
        NumberColumn("partners", label=_("Partners")),
        NumberColumn("feedback", label=_("Feedback")),
        NumberColumn("rating", label=_("Average rating")),
    ]
    list_export = [
        "title",
        "kind",
        "date",
        "month",
        "host",
        "country",
        "status",
        "participants",
        "women",
        "men",
        "gender_other",
        "under_30",
        "migrant_background",
        "countries",
        "partners",
        "feedback",
        "rating",
    ]
    export_headings = {
        "title": _("Event"),
        "kind": _("Kind"),
        "date": _("Date"),
        "month": _("Programme month"),
        "host": _("Host"),
        "country": _("Country"),
        "status": _("Status"),
        "participants": _("Participants"),
        "women": _("women"),
        "men": _("men"),
        "gender_other": _("other or not said"),
        "under_30": _("young people under 30"),
        "migrant_background": _("with a migrant background"),
        "countries": _("Countries"),
        "partners": _("Partners"),
        "feedback": _("Feedback"),
        "rating": _("Average rating"),
    }

    def get_queryset(self):
        self.figures = programme_figures()
        figures_url = reverse("events_participationfigures:add")
        for row in self.figures.rows:
            row["record_url"] = (
                reverse("events_participationfigures:edit", args=[row["figures_id"]])
                if row["figures_id"]
                else f"{figures_url}?event={row['event_id']}"
            )
        return self.figures.rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["chart"] = bar_chart(
            [(month.label, total) for month, total, _cumulative in self.figures.by_month],
            _("Participants per programme month"),
        )
        return context


class PartnerReportView(FiguresReportView):
    page_title = _("Participation per partner")
    header_icon = "group"
    index_url_name = "events_partner_report"
    index_results_url_name = "events_partner_report_results"
    results_template_name = "events/admin/partner_report_results.html"
    columns = [
        Column("partner", label=_("Partner")),
        Column("country", label=_("Country")),
        NumberColumn("hosted", label=_("Events hosted")),
        NumberColumn("participants", label=_("Participants")),
    ]
    list_export = ["partner", "country", "hosted", "participants"]
    export_headings = {
        "partner": _("Partner"),
        "country": _("Country"),
        "hosted": _("Events hosted"),
        "participants": _("Participants"),
    }

    def get_queryset(self):
        self.figures = programme_figures()
        return self.figures.by_partner


class EventsAdminGroup(ViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 250
    items = (
        RegistrationViewSet("events_registration"),
        ParticipationFiguresViewSet("events_participationfigures"),
    )
