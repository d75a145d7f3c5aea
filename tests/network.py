"""A small network, translated into Italian and Arabic, shared by the tests that only read."""

from dataclasses import dataclass, field

import wagtail_factories
from wagtail.models import Locale, Page, Site
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

from events.factories import EventIndexPageFactory, EventPageFactory, in_days
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory
from practices.factories import (
    HandbookChapterPageFactory,
    HandbookPageFactory,
    PracticeIndexPageFactory,
    PracticePageFactory,
    TargetGroupFactory,
    ThemeFactory,
)
from practices.models import ChapterCitation, PracticePageTargetGroup, PracticePageTheme
from website.demo.translation import translate
from website.factories import HomePageFactory, StandardPageFactory
from website.models import SiteBranding

ITALIAN = {
    "Convivium": "Convivium",
    "Partners": "Partner",
    "Good practices": "Buone pratiche",
    "Events": "Eventi",
    "Handbook": "Manuale",
    "About the network": "La rete",
    "Palermo": "Palermo",
    "Local stakeholders": "Attori locali",
    "Market walks": "Passeggiate al mercato",
    "Kick-off meeting": "Riunione di avvio",
    "Open tables": "Tavole aperte",
    "Understanding stigma": "Capire lo stigma",
    "Integration": "Integrazione",
    "Young people": "Giovani",
}
ARABIC = {
    "Convivium": "كونفيفيوم",
    "Partners": "الشركاء",
    "Good practices": "الممارسات الجيدة",
    "Events": "الفعاليات",
    "Handbook": "الدليل",
    "About the network": "عن الشبكة",
    "Palermo": "باليرمو",
    "Local stakeholders": "الجهات المحلية",
    "Market walks": "جولات في السوق",
    "Kick-off meeting": "الاجتماع الافتتاحي",
    "Open tables": "موائد مفتوحة",
    "Understanding stigma": "فهم الوصم",
    "Integration": "الاندماج",
    "Young people": "الشباب",
}
LANGUAGES = {"it": ITALIAN, "ar": ARABIC}


@dataclass
class Network:
    site: Site
    pages: dict = field(default_factory=dict)

    def page(self, name, language="en"):
        """A fresh copy from the database: tests may change what they get."""
        source = self.pages[name]
        return type(source).objects.get(
            translation_key=source.translation_key, locale__language_code=language
        )


def clear():
    FlatMenu.objects.all().delete()
    MainMenu.objects.all().delete()
    Site.objects.all().delete()
    for page in Page.objects.filter(depth=2):
        page.delete()
    for factory in (ThemeFactory, TargetGroupFactory):
        factory._meta.model.objects.all().delete()


def build():
    clear()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="network")
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Convivium"
    )
    SiteBranding.objects.create(site=site, site_title="Convivium")
    network = Network(site=site)
    pages = network.pages
    pages["home"] = home
    pages["about"] = StandardPageFactory(parent=home, title="About the network", slug="about")
    pages["partners"] = PartnerIndexPageFactory(parent=home)
    pages["practices"] = PracticeIndexPageFactory(parent=home)
    pages["events"] = EventIndexPageFactory(parent=home)
    pages["handbook"] = HandbookPageFactory(parent=home)
    pages["partner"] = PartnerPageFactory(parent=pages["partners"], title="Palermo", slug="palermo")
    pages["partner_about"] = StandardPageFactory(
        parent=pages["partner"], title="Local stakeholders", slug="local-stakeholders"
    )
    theme = ThemeFactory(name="Integration", slug="integration")
    group = TargetGroupFactory(name="Young people", slug="young-people")
    pages["practice"] = PracticePageFactory(
        parent=pages["partner"],
        title="Market walks",
        slug="market-walks",
        featured_image=wagtail_factories.ImageFactory(title="Market", description="A market"),
        practice_themes=[PracticePageTheme(theme=theme)],
        practice_target_groups=[PracticePageTargetGroup(target_group=group)],
    )
    pages["event"] = EventPageFactory(
        parent=pages["events"],
        title="Kick-off meeting",
        slug="kick-off",
        host_partner=pages["partner"],
    )
    pages["local_event"] = EventPageFactory(
        parent=pages["partner"],
        title="Open tables",
        slug="open-tables",
        start=in_days(10, 18),
        end=in_days(10, 21),
    )
    pages["chapter"] = HandbookChapterPageFactory(
        parent=pages["handbook"],
        title="Understanding stigma",
        slug="understanding-stigma",
        cited_practices=[ChapterCitation(practice=pages["practice"])],
    )
    for language, words in LANGUAGES.items():
        locale = Locale.objects.get(language_code=language)
        for snippet in (theme, group):
            translate(snippet, locale, words)
        for page in pages.values():
            translate(page, locale, {**words, page.slug: page.slug})

    main = MainMenu.objects.create(site=site)
    for order, name in enumerate(["practices", "partners", "events", "handbook", "about"]):
        MainMenuItem.objects.create(menu=main, link_page=pages[name], sort_order=order)
    footer = FlatMenu.objects.create(site=site, handle="footer", title="Footer")
    FlatMenuItem.objects.create(menu=footer, link_page=pages["about"], sort_order=0)
    return network
