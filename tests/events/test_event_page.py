import datetime
import zoneinfo

import pytest
from django.utils import timezone

from events.factories import EventPageFactory, in_days
from events.models import EventKind, EventPage, EventPageForm


def test_event_under_the_index_is_transnational_with_the_chosen_host(net):
    event = net.page("event")
    assert event.kind == EventKind.TRANSNATIONAL
    assert event.host_partner == net.page("partner")


def test_event_under_a_partner_is_local_and_hosted_by_that_partner(net):
    event = EventPageFactory(parent=net.page("partner"), host_partner=None)
    assert event.kind == EventKind.LOCAL
    assert event.host_partner == net.page("partner")


def test_translated_transnational_event_points_at_the_hosts_translation(net):
    assert net.page("event", "it").host_partner == net.page("partner", "it")


def test_local_times_are_in_the_events_own_time_zone(net):
    start = datetime.datetime(2027, 3, 28, 9, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Athens"))
    event = EventPageFactory(
        parent=net.page("events"),
        start=start,
        end=start + datetime.timedelta(hours=8),
        time_zone="Europe/Athens",
    )
    event.refresh_from_db()
    assert event.local_start.hour == 9
    assert event.local_start.utcoffset() == datetime.timedelta(hours=3)


def test_editor_types_times_in_the_events_zone_whatever_their_own(net):
    event = net.page("event")
    form_class = EventPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, EventPageForm)
    data = {
        "title": "Kick-off meeting",
        "slug": "kick-off",
        "summary": "Partners meet.",
        "start": "2027-01-10 09:00",
        "end": "2027-01-10 17:00",
        "time_zone": "Asia/Tokyo",
        "registration_status": "closed",
        "agenda-count": 0,
        "body-count": 0,
    }
    with timezone.override(zoneinfo.ZoneInfo("America/New_York")):
        form = form_class(data, instance=event, parent_page=net.page("events"), for_user=None)
        assert form.is_valid(), form.errors
    start = form.cleaned_data["start"]
    assert start.astimezone(zoneinfo.ZoneInfo("Asia/Tokyo")).hour == 9


def test_an_event_cannot_end_before_it_starts(net):
    form_class = EventPage.get_edit_handler().get_form_class()
    data = {
        "title": "Backwards",
        "slug": "backwards",
        "summary": "Wrong dates.",
        "start": "2027-01-10 09:00",
        "end": "2027-01-09 17:00",
        "time_zone": "Europe/Rome",
        "registration_status": "closed",
        "agenda-count": 0,
        "body-count": 0,
    }
    form = form_class(data, instance=EventPage(), parent_page=net.page("events"), for_user=None)
    assert not form.is_valid()
    assert "end" in form.errors


@pytest.mark.parametrize("days,upcoming", [(-3, False), (0, True), (20, True)])
def test_events_are_upcoming_until_they_end(net, days, upcoming):
    event = EventPageFactory(
        parent=net.page("events"), start=in_days(days - 1, 9), end=in_days(days, 23)
    )
    assert EventPage.objects.upcoming().filter(pk=event.pk).exists() is upcoming


def test_open_registration_needs_a_link(net):
    event = EventPageFactory.build(registration_status="open", registration_url="")
    with pytest.raises(Exception, match="registration link"):
        event.clean()


@pytest.fixture
def athens_event(net):
    """The kick-off, in every language, on 22 December 2026 from 09:00 to 17:00 in Athens."""
    athens = zoneinfo.ZoneInfo("Europe/Athens")
    event = net.page("event")
    EventPage.objects.filter(translation_key=event.translation_key).update(
        start=datetime.datetime(2026, 12, 22, 9, 0, tzinfo=athens),
        end=datetime.datetime(2026, 12, 22, 17, 0, tzinfo=athens),
        time_zone="Europe/Athens",
    )
    return event


def test_event_page_in_english_gives_the_day_first_the_24_hour_clock_and_the_zone(
    client, athens_event
):
    text = client.get(athens_event.url).text
    assert '<time datetime="2026-12-22T09:00:00+02:00">22 December 2026, 09:00</time>' in text
    assert '–<time datetime="2026-12-22T17:00:00+02:00">17:00</time>' in text
    assert '<span class="tz">(Athens Time)</span>' in text
    assert "Europe/Athens" not in text.split("<main", 1)[1]


def test_event_page_in_arabic_gives_the_arabic_date_and_zone_and_isolates_the_host(
    client, net, athens_event
):
    response = client.get(net.page("event", "ar").url)
    text = response.text
    assert 'dir="rtl"' in text
    assert ">22 ديسمبر 2026، 9:00 ص</time>" in text
    assert '<span class="tz">(توقيت أثينا)</span>' in text
    host = net.page("partner", "ar").title
    assert f"<bdi>{host}</bdi></a>" in text


def test_event_card_in_arabic_isolates_its_title_and_host(client, net, athens_event):
    text = client.get(net.page("events", "ar").url).text
    event = net.page("event", "ar")
    assert f'<h3 class="card__title" dir="auto"><a href="{event.url}">{event.title}</a>' in text
    assert f"<bdi>{net.page('partner', 'ar').title}</bdi>" in text
    assert ">22 ديسمبر 2026، 9:00 ص</time>" in text


@pytest.fixture
def event_in_athens(net):
    event = net.page("event")
    EventPage.objects.filter(translation_key=event.translation_key).update(
        venue_city="Athens", venue_country="GR"
    )
    return event


def test_event_page_places_the_city_in_its_country_with_the_readers_comma(
    client, net, event_in_athens
):
    assert "<bdi>Athens</bdi>, Greece</address>" in client.get(event_in_athens.url).text
    arabic = client.get(net.page("event", "ar").url).text
    assert "<bdi>Athens</bdi>، اليونان</address>" in arabic


def test_event_card_places_the_city_in_its_country_with_the_readers_comma(
    client, net, event_in_athens
):
    assert "<bdi>Athens</bdi>، اليونان" in client.get(net.page("events", "ar").url).text
    assert "<bdi>Athens</bdi>, Greece" in client.get(net.page("events", "en").url).text
