from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from partners.models import PartnerPage
from website.models import HomePage
from website.navigation import network_page
from website.sections import Section

from .models import EventIndexPage, EventPage


@hooks.register("convivium_sections")
def events_section(page, request):
    is_partner = isinstance(page, PartnerPage)
    events = EventPage.objects.listing(page.locale_id).upcoming()
    if isinstance(page, HomePage):
        heading = _("Upcoming events")
    elif isinstance(page, PartnerPage):
        # The partner's own local events and the transnational events it hosts.
        events = events.filter(Q(path__startswith=page.path) | Q(host_partner=page))
        heading = _("Upcoming events")
    else:
        return None
    return Section(
        "events/includes/event_section.html",
        {
            "heading": heading,
            "events": events[:4],
            "index": None if is_partner else network_page(request, page.locale_id, EventIndexPage),
        },
        order=20,
    )
