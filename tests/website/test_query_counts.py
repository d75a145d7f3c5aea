"""Query counts per page: they must not grow with the content, and stay under 15.

Counts are taken on the second request of a page, as in production: the first
request of a language fills the menu cache.
"""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.factories import EventPageFactory
from practices.factories import PracticePageFactory
from practices.models import PracticePageTheme, Theme

from .test_rendering import PAGE_NAMES

MAX_QUERIES = 15


def add_practices(net, count):
    theme = Theme.objects.get(slug="integration", locale__language_code="en")
    for _ in range(count):
        PracticePageFactory(
            parent=net.page("partner"),
            featured_image=wagtail_factories.ImageFactory(),
            practice_themes=[PracticePageTheme(theme=theme)],
        )
        EventPageFactory(parent=net.page("events"), host_partner=net.page("partner"))


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("name", ["home", "practices", "partners", "events"])
def test_listing_needs_the_same_queries_for_10_and_60_practices(client, net, name):
    url = net.page(name).url
    add_practices(net, 10)
    with_ten = queries_for(client, url)
    add_practices(net, 50)
    assert queries_for(client, url) == with_ten


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_page_type_needs_more_than_15_queries(
    client, net, name, language, django_assert_max_num_queries
):
    url = net.page(name, language).url
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(url)
