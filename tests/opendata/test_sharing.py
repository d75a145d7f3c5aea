import json
import re
from html.parser import HTMLParser

import pytest


class Head(HTMLParser):
    """Meta properties and JSON-LD scripts of a page."""

    def __init__(self):
        super().__init__()
        self.meta, self.json_ld, self._in_json_ld = {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")
        self._in_json_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))
            self._in_json_ld = False


def head(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    parser = Head()
    parser.feed(response.content.decode())
    return parser


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_practice_is_shared_with_its_title_summary_and_image(client, net, language):
    practice = net.page("practice", language)
    found = head(client, practice)
    assert found.meta["og:title"] == practice.title
    assert found.meta["og:description"] == practice.summary
    assert found.meta["og:url"] == practice.full_url
    assert re.match(r"^http://localhost/media/images/.*fill-1200x630", found.meta["og:image"])
    assert found.meta["og:image:alt"] == "A market"
    assert found.meta["twitter:card"] == "summary_large_image"
    assert found.meta["og:locale"] == language


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_practice_is_described_as_an_article_in_json_ld(client, net, language):
    practice = net.page("practice", language)
    (data,) = head(client, practice).json_ld
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == practice.title
    assert data["inLanguage"] == language
    assert data["identifier"] == str(practice.translation_key)
    assert data["author"]["@type"] == "GovernmentOrganization"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["about"] == [{"en": "Integration", "ar": "الاندماج"}[language]]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_partner_is_an_organisation_with_its_place(client, net, language):
    partner = net.page("partner", language)
    found = head(client, partner)
    (data,) = found.json_ld
    assert data["@type"] == "GovernmentOrganization"
    assert data["address"]["addressCountry"] == "IT"
    assert data["location"]["geo"]["latitude"] == float(partner.latitude)
    assert found.meta["og:title"] == partner.title


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_handbook_is_a_book_listing_its_chapters(client, net, language):
    found = head(client, net.page("handbook", language))
    (data,) = found.json_ld
    assert data["@type"] == "Book"
    chapter = net.page("chapter", language)
    assert data["hasPart"] == [
        {"@type": "Chapter", "position": 1, "name": chapter.title, "url": chapter.full_url}
    ]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_events_and_chapters_get_sharing_tags_and_no_second_json_ld(client, net, language):
    expected_types = {"event": ["Event"], "chapter": []}  # an event's own comes from events/
    for name, types in expected_types.items():
        page = net.page(name, language)
        found = head(client, page)
        assert found.meta["og:title"] == page.title
        assert found.meta["twitter:card"] == "summary"
        assert [data["@type"] for data in found.json_ld] == types


def test_json_ld_cannot_close_its_script_element(client, net):
    practice = net.page("practice")
    practice.title = "Walks </script><script>alert(1)</script>"
    practice.save()
    html = client.get(practice.url).content.decode()
    assert "<script>alert(1)" not in html
    (data,) = head(client, practice).json_ld
    assert data["headline"] == practice.title
