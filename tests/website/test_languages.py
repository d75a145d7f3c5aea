import re

import pytest
from wagtail.models import Locale

from practices.factories import PracticePageFactory


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def switcher_links(html):
    nav = html[html.index('class="language-switcher"') :]
    nav = nav[: nav.index("</nav>")]
    return dict(re.findall(r'<a href="([^"]+)" lang="([\w-]+)"', nav))


def test_hreflang_links_point_at_every_translation_and_x_default(client, net):
    response = client.get(net.page("practice", "it").url)
    links = alternates(response.text)
    assert links == {
        "en": "http://localhost/en/partners/palermo/market-walks/",
        "it": "http://localhost/it/partners/palermo/market-walks/",
        "ar": "http://localhost/ar/partners/palermo/market-walks/",
        "x-default": "http://localhost/en/partners/palermo/market-walks/",
    }


def test_switcher_leads_to_the_same_page_in_the_other_languages(client, net):
    response = client.get(net.page("event").url)
    links = {lang: href for href, lang in switcher_links(response.text).items()}
    assert links["it"] == "/it/events/kick-off/"
    assert links["ar"] == "/ar/events/kick-off/"
    assert links["en"] == "/en/events/kick-off/"


def test_switcher_marks_the_current_language(client, net):
    response = client.get(net.page("home", "ar").url)
    assert 'lang="ar" hreflang="ar" aria-current="true"' in response.text


def test_untranslated_page_offers_the_nearest_translated_ancestor(client, net):
    new = PracticePageFactory(parent=net.page("partner"), title="Only in English", slug="only-en")
    response = client.get(new.url)
    links = {lang: href for href, lang in switcher_links(response.text).items()}
    assert links["it"] == "/it/partners/palermo/"
    assert "This page is not translated: go to “Palermo”" in response.text


def test_untranslated_page_has_no_alternate_for_the_missing_language(client, net):
    new = PracticePageFactory(parent=net.page("partner"), title="Only in English", slug="only-en-2")
    links = alternates(client.get(new.url).text)
    assert set(links) == {"en", "x-default"}


def test_languages_without_any_page_are_left_out_of_the_switcher(client, net):
    response = client.get(net.page("home").url)
    langs = set(switcher_links(response.text).values())
    assert langs == {"en", "it", "ar"}


@pytest.mark.parametrize("language", ["en", "it", "ar"])
def test_every_configured_language_has_a_locale(db, language):
    assert Locale.objects.filter(language_code=language).exists()
