"""Event feedback figures for other reports (the events app's programme report)."""

from django.db.models import Avg, Count

from .models import EventFeedback


def summary_for(events):
    """Per event: {event pk: {"count": n, "average": mean rating or None}}, in one query.

    Feedback given on any translation of an event counts for it.
    """
    keys = {event.pk: event.translation_key for event in events}
    rows = (
        EventFeedback.objects.filter(event_key__in=set(keys.values()))
        .values("event_key")
        .annotate(count=Count("pk"), average=Avg("rating"))
        .order_by()
    )
    by_key = {row["event_key"]: row for row in rows}
    summary = {}
    for pk, key in keys.items():
        row = by_key.get(key)
        summary[pk] = {
            "count": row["count"] if row else 0,
            "average": round(row["average"], 2) if row else None,
        }
    return summary
