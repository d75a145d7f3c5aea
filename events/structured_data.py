"""schema.org Event data (JSON-LD) for search engines."""

import json

from django.utils.safestring import mark_safe

# As Django's json_script: nothing in the data can close the <script> element.
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def event_json_ld(event, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "url": event.get_full_url(request),
        "inLanguage": event.locale.language_code,
    }
    if event.venue_name or event.venue_city:
        place = {
            "@type": "Place",
            "name": event.venue_name or event.venue_city,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.venue_address,
                "addressLocality": event.venue_city,
                "addressCountry": event.venue_country.code or "",
            },
        }
        if event.latitude is not None and event.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(event.latitude),
                "longitude": float(event.longitude),
            }
        data["location"] = place
    if event.host_partner:
        data["organizer"] = {
            "@type": "Organization",
            "name": event.host_partner.organisation_name or event.host_partner.title,
            "url": event.host_partner.get_full_url(request),
        }
    text = json.dumps(data, ensure_ascii=False).translate(ESCAPES)
    return mark_safe(text)  # noqa: S308 (escaped above like json_script)
