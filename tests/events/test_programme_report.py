import csv
import datetime
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone

from events.factories import EventPageFactory, in_days
from events.models import CountryParticipants, ParticipationFigures, PartnerParticipants
from events.programme import Window, programme_figures, programme_window


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


def test_participants_over_time_add_up_programme_month_by_programme_month(programme):
    figures = programme_figures()
    assert [month.label for month, _total, _cumulative in figures.by_month] == [
        f"M{number}" for number in range(1, 25)
    ]
    assert sum(total for _month, total, _cumulative in figures.by_month) == 115
    assert figures.by_month[-1][2] == 115


def test_a_programme_starting_mid_month_has_its_months_counted_from_its_first_day():
    months = Window(datetime.date(2026, 1, 5), 24, 8).months()
    assert len(months) == 24
    assert (months[0].start, months[0].last_day) == (
        datetime.date(2026, 1, 5),
        datetime.date(2026, 2, 4),
    )
    assert (months[-1].start, months[-1].last_day) == (
        datetime.date(2027, 12, 5),
        datetime.date(2028, 1, 4),
    )


def test_a_programme_starting_on_the_31st_starts_each_month_on_that_day_or_the_last():
    starts = [month.start for month in Window(datetime.date(2027, 1, 31), 4, 8).months()]
    assert starts == [
        datetime.date(2027, 1, 31),
        datetime.date(2027, 2, 28),
        datetime.date(2027, 3, 31),
        datetime.date(2027, 4, 30),
    ]


def test_an_event_counts_in_the_programme_month_of_its_date_at_the_venue(net):
    events = net.page("events")
    day_before, first_day = datetime.date(2026, 2, 4), datetime.date(2026, 2, 5)
    for day, total in ((day_before, 10), (first_day, 20)):
        start = datetime.datetime.combine(day, datetime.time(23, 30), ZoneInfo("Europe/Athens"))
        event = EventPageFactory(
            parent=events, start=start, end=start + datetime.timedelta(minutes=20)
        )
        record(event, total, [("GR", total)])
    window_start = datetime.date(2026, 1, 5)
    with override_settings(CONVIVIUM_PROGRAMME_START=window_start, CONVIVIUM_PROGRAMME_MONTHS=3):
        figures = programme_figures()
    assert [(month.label, total) for month, total, _cumulative in figures.by_month] == [
        ("M1", 10),
        ("M2", 20),
        ("M3", 0),
    ]
    assert [row["month"] for row in figures.rows] == ["M1", "M2"]


def test_report_chart_and_export_name_the_same_programme_months(programme, admin_client):
    page = admin_client.get("/admin/reports/programme/").content.decode()
    export = admin_client.get("/admin/reports/programme/", {"export": "csv"})
    rows = list(csv.DictReader(b"".join(export.streaming_content).decode().splitlines()))
    months = {row["Programme month"] for row in rows}
    assert months and all(month.startswith("M") for month in months)
    for month in months:
        assert f">{month}</text>" in page


def test_report_per_partner(programme):
    (palermo,) = programme_figures().by_partner
    assert palermo == {"partner": "Palermo", "country": "Italy", "hosted": 2, "participants": 30}


def test_without_a_configured_start_the_programme_starts_with_the_first_transnational_event(net):
    first = held(net.page("events"), 500)
    with override_settings(CONVIVIUM_PROGRAMME_START=None, CONVIVIUM_PROGRAMME_MONTHS=24):
        window = programme_window()
    assert window.start == first.local_start.date()
    assert window.end == window.start + relativedelta(years=2)


@pytest.fixture
def admin_client(db, client):
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "pw"))
    return client


def test_report_page_shows_the_summary_and_an_svg_chart(programme, admin_client):
    response = admin_client.get("/admin/reports/programme/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "2 of 8 promised" in text
    assert "<svg" in text and "Participants per programme month" in text
    assert "Germany, Greece and Italy" in text


def test_report_exports_a_spreadsheet(programme, admin_client):
    response = admin_client.get("/admin/reports/programme/", {"export": "csv"})
    assert response.status_code == 200
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0].startswith("Event,Kind,Date,Programme month,Host,Country,Status,Participants")
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
