import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone

from events.factories import EventPageFactory, in_days
from events.models import CountryParticipants, ParticipationFigures, PartnerParticipants
from events.programme import programme_figures, programme_window


def record(event, total, countries, partners=()):
    figures = ParticipationFigures.objects.create(event=event, total=total)
    for code, number in countries:
        CountryParticipants.objects.create(figures=figures, country=code, participants=number)
    for partner, number in partners:
        PartnerParticipants.objects.create(figures=figures, partner=partner, participants=number)
    return figures


def held(parent, days_ago, **fields):
    return EventPageFactory(
        parent=parent, start=in_days(-days_ago, 9), end=in_days(-days_ago, 17), **fields
    )


@pytest.fixture
def programme(net):
    """Hand-counted: 2 transnational events held, 115 participants, 3 countries, 1 partner."""
    palermo, events = net.page("partner"), net.page("events")
    record(held(events, 200, host_partner=palermo), 40, [("IT", 25), ("DE", 15)], [(palermo, 30)])
    record(held(events, 100, host_partner=None, venue_country="GR"), 60, [("IT", 10), ("GR", 50)])
    held(events, 50, host_partner=palermo, cancelled=True)
    record(held(palermo, 20), 15, [("IT", 15)])
    record(held(events, 400, host_partner=palermo), 99, [("FR", 99)])  # before the programme
    start = timezone.localdate() - datetime.timedelta(days=300)
    with override_settings(CONVIVIUM_PROGRAMME_START=start, CONVIVIUM_PROGRAMME_MONTHS=24):
        yield start


def test_report_counts_events_held_against_those_promised(programme):
    figures = programme_figures()
    assert figures.held_transnational == 2
    assert figures.window.promised == 8


def test_report_totals_participants_countries_and_partners(programme):
    figures = programme_figures()
    assert figures.participants == 40 + 60 + 15
    assert figures.countries == ["Germany", "Greece", "Italy"]
    assert figures.partners == ["Palermo"]


def test_participants_over_time_add_up_month_by_month(programme):
    figures = programme_figures()
    assert len(figures.by_month) == 24
    assert sum(total for _month, total, _cumulative in figures.by_month) == 115
    assert figures.by_month[-1][2] == 115


def test_report_per_partner(programme):
    (palermo,) = programme_figures().by_partner
    assert palermo == {"partner": "Palermo", "country": "Italy", "hosted": 2, "participants": 30}


def test_without_a_configured_start_the_programme_starts_with_the_first_transnational_event(net):
    first = held(net.page("events"), 500)
    with override_settings(CONVIVIUM_PROGRAMME_START=None, CONVIVIUM_PROGRAMME_MONTHS=24):
        window = programme_window()
    assert window.start == first.local_start.date()
    assert window.end == window.start.replace(year=window.start.year + 2)


@pytest.fixture
def admin_client(db, client):
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "pw"))
    return client


def test_report_page_shows_the_summary_and_an_svg_chart(programme, admin_client):
    response = admin_client.get("/admin/reports/programme/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "2 of 8 promised" in text
    assert "<svg" in text and "Participants per month" in text
    assert "Germany, Greece, Italy" in text


def test_report_exports_a_spreadsheet(programme, admin_client):
    response = admin_client.get("/admin/reports/programme/", {"export": "csv"})
    assert response.status_code == 200
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0].startswith("Event,Kind,Date,Host,Country,Status,Participants")
    assert sum(1 for row in rows if ",Held," in row) == 3


def test_partner_report_exports(programme, admin_client):
    page = admin_client.get("/admin/reports/programme-partners/")
    assert page.status_code == 200
    response = admin_client.get("/admin/reports/programme-partners/", {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_organisers_list_and_export_registrations(programme, admin_client, net):
    from events.models import Registration

    event = net.page("event")
    Registration.objects.create(
        event=event, name="Ana Pop", email="ana@example.org", country="RO", consent=True
    )
    listing = admin_client.get("/admin/events/registrations/")
    assert listing.status_code == 200
    assert "Ana Pop" in listing.content.decode()
    export = admin_client.get("/admin/events/registrations/", {"export": "csv"})
    assert "ana@example.org" in b"".join(export.streaming_content).decode()


def test_organisers_mark_attendance(admin_client, net):
    from events.models import Registration

    registration = Registration.objects.create(
        event=net.page("event"), name="Ana Pop", email="ana@example.org", country="RO", consent=True
    )
    response = admin_client.post(
        f"/admin/events/registrations/edit/{registration.pk}/",
        {"name": "Ana Pop", "email": "ana@example.org", "country": "RO", "attended": "on"},
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.attended


def test_report_shows_participants_feedback_beside_the_figures(net):
    from contributions.models import EventFeedback

    event = held(net.page("events"), 30, host_partner=net.page("partner"))
    for rating in (4, 5, 5):
        EventFeedback.objects.create(
            event=event, event_key=event.translation_key, rating=rating, language="en"
        )
    start = timezone.localdate() - datetime.timedelta(days=60)
    with override_settings(CONVIVIUM_PROGRAMME_START=start):
        (row,) = [row for row in programme_figures().rows if row["event_id"] == event.pk]
    assert (row["feedback"], row["rating"]) == (3, 4.67)
