"""Redis restarted, flushed or gone: visitors never see a page that was taken down.

Each test runs its own redis-server on a free port (tests.faults.redis_server) with the
production cache backend, whole-page and fragment caching on, and stops or
restarts it under the running site.
"""

import time

import pytest
from django.core.cache import caches

from tests.faults.redis_server import fail_safe_caches, redis_server  # noqa: F401
from website import caching, pagecache


@pytest.fixture
def cached_site(settings, redis_server):  # noqa: F811
    settings.CACHES = fail_safe_caches(redis_server.url, settings.CACHES)
    settings.CONVIVIUM_PAGE_CACHE_SECONDS = 600
    settings.CONVIVIUM_FRAGMENT_CACHE_SECONDS = 600
    settings.CONVIVIUM_CACHE_RETRY_SECONDS = 0.2
    return redis_server


def reconnect():
    """Let the site notice the restart and find Redis again, as it would in the hours after."""
    for cache in (caches["default"], pagecache.page_cache()):
        cache.get("wake-up")
    time.sleep(0.3)
    for cache in (caches["default"], pagecache.page_cache()):
        cache.get("wake-up")


def take_down(page):
    page.specific_class.objects.get(pk=page.pk).unpublish()


def changes_elsewhere(times):
    """Editors at work on other pages and snippets: each change raises the version once."""
    for _ in range(times):
        pagecache.invalidate()
        yield


def test_a_page_taken_down_after_a_redis_restart_stays_down(cached_site, client, net):
    url = net.page("practice").url
    for _ in changes_elsewhere(5):
        pass
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"
    cached_site.restart()  # empty again, while this process keeps its own copies
    reconnect()
    take_down(net.page("practice"))
    for _ in changes_elsewhere(20):
        assert client.get(url).status_code == 404


def test_a_page_taken_down_while_redis_is_down_stays_down_when_it_is_back(cached_site, client, net):
    url = net.page("practice").url
    client.get(url)
    cached_site.stop()
    take_down(net.page("practice"))
    assert client.get(url).status_code == 404
    cached_site.start()
    time.sleep(0.3)  # past the rest after the failure: Redis is asked again
    assert client.get(url).status_code == 404


def test_a_version_made_afresh_is_never_an_earlier_one(cached_site, net):
    shared = pagecache.page_cache()
    first = caching.current_version(shared, pagecache.GENERATION_KEY)
    cached_site.restart()
    reconnect()
    assert caching.current_version(shared, pagecache.GENERATION_KEY) not in (None, first)


def test_pages_are_served_uncached_while_redis_is_down(cached_site, client, net):
    cached_site.stop()
    response = client.get(net.page("practice").url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert client.get(net.page("home", "ar").url).status_code == 200


def test_a_dead_redis_is_left_alone_between_tries(cached_site, net, settings):
    settings.CONVIVIUM_CACHE_RETRY_SECONDS = 60
    cached_site.stop()
    shared = caches["default"]
    shared.get("first")
    started = time.monotonic()
    for _ in range(100):
        assert shared.get("again") is None
    assert time.monotonic() - started < 0.5


def test_the_admin_sign_in_works_while_redis_is_down(cached_site, client, net, admin_user):
    cached_site.stop()
    assert client.get("/admin/login/").status_code == 200
    response = client.post("/admin/login/", {"username": "admin", "password": "password"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
