"""RSS feeds per language: new practices and events of the whole network."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from events.models import EventPage
from practices.models import PracticePage
from website import formats
from website.fallbacks import OWN_TEXT
from website.query import private_pages

FEED_LENGTH = 30


class NetworkFeed(Feed):
    model = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return translation.get_language()

    def link(self, language):
        site = Site.find_for_request(self.request)
        return site.root_url if site else "/"

    def items(self, language):
        return (
            self.model.objects.live()
            .exclude(private_pages())
            .filter(OWN_TEXT, locale__language_code=language)
            .defer_streamfields()
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:FEED_LENGTH]
        )

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_link(self, page):
        return page.get_full_url(self.request)

    def item_guid(self, page):
        # One identifier for an item whatever its address: its translation and language.
        return f"urn:uuid:{page.translation_key}#{page.locale_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at


class PracticesFeed(NetworkFeed):
    model = PracticePage
    title = _("New good practices")
    description = _("Good practices newly published by the network's partners.")

    def items(self, language):
        return super().items(language).select_related("partner")

    def item_author_name(self, page):
        return page.partner.title if page.partner else None


class EventsFeed(NetworkFeed):
    model = EventPage
    title = _("Events of the network")
    description = _("Transnational and local events, newly announced.")

    def item_description(self, page):
        when = formats.long_datetime(page.start, page.time_zone)
        where = ", ".join(part for part in (page.venue_city, page.venue_country.name) if part)
        return " · ".join(part for part in (when, where, page.summary) if part)
