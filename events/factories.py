import datetime
import zoneinfo

import factory
import wagtail_factories
from django.utils import timezone

from .models import EventIndexPage, EventPage, RegistrationStatus


def in_days(days, hour, zone="Europe/Rome"):
    date = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(date, datetime.time(hour), zoneinfo.ZoneInfo(zone))


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary = "Partners compare what works against ethnic stigma."
    start = factory.LazyFunction(lambda: in_days(30, 9))
    end = factory.LazyFunction(lambda: in_days(30, 17))
    time_zone = "Europe/Rome"
    venue_name = "Palazzo delle Aquile"
    venue_city = "Palermo"
    venue_country = "IT"
    registration_status = RegistrationStatus.CLOSED

    class Meta:
        model = EventPage
