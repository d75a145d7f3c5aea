"""Transnational and local events, dated in the time zone of their venue."""

import datetime
import zoneinfo
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from partners.models import PartnerPage
from website.models import BodyMixin, IntroMixin
from website.pagination import paginate
from website.query import PublicPageQuerySet

TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


class EventKind(models.TextChoices):
    TRANSNATIONAL = "transnational", _("Transnational")
    LOCAL = "local", _("Local")


class RegistrationStatus(models.TextChoices):
    ON_SITE = "on_site", _("Open: register on this site")
    OPEN = "open", _("Open: register at the link")
    CLOSED = "closed", _("Closed")
    NOT_REQUIRED = "not_required", _("No registration needed")


# A change to any of these is a change attendees' calendars must pick up.
SCHEDULE_FIELDS = (
    "title",
    "start",
    "end",
    "time_zone",
    "venue_name",
    "venue_address",
    "venue_city",
    "venue_country",
    "cancelled",
)


class SessionBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"), format="%H:%M")
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    speakers = blocks.ListBlock(
        blocks.CharBlock(label=_("Speaker"), max_length=120), label=_("Speakers"), min_num=0
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        template = "events/blocks/session.html"
        label = _("Session")
        preview_value = {
            "time": "09:30",
            "title": "Welcome by the host city",
            "speakers": ["Giulia Ferrante"],
        }


class AgendaBlock(blocks.StreamBlock):
    session = SessionBlock()


class EventPageQuerySet(PublicPageQuerySet):
    def listing(self, locale):
        """Live public events of one language (a locale or its id), with all a card shows."""
        return (
            self.live()
            .public()
            .filter(locale=locale)
            .select_related("host_partner")
            .defer_streamfields()
        )

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now()).order_by("start")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start")


class EventIndexPage(RoutablePageMixin, IntroMixin, Page):
    """Transnational events of the network and a calendar of all events."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + IntroMixin.panels
    search_fields = Page.search_fields + IntroMixin.search_fields

    class Meta:
        verbose_name = _("event index page")

    def get_context(self, request, *args, **kwargs):
        from .filters import EventFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = EventFilterForm(request.GET or None, locale=self.locale)
        events = EventPage.objects.listing(self.locale_id)
        if form.is_bound:
            if not form.is_valid():
                context["filter_form"] = form
                context["bad_filters"] = True
                return context
            events = form.filter(events)
        context["filter_form"] = form
        query = request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        context["upcoming_events"] = events.upcoming()
        context["past_events"] = paginate(request, events.past(), per_page=12)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        context = self.get_context(request)
        status = 400 if context.get("bad_filters") else 200
        return TemplateResponse(request, self.get_template(request), context, status=status)

    @re_path(r"^calendar\.ics/$", name="calendar")
    def calendar(self, request):
        from .calendar import calendar_response

        events = EventPage.objects.listing(self.locale_id).order_by("start")
        return calendar_response(request, events, self.title, "events.ics")

    @re_path(r"^partners/(?P<slug>[-\w]+)/calendar\.ics/$", name="partner_calendar")
    def partner_calendar(self, request, slug):
        from .calendar import calendar_response

        partner = PartnerPage.objects.live().filter(locale_id=self.locale_id, slug=slug).first()
        if partner is None:
            raise Http404
        events = (
            EventPage.objects.listing(self.locale_id)
            .filter(Q(path__startswith=partner.path) | Q(host_partner=partner))
            .order_by("start")
        )
        return calendar_response(request, events, partner.title, f"{slug}.ics")


class EventPageForm(WagtailAdminPageForm):
    """Start and end are typed in the event's own time zone, whatever the editor's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = self.instance.zone
        for name in ("start", "end"):
            value = getattr(self.instance, name)
            if value and name in self.fields:
                self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    def clean(self):
        cleaned_data = super().clean()
        zone_name = cleaned_data.get("time_zone")
        if zone_name:
            zone = zoneinfo.ZoneInfo(zone_name)
            current = timezone.get_current_timezone()
            for name in ("start", "end"):
                value = cleaned_data.get(name)
                if value:
                    wall_clock = timezone.localtime(value, current).replace(tzinfo=None)
                    cleaned_data[name] = timezone.make_aware(wall_clock, zone)
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The event ends before it starts."))
        return cleaned_data


