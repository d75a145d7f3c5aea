import datetime
import zoneinfo

import icalendar
from django.utils import timezone

from events.calendar import event_uid
from events.factories import EventPageFactory


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def entries(calendar):
    return {str(entry["UID"]): entry for entry in calendar.walk("VEVENT")}


def test_network_feed_lists_every_event_of_the_language(net, client):
    calendar = parse(client.get("/en/events/calendar.ics"))
    summaries = {str(entry["SUMMARY"]) for entry in calendar.walk("VEVENT")}
    assert {"Kick-off meeting", "Open tables"} <= summaries
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]


def test_an_events_uid_is_the_same_in_every_language(net, client):
    english = entries(parse(client.get("/en/events/calendar.ics")))
    italian = entries(parse(client.get("/it/events/calendar.ics")))
    uid = event_uid(net.page("event"))
    assert uid in english and uid in italian
    assert str(italian[uid]["SUMMARY"]) == "Riunione di avvio"


def test_times_carry_the_venues_zone_with_its_vtimezone(net, client):
    start = datetime.datetime(2027, 3, 28, 9, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Athens"))
    event = EventPageFactory(
        parent=net.page("events"),
        start=start,
        end=start + datetime.timedelta(hours=8),
        time_zone="Europe/Athens",
    )
    calendar = parse(client.get(event.url + "calendar.ics"))
    entry = calendar.walk("VEVENT")[0]
    assert entry.decoded("DTSTART") == start
    assert entry["DTSTART"].params["TZID"] == "Europe/Athens"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Athens"]
    assert entry.decoded("DTSTAMP").tzinfo is not None


def test_uid_stays_and_sequence_rises_when_the_event_moves(net, client):
    event = net.page("event")
    before = parse(client.get(event.url + "calendar.ics")).walk("VEVENT")[0]
    event.start += datetime.timedelta(days=1)
    event.end += datetime.timedelta(days=1)
    event.save_revision().publish()
    after = parse(client.get(event.url + "calendar.ics")).walk("VEVENT")[0]
    assert str(after["UID"]) == str(before["UID"])
    assert after.decoded("SEQUENCE") == before.decoded("SEQUENCE") + 1


def test_an_edit_that_does_not_change_the_schedule_keeps_the_sequence(net):
    event = net.page("event")
    sequence = event.sequence
    event.summary = "A better summary."
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.sequence == sequence


def test_a_cancelled_event_is_cancelled_in_calendars(net, client):
    event = net.page("event")
    event.cancelled = True
    event.save_revision().publish()
    entry = entries(parse(client.get("/en/events/calendar.ics")))[event_uid(event)]
    assert str(entry["STATUS"]) == "CANCELLED"
    assert entry.decoded("SEQUENCE") >= 1
    page = client.get(event.url)
    assert "This event is cancelled." in page.text


def test_partner_feed_has_the_events_it_holds_and_hosts(net, client):
    other = EventPageFactory(parent=net.page("events"), title="Elsewhere", host_partner=None)
    calendar = parse(client.get("/en/events/partners/palermo/calendar.ics"))
    uids = set(entries(calendar))
    assert event_uid(net.page("event")) in uids  # hosted transnational event
    assert event_uid(net.page("local_event")) in uids  # its own local event
    assert event_uid(other) not in uids


def test_feed_of_an_unknown_partner_is_404(net, client):
    assert client.get("/en/events/partners/atlantis/calendar.ics").status_code == 404


def test_event_page_links_to_its_calendar_entry(net, client):
    response = client.get(net.page("event").url)
    assert 'href="/en/events/kick-off/calendar.ics"' in response.text
    assert "calendar.google.com" in response.text


def test_dtstamp_is_the_last_publication(net, client):
    event = net.page("event")
    entry = parse(client.get(event.url + "calendar.ics")).walk("VEVENT")[0]
    assert entry.decoded("DTSTAMP") <= timezone.now()


def test_partner_page_offers_its_own_calendar(net, client):
    response = client.get(net.page("partner").url)
    assert 'href="webcal://localhost/en/events/partners/palermo/calendar.ics"' in response.text


def test_feed_queries_do_not_grow_with_events(net, client, django_assert_max_num_queries):
    client.get("/en/events/calendar.ics")
    with django_assert_max_num_queries(10) as few:
        client.get("/en/events/calendar.ics")
    for _ in range(5):
        EventPageFactory(parent=net.page("events"), host_partner=None)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/en/events/calendar.ics")
    assert len(parse(response).walk("VEVENT")) == 7
