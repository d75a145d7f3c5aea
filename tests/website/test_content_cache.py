"""Rendered fragments, routes and feeds are remembered until the content changes.

With CONVIVIUM_FRAGMENT_CACHE_SECONDS set, the second visit of a page costs
queries only for what differs per visit; a publication, a move, a saved
snippet, menu, setting or view restriction shows at once; previews are never
kept.
"""

import pytest
from django.test import RequestFactory
from wagtail.models import PageViewRestriction
from wagtailmenus.models import MainMenuItem

from events.models import EventPage
from practices.models import PracticePage
from website import pagecache
from website.models import SiteBranding

# Only what differs from one visit to the next: on an event page, the places
# left and the language of its structured data.
REMEMBERED_PAGE_QUERIES = 2


@pytest.fixture
def fragments(settings):
    settings.CONVIVIUM_FRAGMENT_CACHE_SECONDS = 60


def publish_title(page, title):
    page = page.specific_class.objects.get(pk=page.pk)
    page.title = title
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("name", ["home", "practice", "practices", "event"])
def test_second_visit_needs_queries_only_for_what_changes_per_visit(
    fragments, client, net, name, django_assert_max_num_queries
):
    url = net.page(name).url
    client.get(url)
    with django_assert_max_num_queries(REMEMBERED_PAGE_QUERIES):
        assert client.get(url).status_code == 200


def test_a_published_change_shows_at_once(fragments, client, net):
    url = net.page("practice").url
    assert b"Market walks" in client.get(url).content
    publish_title(net.page("practice"), "Market walks, second season")
    assert b"Market walks, second season" in client.get(url).content


def test_each_language_keeps_its_own_fragments(fragments, client, net):
    client.get(net.page("practice", "en").url)
    arabic = client.get(net.page("practice", "ar").url).content.decode()
    assert "جولات في السوق" in arabic
    assert 'dir="rtl"' in arabic


def test_a_preview_is_neither_kept_nor_served_from_the_cache(fragments, admin_client, net):
    public_url = net.page("practice").url
    admin_client.get(public_url)
    page = PracticePage.objects.get(pk=net.page("practice").pk)
    page.title = "A draft nobody should see yet"
    page.save_revision()
    revision = page.get_latest_revision()
    preview = admin_client.get(f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/")
    assert preview.status_code == 200
    assert b"A draft nobody should see yet" in preview.content
    admin_client.logout()
    assert b"A draft nobody should see yet" not in admin_client.get(public_url).content


def test_a_page_moved_to_a_new_slug_is_found_there_and_not_at_the_old_address(
    fragments, client, net
):
    old_url = net.page("practice").url
    client.get(old_url)
    page = PracticePage.objects.get(pk=net.page("practice").pk)
    page.slug = "market-walks-renamed"
    page.save_revision().publish()
    page.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(page.url).status_code == 200


def test_sub_addresses_of_a_remembered_route_still_answer(fragments, client, net):
    url = net.page("event").url + "calendar.ics"
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert second["Content-Type"].startswith("text/calendar")
    assert first.content == second.content


def test_a_calendar_feed_shows_a_published_change(fragments, client, net):
    url = net.page("events").url + "calendar.ics"
    client.get(url)
    publish_title(EventPage.objects.get(pk=net.page("event").pk), "Spring forum on a new date")
    assert b"Spring forum on a new date" in client.get(url).content


def test_without_fragment_caching_everything_is_built_each_time(settings):
    settings.CONVIVIUM_FRAGMENT_CACHE_SECONDS = 0
    request = RequestFactory().get("/en/")
    built = []
    for _ in range(2):
        pagecache.remember(request, "key", lambda: built.append(1))
    assert len(built) == 2


def test_a_remembered_value_is_built_once_per_content_generation(fragments):
    built = []

    def build():
        built.append(1)
        return None  # None is remembered too

    for _ in range(2):
        assert pagecache.remember(RequestFactory().get("/"), "key", build) is None
    pagecache.invalidate()
    pagecache.remember(RequestFactory().get("/"), "key", build)
    assert len(built) == 2


def test_a_saved_menu_item_shows_at_once(fragments, client, net):
    assert b">Handbook</a>" in client.get("/en/").content
    item = MainMenuItem.objects.get(link_page=net.page("handbook"))
    item.link_text = "Our book"
    item.save()
    assert b">Our book</a>" in client.get("/en/").content


def test_saved_branding_shows_at_once(fragments, client, net):
    client.get("/en/")
    branding = SiteBranding.for_site(net.site)
    branding.accent_colour = "#123456"
    branding.save()
    assert b"--accent: #123456" in client.get("/en/").content


def test_a_private_page_stays_private_on_every_visit(fragments, client, net):
    url = net.page("practice").url
    assert client.get(url).status_code == 200
    PageViewRestriction.objects.create(
        page=net.page("partner"), restriction_type=PageViewRestriction.LOGIN
    )
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 302
        assert "/_util/login/" in response["Location"]
