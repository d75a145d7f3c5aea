"""iCalendar (RFC 5545) feeds of events, built with the icalendar library."""

import datetime

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from website.pagecache import remember

PRODID = "-//Convivium//Events//EN"


def event_uid(event):
    """The same for every translation of an event and for ever: its translation key."""
    return f"{event.translation_key}@convivium"


def event_component(event, request):
    url = event.get_full_url(request)
    entry = icalendar.Event()
    entry.add("uid", event_uid(event))
    # The time the entry was last revised in the calendar store (RFC 5545, 3.8.7.2).
    revised = event.last_published_at or event.latest_revision_created_at or timezone.now()
    entry.add("dtstamp", revised.astimezone(datetime.UTC))
    entry.add("last-modified", revised.astimezone(datetime.UTC))
    entry.add("sequence", event.sequence)
    entry.add("dtstart", event.local_start)
    entry.add("dtend", event.local_end)
    entry.add("summary", event.title)
    entry.add("description", f"{event.summary}\n\n{url}")
    entry.add("url", url)
    place = [event.venue_name, event.venue_address, event.venue_city]
    if event.venue_country:
        place.append(str(event.venue_country.name))
    location = ", ".join(part for part in place if part)
    if location:
        entry.add("location", location)
    if event.latitude is not None and event.longitude is not None:
        entry.add("geo", (float(event.latitude), float(event.longitude)))
    entry.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return entry


def build_calendar(events, name, request):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    events = list(events)
    for event in events:
        calendar.add_component(event_component(event, request))
    if events:
        # Each zone's rules only for the years the events span: a feed stays small.
        first = min(event.start for event in events).date() - datetime.timedelta(days=366)
        last = max(event.end for event in events).date() + datetime.timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def calendar_response(request, events, name, filename):
    # Kept until the content changes: calendar clients poll the same feeds all day.
    body = remember(
        request,
        f"calendar:{request.get_host()}{request.get_full_path()}",
        lambda: build_calendar(events, name, request).to_ical(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return response
