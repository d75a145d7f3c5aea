"""Builds the demo network: pages, taxonomy, search synonyms, menus and translations.

Everything is created once: running the loader again finds what exists and
leaves it as it is.
"""

import datetime
import decimal
import zoneinfo

from django.conf import settings
from django.core.management.base import OutputWrapper
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

from events.models import (
    AttendeeStatus,
    CountryParticipants,
    EventIndexPage,
    EventPage,
    ParticipationFigures,
    PartnerParticipants,
    Registration,
    RegistrationStatus,
)
from handbook.signals import one_build_at_the_end
from partners.models import PartnerIndexPage, PartnerPage
from practices.models import (
    ChapterCitation,
    HandbookChapterPage,
    HandbookPage,
    PracticeIndexPage,
    PracticePage,
    PracticePageTargetGroup,
    PracticePageTheme,
    TargetGroup,
    Theme,
)
from search.models import SearchSynonym
from website import fallbacks
from website.models import HomePage, SiteBranding, StandardPage

from . import content, images
from .contributions import DemoContributions
from .translation import translate

INDEX_PAGES = {
    "partners": PartnerIndexPage,
    "practices": PracticeIndexPage,
    "events": EventIndexPage,
}
MAIN_MENU = ["practices", "partners", "events", "handbook", "about"]

# Sample people registered for the events that take registrations on the site.
DEMO_ATTENDEES = [
    ("Giulia Ferrante", "IT", "Social worker"),
    ("Nikos Papadakis", "GR", "Teacher"),
    ("Lucía Martín", "ES", "Volunteer"),
    ("Agnieszka Nowak", "PL", "City official"),
    ("Ioana Popescu", "RO", "Roma mediator"),
    ("Jonas Becker", "DE", "Youth worker"),
    ("Amina Haddad", "FR", "Community organiser"),
    ("Siobhán Byrne", "IE", "Researcher"),
    ("Mamadou Diallo", "IT", "Cultural mediator"),
    ("Elena Ionescu", "RO", "Teacher"),
]
FOOTER_MENU = ["about", "contact", "privacy"]


def coordinate(value):
    if value is None:
        return None
    return decimal.Decimal(str(value)).quantize(decimal.Decimal("0.000001"))


