"""Transnational and local events, dated in the time zone of their venue."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
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
    OPEN = "open", _("Open: register at the link")
    CLOSED = "closed", _("Closed")
    NOT_REQUIRED = "not_required", _("No registration needed")


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


class EventIndexPage(IntroMixin, Page):
    """Transnational events of the network and a calendar of all events."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + IntroMixin.panels
    search_fields = Page.search_fields + IntroMixin.search_fields

    class Meta:
        verbose_name = _("event index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.listing(self.locale_id)
        context["upcoming_events"] = events.upcoming()
        context["past_events"] = paginate(request, events.past(), per_page=12)
        return context


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


class EventPage(BodyMixin, Page):
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
            [FieldPanel("registration_status"), FieldPanel("registration_url")],
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

    def clean(self):
        super().clean()
        if self.registration_status == RegistrationStatus.OPEN and not self.registration_url:
            raise ValidationError(
                {"registration_url": _("Give the registration link, or close registration.")}
            )

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
        super().save(*args, **kwargs)
