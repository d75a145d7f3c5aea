"""Every language of the demo is a whole site: a visitor who starts at /el/ stays in /el/.

The demo network (one partner) is loaded once for the module, inside a transaction
that is rolled back at the end, and each language's structure is read through the
test client.
"""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.utils import translation

from website.demo import content

LANGUAGES = [code for code, _name in settings.LANGUAGES]
NETWORK = content.load("network.toml")
SECTIONS = content.load("sections.toml")
PAGES = {item["slug"]: item for item in NETWORK["pages"]}


def title(slug, code):
    """The title the demo's content gives a structure page in one language."""
    item = SECTIONS.get(slug) or PAGES.get(slug) or NETWORK[slug]
    return item[code]["title"]


STRUCTURE = [
    "",
    "practices/",
    "partners/",
    "events/",
    "handbook/",
    "about/",
    "contact/",
    "privacy/",
]
MENU = ["practices", "partners", "events", "handbook", "about"]
FOOTER = ["about", "contact", "privacy"]


@pytest.fixture
def site(palermo_demo, db, client):
    return client


class Page(HTMLParser):
    """What a visitor reads of a page: its language, headings, menus and links."""

    def __init__(self, html):
        super().__init__()
        self.lang = None
        self.h1 = []
        self.menus = {}
        self.links = []  # (href, inside the switcher, language of the element)
        self._stack = []  # (tag, attributes) of the open elements
        self._text_of = None
        self.feed(html)

    def _inside(self, predicate):
        return any(predicate(tag, attrs) for tag, attrs in self._stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag not in ("br", "img", "input", "link", "meta", "source", "hr"):
            self._stack.append((tag, attrs))
        if tag == "h1":
            self.h1.append("")
            self._text_of = "h1"
        if tag == "a" and "href" in attrs:
            in_switcher = self._inside(lambda t, a: "language-switcher" in a.get("class", ""))
            languages = [a["lang"] for t, a in self._stack if a.get("lang")]
            self.links.append((attrs["href"], in_switcher, languages[-1] if languages else None))
            menu = next(
                (a.get("class") for t, a in reversed(self._stack) if t == "nav"),
                None,
            )
            if menu and not in_switcher:
                self.menus.setdefault(menu, []).append("")
                self._text_of = menu

    def handle_endtag(self, tag):
        while self._stack:
            open_tag, _attrs = self._stack.pop()
            if open_tag == tag:
                break
        if tag in ("h1", "a"):
            self._text_of = None

    def handle_data(self, data):
        if self._text_of == "h1":
            self.h1[-1] += data
        elif self._text_of:
            self.menus[self._text_of][-1] += data


def read(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return Page(response.content.decode())


def other_language(href, code):
    match = re.match(r"^(?:https?://[^/]+)?/([a-z]{2})/", href)
    return match is not None and match.group(1) in LANGUAGES and match.group(1) != code


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_structure_page_answers_in_the_language_with_its_own_heading(site, code):
    for slug in STRUCTURE:
        page = read(site, f"/{code}/{slug}")
        expected = NETWORK["home"][code]["title"] if not slug else title(slug.strip("/"), code)
        assert page.lang == code, slug
        assert [text.strip() for text in page.h1] == [expected], slug


@pytest.mark.parametrize("code", LANGUAGES)
def test_main_and_footer_menus_are_in_the_language(site, code):
    page = read(site, f"/{code}/")
    menus = {
        name.split()[0]: [text.strip() for text in texts] for name, texts in page.menus.items()
    }
    assert menus["main-menu"] == [title(slug, code) for slug in MENU]
    assert menus["flat-menu"] == [title(slug, code) for slug in FOOTER]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_search_page_answers_in_the_language(site, code):
    page = read(site, f"/{code}/search/")
    with translation.override(code):
        assert page.h1 == [translation.gettext("Search good practices")]
    assert page.lang == code


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_link_leads_to_another_language_but_the_switcher_and_labelled_content(site, code):
    for slug in [*STRUCTURE, "search/"]:
        page = read(site, f"/{code}/{slug}")
        strays = [
            href
            for href, in_switcher, language in page.links
            if other_language(href, code) and not in_switcher and language in (None, code)
        ]
        assert strays == [], slug


@pytest.mark.parametrize("code", ["el", "ar"])
def test_an_address_of_nothing_gets_the_sites_own_page_not_found_in_the_language(site, code):
    response = site.get(f"/{code}/nothing/")
    assert response.status_code == 404
    html = response.content.decode()
    page = Page(html)
    assert page.lang == code
    assert ('dir="rtl"' in html) == (code == "ar")
    with translation.override(code):
        assert [text.strip() for text in page.h1] == [translation.gettext("Page not found")]
    menu = next(texts for name, texts in page.menus.items() if name.startswith("main-menu"))
    assert [text.strip() for text in menu] == [title(slug, code) for slug in MENU]


def test_an_address_of_nothing_without_a_language_gets_the_visitors_language(site):
    response = site.get("/nothing", HTTP_ACCEPT_LANGUAGE="el", follow=True)
    assert response.status_code == 404
    assert response.redirect_chain[-1][0] == "/el/nothing/"
    assert Page(response.content.decode()).lang == "el"