class DemoNetwork:
    """The demo network; ``partner_files`` narrows it to some partners (for tests)."""

    def __init__(self, out, today=None, partner_files=None, address=None):
        self.out = out if isinstance(out, OutputWrapper) else OutputWrapper(out)
        self.address = address
        self.partner_files = partner_files
        self.today = today or timezone.localdate()
        self.locales = {}
        self.pages = {}
        self.practices = {}
        self.partners = {}
        self.created = 0

    # -- progress -----------------------------------------------------------

    def step(self, label, items):
        items = list(items)
        total = len(items)
        for number, item in enumerate(items, start=1):
            self.out.write(f"\r  {label}: {number}/{total}", ending="")
            self.out.flush()
            yield item
        self.out.write(f"\r  {label}: {total}/{total} done")

    # -- building blocks ------------------------------------------------------

    def locale(self, code):
        if code not in self.locales:
            self.locales[code], _created = Locale.objects.get_or_create(language_code=code)
        return self.locales[code]

    def child(self, parent, model, slug, **fields):
        """The page ``slug`` under ``parent``, created and published if missing."""
        existing = parent.get_children().filter(slug=slug).specific().first()
        if existing is not None:
            return existing, False
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page, True

    def translate_page(self, page, item):
        """Translate ``page`` into every configured language its content item has."""
        configured = {code for code, _name in settings.LANGUAGES}
        for code in content.languages_of(item)[1:]:
            if code not in configured:
                continue
            locale = self.locale(code)
            if page.has_translation(locale):
                continue
            pairs = content.translation_pairs(item["en"], item[code])
            pairs[page.slug] = page.slug  # addresses keep their slug in every language
            translate(page, locale, pairs)

    def image(self, title, file, description):
        existing = Image.objects.filter(title=title, collection=self.collection).first()
        if existing:
            return existing
        return Image.objects.create(
            title=title, file=file, description=description, collection=self.collection
        )

    # -- the network --------------------------------------------------------

    def load(self):
        # Aliases of untranslated pages are made once, when everything is there.
        with fallbacks.refreshed_at_the_end():
            self.load_network()
            with one_build_at_the_end():  # aliases of chapters change the handbooks
                self.load_fallbacks()
        return self.created

    def load_network(self):
        known = {code for code, _name in settings.LANGUAGES}
        for code in known:
            self.locale(code)
        root_collection = Collection.get_first_root_node()
        self.collection = root_collection.get_children().filter(
            name="Demo network"
        ).first() or root_collection.add_child(name="Demo network")
        network = content.load("network.toml")
        self.load_taxonomy(content.load("taxonomy.toml"))
        self.load_synonyms(content.load("synonyms.toml")["synonyms"])
        self.load_home(network)
        files = self.partner_files or content.partner_files()
        self.load_partners([content.load(path) for path in files])
        self.load_transnational_events(network["events"])
        # The handbook's PDF and EPUB of each language are built once, after its last page.
        with one_build_at_the_end():
            self.load_handbook(network)
        DemoContributions(self).load()
        self.load_menus()

    def load_taxonomy(self, taxonomy):
        en = self.locale("en")
        self.themes, self.target_groups = {}, {}
        for model, key, store in (
            (Theme, "themes", self.themes),
            (TargetGroup, "target_groups", self.target_groups),
        ):
            for term in self.step(model._meta.verbose_name_plural, taxonomy[key]):
                instance = model.objects.filter(locale=en, slug=term["slug"]).first()
                if instance is None:
                    instance = model.objects.create(locale=en, slug=term["slug"], name=term["en"])
                    self.created += 1
                store[term["slug"]] = instance
                for code, name in term.items():
                    if code in ("slug", "en") or code not in self.locales:
                        continue
                    if not instance.has_translation(self.locale(code)):
                        translate(instance, self.locale(code), {term["en"]: name})

    def load_synonyms(self, groups):
        """The search synonyms: each group in English, translated into the other languages."""
        en = self.locale("en")
        for group in self.step(SearchSynonym._meta.verbose_name_plural, groups):
            english = group["en"]
            synonym = SearchSynonym.objects.filter(locale=en, term=english["term"]).first()
            if synonym is None:
                synonym = SearchSynonym(
                    locale=en, term=english["term"], equivalents="\n".join(english["equivalents"])
                )
                synonym.full_clean()
                synonym.save()
                self.created += 1
            for code, written in group.items():
                if code == "en" or code not in self.locales:
                    continue
                if not synonym.has_translation(self.locale(code)):
                    pairs = {
                        english["term"]: written["term"],
                        synonym.equivalents: "\n".join(written["equivalents"]),
                    }
                    translate(synonym, self.locale(code), pairs)

    def load_home(self, network):
        en = self.locale("en")
        home = HomePage.objects.filter(locale=en).first()
        site = Site.objects.filter(is_default_site=True).first()
        if home is None:
            item = network["home"]["en"]
            home, _created = self.child(
                Page.get_first_root_node(),
                HomePage,
                "convivium",
                title=item["title"],
                intro=item["intro"],
                body=content.body_blocks(item["body"]),
            )
            welcome = site.root_page if site else None
            if site is None:
                site = Site(hostname="localhost", port=80, is_default_site=True)
            site.root_page, site.site_name = home, "Convivium"
            site.save()
            if welcome is not None and welcome.specific_class is Page:
                welcome.delete()  # the page Wagtail installs as a placeholder
        if self.address and site is not None:
            self.serve_at(site, *self.address)
        self.site, self.home = site, home
        branding = SiteBranding.for_site(site)
        if not branding.show_sample_notice:
            branding.site_title, branding.show_sample_notice = "Convivium", True
            branding.save()
        self.out.write("  home page")
        self.translate_page(home, network["home"])

        sections = content.load("sections.toml")
        for slug, model in INDEX_PAGES.items():
            item = sections[slug]
            page, _created = self.child(
                home,
                model,
                slug,
                title=item["en"]["title"],
                intro=item["en"]["intro"],
                show_in_menus=True,
            )
            self.translate_page(page, item)
            self.pages[slug] = page
        for item in self.step("network pages", network["pages"]):
            self.pages[item["slug"]] = self.standard_page(home, item)

    def serve_at(self, site, hostname, port):
        """The default Site answers at ``hostname:port``; partners' own Sites move to its port."""
        if (site.hostname, site.port) == (hostname, port):
            return
        Site.objects.exclude(pk=site.pk).filter(port=site.port).update(port=port)
        site.hostname, site.port = hostname, port
        site.save()

    def standard_page(self, parent, item):
        text = item["en"]
        page, _created = self.child(
            parent,
            StandardPage,
            item["slug"],
            title=text["title"],
            intro=text.get("intro", ""),
            body=content.body_blocks(text["body"]),
            show_in_menus=True,
        )
        self.translate_page(page, item)
        return page

    def load_partners(self, partner_files):
        index = self.pages["partners"]
        self.partner_count = len(partner_files)
        for number, data in enumerate(self.step("partners", partner_files)):
            self.load_partner(index, data, number)

    def load_partner(self, index, data, number):
        meta, text = data["partner"], data["partner"]["en"]
        configured = {code for code, _name in settings.LANGUAGES}
        existing = index.get_children().filter(slug=meta["slug"]).exists()
        logo = None
        if not existing:
            initials = "".join(word[0] for word in text["city"].replace("-", " ").split()[:2])
            logo = self.image(
                f"Logo: {text['organisation_name']}",
                images.monogram(meta["slug"], initials.upper()),
                f"Logo of {text['organisation_name']}",
            )
        partner, _created = self.child(
            index,
            PartnerPage,
            meta["slug"],
            title=text["title"],
            organisation_name=text["organisation_name"],
            organisation_type=meta["organisation_type"],
            city=text["city"],
            country=meta["country"],
            latitude=coordinate(meta["latitude"]),
            longitude=coordinate(meta["longitude"]),
            population=meta.get("population"),
            languages=[code for code in meta["languages"] if code in configured],
            logo=logo,
            intro=text["intro"],
            body=content.body_blocks(text["body"]),
            contact_email=meta["contact_email"],
            website=meta["website"],
            member_since=datetime.date.fromisoformat(meta["member_since"]),
        )
        self.partners[meta["slug"]] = partner
        self.translate_page(partner, meta)
        self.standard_page(partner, data["about"])
        for position, item in enumerate(data.get("practices", [])):
            # Spread publication over the past months, partners taking turns,
            # so that "latest practices" shows the whole network.
            days_ago = (position * self.partner_count + number) * 4
            self.load_practice(partner, item, days_ago)
        for item in data.get("events", []):
            self.load_event(partner, item, zone_name=item["time_zone"])

    def load_practice(self, partner, item, days_ago):
        text = item["en"]
        page, created = self.existing_or_new_practice(partner, item, text)
        self.practices[f"{partner.slug}/{item['slug']}"] = page
        self.translate_page(page, item)
        if created:
            published = timezone.now() - datetime.timedelta(days=days_ago)
            PracticePage.objects.filter(translation_key=page.translation_key).update(
                first_published_at=published
            )

    def existing_or_new_practice(self, partner, item, text):
        existing = partner.get_children().filter(slug=item["slug"]).specific().first()
        if existing is not None:
            return existing, False
        picture = self.image(
            f"Illustration: {text['title']}",
            images.illustration(item["slug"]),
            "Abstract illustration of overlapping coloured shapes",
        )
        resources = [
            ("link", {"title": title, "url": url})
            for title, url in zip(text["resource_titles"], item["resource_urls"], strict=True)
        ]
        page, _created = self.child(
            partner,
            PracticePage,
            item["slug"],
            title=text["title"],
            summary=text["summary"],
            featured_image=picture,
            start_date=datetime.date.fromisoformat(item["start_date"]),
            end_date=(
                datetime.date.fromisoformat(item["end_date"]) if item.get("end_date") else None
            ),
            ongoing=item["ongoing"],
            context=content.paragraphs_html(text["context"]),
            approach=content.paragraphs_html(text["approach"]),
            results=content.paragraphs_html(text["results"]),
            lessons_learned=content.paragraphs_html(text["lessons"]),
            transferability=content.paragraphs_html(text["transferability"]),
            resources=resources,
            contact=text["contact"],
            practice_themes=[PracticePageTheme(theme=self.themes[slug]) for slug in item["themes"]],
            practice_target_groups=[
                PracticePageTargetGroup(target_group=self.target_groups[slug])
                for slug in item["target_groups"]
            ],
        )
        return page, True

    def event_times(self, item, zone_name):
        zone = zoneinfo.ZoneInfo(zone_name)
        first_day = self.today + datetime.timedelta(days=item["days_from_today"])
        last_day = first_day + datetime.timedelta(days=item.get("days", 1) - 1)
        start = datetime.datetime.combine(
            first_day, datetime.time.fromisoformat(item["start_time"]), zone
        )
        end = datetime.datetime.combine(
            last_day, datetime.time.fromisoformat(item["end_time"]), zone
        )
        return start, end

    def load_event(self, parent, item, zone_name, host=None):
        text = item["en"]
        start, end = self.event_times(item, zone_name)
        registration = RegistrationStatus(item["registration"])
        page, _created = self.child(
            parent,
            EventPage,
            item["slug"],
            title=text["title"],
            summary=text["summary"],
            start=start,
            end=end,
            time_zone=zone_name,
            venue_name=text["venue_name"],
            venue_address=text["venue_address"],
            venue_city=text["venue_city"],
            venue_country=item["venue_country"],
            latitude=coordinate(item.get("latitude")),
            longitude=coordinate(item.get("longitude")),
            host_partner=host,
            registration_status=registration,
            registration_url=item.get("registration_url", ""),
            capacity=item.get("capacity"),
            agenda=[
                (
                    "session",
                    {
                        "time": datetime.time.fromisoformat(session["time"]),
                        "title": session["title"],
                        "speakers": session["speakers"],
                        "description": "",
                    },
                )
                for session in text["agenda"]
            ],
            body=content.body_blocks(text["body"]),
        )
        self.translate_page(page, item)
        return page

    def load_transnational_events(self, events):
        index = self.pages["events"]
        for item in self.step("transnational events", events):
            event = self.load_event(
                index,
                item,
                zone_name=item["time_zone"],
                host=self.partners.get(item["host"]),
            )
            if "participation" in item:
                self.load_participation(event, item["participation"])
            if event.registration_status == RegistrationStatus.ON_SITE:
                self.load_registrations(event, item)

    def load_participation(self, event, numbers):
        """The figures an organiser recorded after the event, for the programme report."""
        figures, created = ParticipationFigures.objects.get_or_create(
            event=event,
            defaults={
                name: numbers[name]
                for name in ("total", "women", "men", "gender_other", "under_30")
                + ("migrant_background",)
            },
        )
        if not created:
            return
        for code, number in numbers["countries"].items():
            CountryParticipants.objects.create(figures=figures, country=code, participants=number)
        for slug, number in numbers["partners"].items():
            if slug in self.partners:
                PartnerParticipants.objects.create(
                    figures=figures, partner=self.partners[slug], participants=number
                )

    def load_registrations(self, event, item):
        """A few people registered (and, once the event is over, marked as present)."""
        past = item["days_from_today"] < 0
        for number, (name, country, role) in enumerate(DEMO_ATTENDEES):
            Registration.objects.get_or_create(
                event=event,
                email=f"{name.split()[0].lower()}.{number}@example.org",
                defaults={
                    "name": name,
                    "country": country,
                    "role": role,
                    "organisation": "",
                    "consent": True,
                    "status": AttendeeStatus.CONFIRMED,
                    "attended": past and number % 5 != 4,
                },
            )

    def load_handbook(self, network):
        item, text = network["handbook"], network["handbook"]["en"]
        handbook, _created = self.child(
            self.home,
            HandbookPage,
            item["slug"],
            title=text["title"],
            intro=text["intro"],
            body=content.body_blocks(text["body"]),
            show_in_menus=True,
        )
        self.pages["handbook"] = handbook
        self.translate_page(handbook, item)
        for chapter in self.step("handbook chapters", network["chapters"]):
            text = chapter["en"]
            page, _created = self.child(
                handbook,
                HandbookChapterPage,
                chapter["slug"],
                title=text["title"],
                intro=text["intro"],
                status=chapter["status"],
                body=content.body_blocks(text["body"]),
                cited_practices=[
                    ChapterCitation(practice=self.practices[key])
                    for key in chapter["cites"]
                    if key in self.practices
                ],
            )
            self.translate_page(page, chapter)

    def load_fallbacks(self):
        """What is not translated into a language is there all the same, in the best it has."""
        done = fallbacks.refresh(progress=lambda keys: self.step("untranslated pages", keys))
        self.out.write(f"  aliases of untranslated pages: {done.created} made")

    def load_menus(self):
        main = MainMenu.get_for_site(self.site)
        if not main.get_menu_items_manager().exists():
            for order, slug in enumerate(MAIN_MENU):
                MainMenuItem.objects.create(menu=main, link_page=self.pages[slug], sort_order=order)
        footer, _created = FlatMenu.objects.get_or_create(
            site=self.site, handle="footer", defaults={"title": "Footer"}
        )
        if not footer.get_menu_items_manager().exists():
            for order, slug in enumerate(FOOTER_MENU):
                FlatMenuItem.objects.create(
                    menu=footer, link_page=self.pages[slug], sort_order=order
                )
        self.out.write("  menus")
