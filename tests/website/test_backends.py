"""The production backends are configured from the environment.

Elasticsearch cannot run on the test machines: these tests stop at building
the backend from the settings, which is as far as it goes without a server.
Redis runs here: the menu cache is exercised against it when it answers.
"""

import os
import socket
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

from website import menus


def settings_value(expression, **environment):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.dev", **environment}
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=True,
    )
    return result.stdout.strip()


def test_search_uses_the_database_backend_without_elasticsearch():
    backend = settings_value("settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND']")
    assert backend == "wagtail.search.backends.database"


def test_search_uses_elasticsearch_when_its_address_is_given():
    expression = (
        "__import__('wagtail.search.backends', fromlist=['get_search_backend'])"
        ".get_search_backend().__class__.__name__"
    )
    name = settings_value(expression, ELASTICSEARCH_URL="http://127.0.0.1:9")
    assert name == "Elasticsearch8SearchBackend"


def test_cache_is_redis_when_its_address_is_given():
    backend = settings_value(
        "settings.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/0"
    )
    assert backend == "website.caching.FailSafeRedisCache"


def test_a_page_waits_half_a_second_at_most_for_redis():
    options = settings_value(
        "settings.CACHES['pages']['OPTIONS']", REDIS_URL="redis://127.0.0.1:6379/0"
    )
    assert options == "{'socket_connect_timeout': 0.5, 'socket_timeout': 0.5}"


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_answers():
    host, port = REDIS_URL.split("//")[1].split("/")[0].split(":")
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_cache():
    if not redis_answers():
        pytest.skip(f"no Redis server at {REDIS_URL}")
    config = {
        **settings.CACHES,
        "default": {
            "BACKEND": "website.caching.FailSafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "convivium-test",
        },
    }
    with override_settings(CACHES=config):
        caches["default"].clear()
        yield caches["default"]
        caches["default"].clear()


def test_menus_are_cached_in_redis_and_invalidated_on_publish(client, net, redis_cache):
    client.get("/it/")
    version = redis_cache.get(menus.VERSION_KEY)
    assert version is not None
    events = net.page("events", "it")
    events.title = "Incontri"
    events.save_revision().publish()
    assert redis_cache.get(menus.VERSION_KEY) == version + 1
    assert ">Incontri</a>" in client.get("/it/").text
