import pytest
from django.core.cache import caches
from django.utils import translation
from wagtail.models import Locale

from tests import network as shared_network
from translators.signals import refresh_once_at_the_end


@pytest.fixture(scope="session")
def network(django_db_setup, django_db_blocker):
    """The shared, translated network: built once per run, read by many tests."""
    with django_db_blocker.unblock(), refresh_once_at_the_end():
        built = shared_network.build()
    yield built


@pytest.fixture
def net(network, db):
    return network


@pytest.fixture(autouse=True)
def english():
    """Every test starts in the working language, whatever the one before left active."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def empty_cache():
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def client(client):
    client.defaults["HTTP_HOST"] = "localhost"
    return client


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}
