import datetime
import zoneinfo

import feedparser
import pytest

from events.models import EventPage
from practices.models import PracticePage


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Market walks"), ("it", "Passeggiate al mercato"), ("ar", "جولات في السوق")],
)
def test_the_practices_feed_of_a_language_lists_its_practices(client, net, language, title):
    feed = parse(client, f"/{language}/feeds/practices/")
    assert feed.feed.language == language
    assert [entry.title for entry in feed.entries] == [title]
    assert feed.entries[0].link == net.page("practice", language).full_url
    assert feed.entries[0].id.startswith("urn:uuid:")


def test_entries_carry_their_publication_date(client, net):
    (entry,) = parse(client, "/it/feeds/practices/").entries
    practice = net.page("practice", "it")
    assert entry.published_parsed[:6] == practice.first_published_at.utctimetuple()[:6]


def test_the_events_feed_lists_transnational_and_local_events(client, net):
    feed = parse(client, "/it/feeds/events/")
    assert {entry.title for entry in feed.entries} == {"Riunione di avvio", "Tavole aperte"}
    assert all("Palermo" in entry.summary for entry in feed.entries)


def test_feeds_leave_out_private_and_unpublished_practices(client, net):
    net.page("practice", "it").unpublish()
    assert parse(client, "/it/feeds/practices/").entries == []
    assert len(parse(client, "/en/feeds/practices/").entries) == 1


def test_newest_practices_come_first(client, net, add_practices):
    _partner, pages = add_practices(2)
    newest = PracticePage.objects.get(pk=pages[-1].pk)
    feed = parse(client, "/en/feeds/practices/")
    assert feed.entries[0].title == newest.title


@pytest.mark.parametrize("language", ["en", "ar"])
def test_pages_link_the_feeds_of_their_language(client, net, language):
    html = client.get(net.page("home", language).url).content.decode()
    assert 'type="application/rss+xml" title="' in html
    assert f'href="/{language}/feeds/practices/"' in html
    assert f'href="/{language}/feeds/events/"' in html


def test_a_feed_is_titled_in_its_language(client, net):
    assert parse(client, "/ar/feeds/practices/").feed.title == "ممارسات جيدة جديدة"
    assert parse(client, "/it/feeds/events/").feed.title == "Eventi della rete"


@pytest.mark.parametrize(
    ("language", "when"),
    [
        ("en", "22 December 2026, 09:00 (Athens Time)"),
        ("it", "22 dicembre 2026, 09:00 (Ora Atene)"),
        ("ar", "22 ديسمبر 2026، 9:00 ص (توقيت أثينا)"),
    ],
)
def test_an_events_description_gives_its_time_as_the_feeds_language_writes_it(
    client, net, language, when
):
    athens = zoneinfo.ZoneInfo("Europe/Athens")
    EventPage.objects.filter(translation_key=net.page("event").translation_key).update(
        start=datetime.datetime(2026, 12, 22, 9, 0, tzinfo=athens),
        end=datetime.datetime(2026, 12, 22, 17, 0, tzinfo=athens),
        time_zone="Europe/Athens",
    )
    entries = parse(client, f"/{language}/feeds/events/").entries
    descriptions = [entry.description for entry in entries]
    assert any(description.startswith(when) for description in descriptions), descriptions
