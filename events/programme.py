"""The programme's figures: events held against those promised, who took part, from where.

Everything is counted on the events of the working language (each event once,
whatever the number of its translations), where participation figures live.
"""

import datetime
import itertools
from collections import Counter
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django_countries import countries as country_names

from partners.models import PartnerPage

from .models import (
    CountryParticipants,
    EventKind,
    EventPage,
    PartnerParticipants,
)


@dataclass(frozen=True)
class ProgrammeMonth:
    """Month n of the programme (Mn), counted from the programme's start day.

    Funded programmes report by programme month, so a 24-month programme has 24 of
    them whatever day of a calendar month it starts on: M1 runs from 5 January to
    4 February when the programme starts on 5 January.
    """

    number: int
    start: datetime.date
    end: datetime.date  # the first day of the next programme month

    @property
    def label(self):
        return f"M{self.number}"

    @property
    def last_day(self):
        return self.end - datetime.timedelta(days=1)


@dataclass
class Window:
    start: datetime.date
    length: int  # in programme months
    promised: int

    def months(self):
        # Every boundary counted from the start day, not from the month before: a programme
        # starting on 31 January has M2 from 28 (or 29) February and M3 from 31 March.
        boundaries = [
            self.start + relativedelta(months=number) for number in range(self.length + 1)
        ]
        return [
            ProgrammeMonth(number, start, end)
            for number, (start, end) in enumerate(itertools.pairwise(boundaries), start=1)
        ]

    @property
    def end(self):
        """The day after the programme's last day."""
        return self.start + relativedelta(months=self.length)

    @property
    def last_day(self):
        return self.end - datetime.timedelta(days=1)

    def month_of(self, day, months=None):
        for month in months or self.months():
            if month.start <= day < month.end:
                return month
        return None


def programme_window():
    months = settings.CONVIVIUM_PROGRAMME_MONTHS
    start = settings.CONVIVIUM_PROGRAMME_START
    if start is None:
        # Without a configured start, the programme starts with its first transnational event.
        first = (
            working_events()
            .filter(kind=EventKind.TRANSNATIONAL)
            .order_by("start")
            .values_list("start", flat=True)
            .first()
        )
        start = timezone.localdate(first) if first else timezone.localdate()
    return Window(start, months, settings.CONVIVIUM_PROGRAMME_EVENTS)


def working_events():
    return EventPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)


@dataclass
class ProgrammeFigures:
    window: Window
    rows: list = field(default_factory=list)
    held_transnational: int = 0
    participants: int = 0
    countries: list = field(default_factory=list)
    partners: list = field(default_factory=list)
    by_month: list = field(default_factory=list)
    by_partner: list = field(default_factory=list)


def programme_figures(now=None):
    now = now or timezone.now()
    window = programme_window()
    events = (
        working_events()
        # A day either side: an event belongs to the month of its date in the venue's zone,
        # which the loop below reads; the database knows only the site's zone.
        .filter(
            start__date__gte=window.start - datetime.timedelta(days=1),
            start__date__lt=window.end + datetime.timedelta(days=1),
        )
        .select_related("host_partner", "participation")
        .prefetch_related(
            Prefetch("participation__countries", CountryParticipants.objects.order_by("country")),
            Prefetch(
                "participation__partners", PartnerParticipants.objects.select_related("partner")
            ),
        )
        .defer_streamfields()
        .order_by("start")
    )
    figures = ProgrammeFigures(window=window)
    months = window.months()
    countries, partner_keys = set(), {}
    monthly = Counter()
    sent = Counter()
    hosted = Counter()
    for event in events:
        month = window.month_of(event.local_start.date(), months)
        if month is None:
            continue
        held = event.end < now and not event.cancelled
        participation = getattr(event, "participation", None)
        if held and event.kind == EventKind.TRANSNATIONAL:
            figures.held_transnational += 1
        if held and event.host_partner:
            partner_keys[event.host_partner.translation_key] = event.host_partner
            hosted[event.host_partner.translation_key] += 1
            countries.add(event.host_partner.country.code)
        row = {
            "title": event.title,
            "kind": event.get_kind_display(),
            "date": event.local_start.date(),
            "month": month.label,
            "host": event.host_partner.title if event.host_partner else "",
            "country": str(event.venue_country.name) if event.venue_country else "",
            "status": status_label(event, now),
            "participants": None,
            "women": None,
            "men": None,
            "gender_other": None,
            "under_30": None,
            "migrant_background": None,
            "countries": None,
            "partners": None,
            "event_id": event.pk,
            "figures_id": participation.pk if participation else None,
        }
        if participation:
            for name in ("women", "men", "gender_other", "under_30", "migrant_background"):
                row[name] = getattr(participation, name)
            row["participants"] = participation.total
            row["countries"] = len(participation.countries.all())
            row["partners"] = len(participation.partners.all())
            figures.participants += participation.total
            monthly[month.number] += participation.total
            for item in participation.countries.all():
                if item.participants:
                    countries.add(item.country.code)
            for item in participation.partners.all():
                if item.participants:
                    partner_keys[item.partner.translation_key] = item.partner
                    sent[item.partner.translation_key] += item.participants
        figures.rows.append(row)
    add_feedback(figures.rows, events)
    figures.countries = sorted(str(country_names.name(code)) for code in countries if code)
    figures.partners = sorted(partner.title for partner in partner_keys.values())
    cumulative = 0
    for month in months:
        cumulative += monthly[month.number]
        figures.by_month.append((month, monthly[month.number], cumulative))
    for partner in working_partners():
        key = partner.translation_key
        figures.by_partner.append(
            {
                "partner": partner.title,
                "country": str(partner.country.name),
                "hosted": hosted[key],
                "participants": sent[key],
            }
        )
    return figures


def add_feedback(rows, events):
    """Participants' feedback (from the contributions app, if installed) beside each event."""
    for row in rows:
        row["feedback"], row["rating"] = None, None
    if not apps.is_installed("contributions"):
        return
    from contributions.feedback import summary_for

    summary = summary_for(events)
    for row in rows:
        given = summary.get(row["event_id"])
        if given and given["count"]:
            row["feedback"], row["rating"] = given["count"], given["average"]


def working_partners():
    return (
        PartnerPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("title")
    )


def status_label(event, now):
    from django.utils.translation import gettext as _

    if event.cancelled:
        return _("Cancelled")
    if event.end < now:
        return _("Held")
    return _("Upcoming")


def bar_chart(items, label):
    """A server-rendered SVG bar chart of (label, value) pairs; readable without script."""
    width, bar, gap, top, bottom = 640, 0, 4, 16, 40
    height = 220
    count = max(len(items), 1)
    bar = max((width - gap * count) / count, 2)
    highest = max([value for _name, value in items] + [1])
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(label)}" viewBox="0 0 {width} {height}"'
        f' xmlns="http://www.w3.org/2000/svg" font-size="10">',
        f"<title>{escape(label)}</title>",
    ]
    usable = height - top - bottom
    for index, (name, value) in enumerate(items):
        bar_height = usable * value / highest
        x = index * (bar + gap)
        y = top + usable - bar_height
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{bar_height:.1f}"'
            f' fill="currentColor" opacity="0.7"><title>{escape(name)}: {value}</title></rect>'
        )
        if value:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle">{value}</text>'
            )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 12:.1f}" text-anchor="end"'
            f' transform="rotate(-45 {x + bar / 2:.1f} {height - bottom + 12:.1f})">'
            f"{escape(name)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text escaped above)