class EventPage(RoutablePageMixin, BodyMixin, Page):
    """A transnational event (under the events index) or a partner's local event."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, editable=False, default=EventKind.LOCAL
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text=_("At most 300 characters, shown in listings."),
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=TIME_ZONE_CHOICES,
        default="Europe/Brussels",
        help_text=_("The time zone of the venue: start and end are in this zone."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("address"), max_length=255, blank=True)
    venue_city = models.CharField(_("city"), max_length=100, blank=True)
    venue_country = CountryField(_("country"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    host_partner = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("host partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
        help_text=_("For a partner's local event, the partner whose pages hold it."),
    )
    agenda = StreamField(AgendaBlock(), verbose_name=_("agenda"), blank=True)
    registration_status = models.CharField(
        _("registration"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.NOT_REQUIRED,
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_(
            "For registration on this site: once they are taken, people join a waiting list."
        ),
    )
    cancelled = models.BooleanField(
        _("cancelled"), default=False, help_text=_("Shown on the page and in calendars.")
    )
    # Raised whenever the schedule changes, so calendars replace their copy (RFC 5545).
    sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage", "partners.PartnerPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("venue_city"), FieldPanel("venue_country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        FieldPanel("host_partner"),
        MultiFieldPanel(
            [
                FieldPanel("registration_status"),
                FieldPanel("registration_url"),
                FieldPanel("capacity"),
                FieldPanel("cancelled"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("agenda"),
        FieldPanel("body"),
    ]
    search_fields = (
        Page.search_fields
        + BodyMixin.search_fields
        + [
            index.SearchField("summary"),
            index.SearchField("venue_city"),
            index.FilterField("start"),
            index.FilterField("kind"),
        ]
    )

    class Meta:
        verbose_name = _("event page")

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone or "UTC")

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.zone)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_multi_day(self):
        return self.local_start.date() != self.local_end.date()

    @property
    def google_calendar_url(self):
        """ "Add to Google Calendar": the other calendars read the .ics link."""
        times = "/".join(
            value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
            for value in (self.start, self.end)
        )
        place = ", ".join(part for part in (self.venue_name, self.venue_city) if part)
        query = urlencode(
            {
                "action": "TEMPLATE",
                "text": self.title,
                "dates": times,
                "details": self.summary,
                "location": place,
                "ctz": self.time_zone,
            }
        )
        return f"https://calendar.google.com/calendar/render?{query}"

    @property
    def takes_registrations(self):
        return (
            self.registration_status == RegistrationStatus.ON_SITE
            and not self.cancelled
            and not self.is_past
        )

    def registration_event(self):
        """The one translation that holds registrations for every language: the first made."""
        return EventPage.objects.filter(translation_key=self.translation_key).order_by("pk").first()

    def clean(self):
        super().clean()
        if self.registration_status == RegistrationStatus.OPEN and not self.registration_url:
            raise ValidationError(
                {"registration_url": _("Give the registration link, or close registration.")}
            )
        if self.registration_status == RegistrationStatus.ON_SITE and not self.capacity:
            raise ValidationError({"capacity": _("Give the number of places.")})

    def raise_sequence(self, update_fields):
        if not self.pk:
            return update_fields
        stored = EventPage.objects.filter(pk=self.pk).values(*SCHEDULE_FIELDS, "sequence").first()
        if stored is None:
            return update_fields
        written = SCHEDULE_FIELDS if update_fields is None else set(update_fields)
        changed = [
            name
            for name in SCHEDULE_FIELDS
            if name in written and getattr(self, name) != stored[name]
        ]
        self.sequence = stored["sequence"] + 1 if changed else stored["sequence"]
        if changed and update_fields is not None:
            update_fields = {*update_fields, "sequence"}
        return update_fields

    # -- public sub-pages: calendar entry, registration, cancellation ---------------

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.serve_page(request)

    def serve_page(self, request, form=None, refusal=None, status=200):
        context = self.get_context(request)
        if form is not None:
            context["registration_form"] = form
            context["registration_refusal"] = refusal
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def get_context(self, request, *args, **kwargs):
        from .forms import RegistrationForm
        from .structured_data import event_json_ld

        context = super().get_context(request, *args, **kwargs)
        if self.takes_registrations:
            context["registration_form"] = RegistrationForm(request=request)
            holder = self.registration_event() if self.pk else None  # None in a first preview
            taken = (
                holder.registrations.filter(status=AttendeeStatus.CONFIRMED).count()
                if holder
                else 0
            )
            context["places_left"] = max((self.capacity or 0) - taken, 0)
        context["json_ld"] = event_json_ld(self, request)
        return context

    @re_path(r"^calendar\.ics/$", name="event_calendar")
    def calendar(self, request):
        from .calendar import calendar_response

        return calendar_response(request, [self], self.title, f"{self.slug}.ics")

    @path("register/", name="register")
    def register(self, request):
        from .registration import register_view

        return register_view(self, request)

    @path("cancel/<str:token>/", name="cancel_registration")
    def cancel_registration(self, request, token):
        from .registration import cancel_view

        return cancel_view(self, request, token)

    def save(self, *args, **kwargs):
        tree_partner = PartnerPage.holding(self)
        # Where an event sits in the tree says what it is: under a partner it is
        # that partner's local event, under the events index a transnational one.
        if tree_partner is not None:
            self.kind = EventKind.LOCAL
            self.host_partner = tree_partner
        elif self.path:
            self.kind = EventKind.TRANSNATIONAL
            # Translations copy the host from the source: point at the host's
            # page in this event's language where there is one.
            if self.host_partner and self.host_partner.locale_id != self.locale_id:
                self.host_partner = (
                    self.host_partner.get_translation_or_none(self.locale_id) or self.host_partner
                )
        kwargs["update_fields"] = self.raise_sequence(kwargs.get("update_fields"))
        super().save(*args, **kwargs)


class AttendeeStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("Waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    """One person's registration for an event, kept until the retention period ends."""

    event = models.ForeignKey(
        EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = CountryField(_("country"))
    role = models.CharField(_("role"), max_length=200, blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=2000, blank=True)
    consent = models.BooleanField(_("consent to the privacy notice"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=AttendeeStatus.choices, default=AttendeeStatus.CONFIRMED
    )
    attended = models.BooleanField(_("attended"), default=False)
    language = models.CharField(max_length=12, default="en", editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("organisation"),
        FieldPanel("country"),
        FieldPanel("role"),
        FieldPanel("accessibility_needs"),
        FieldPanel("attended"),
    ]

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # One live registration per address and event; a cancelled one may register again.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="one_registration_per_email_and_event",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} ({self.event.title})"


class RegistrationSummary(models.Model):
    """Anonymous counts left of an event's registrations once they are deleted."""

    event = models.OneToOneField(
        EventPage, on_delete=models.CASCADE, related_name="registration_summary"
    )
    confirmed = models.PositiveIntegerField(default=0)
    waiting = models.PositiveIntegerField(default=0)
    cancelled = models.PositiveIntegerField(default=0)
    attended = models.PositiveIntegerField(default=0)
    attended_by_country = models.JSONField(default=dict)
    purged_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return str(self.event_id)


class ParticipationFigures(ClusterableModel):
    """Who took part in an event, as the funder's report asks for it."""

    event = models.OneToOneField(
        EventPage,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="participation",
    )
    total = models.PositiveIntegerField(_("participants"))
    women = models.PositiveIntegerField(_("women"), default=0)
    men = models.PositiveIntegerField(_("men"), default=0)
    gender_other = models.PositiveIntegerField(_("other or not said"), default=0)
    under_30 = models.PositiveIntegerField(_("young people under 30"), default=0)
    migrant_background = models.PositiveIntegerField(_("with a migrant background"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("event"),
        FieldPanel("total"),
        FieldRowPanel([FieldPanel("women"), FieldPanel("men"), FieldPanel("gender_other")]),
        FieldRowPanel([FieldPanel("under_30"), FieldPanel("migrant_background")]),
        InlinePanel("countries", heading=_("By country"), label=_("Country")),
        InlinePanel("partners", heading=_("By partner"), label=_("Partner")),
    ]

    class Meta:
        verbose_name = _("participation figures")
        verbose_name_plural = _("participation figures")

    def __str__(self):
        return str(self.event.title)


class CountryParticipants(models.Model):
    figures = ParentalKey(ParticipationFigures, on_delete=models.CASCADE, related_name="countries")
    country = CountryField(_("country"))
    participants = models.PositiveIntegerField(_("participants"))

    panels = [FieldRowPanel([FieldPanel("country"), FieldPanel("participants")])]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["figures", "country"], name="one_count_per_country")
        ]

    def __str__(self):
        return f"{self.country}: {self.participants}"


class PartnerParticipants(models.Model):
    figures = ParentalKey(ParticipationFigures, on_delete=models.CASCADE, related_name="partners")
    partner = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    participants = models.PositiveIntegerField(_("participants"))

    panels = [FieldRowPanel([FieldPanel("partner"), FieldPanel("participants")])]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["figures", "partner"], name="one_count_per_partner")
        ]

    def __str__(self):
        return f"{self.partner_id}: {self.participants}"
