"""Whole pages for anonymous visitors come from the cache until the content changes."""

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.urls import path

from practices.models import PracticePage


@pytest.fixture
def page_cache(settings):
    settings.CONVIVIUM_PAGE_CACHE_SECONDS = 60


@pytest.fixture
def practice_url(net):
    return net.page("practice", "en").url


def test_second_visit_is_served_from_the_cache_without_queries(
    page_cache, net, client, practice_url, django_assert_num_queries
):
    assert client.get(practice_url)["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get(practice_url)
    assert response["X-Page-Cache"] == "hit"
    assert b"Market walks" in response.content


def test_each_language_and_query_string_is_kept_apart(page_cache, net, client):
    english = net.page("practice", "en").url
    arabic = net.page("practice", "ar").url
    client.get(english)
    assert client.get(arabic)["X-Page-Cache"] == "miss"
    assert "جولات في السوق" in client.get(arabic).content.decode()
    assert client.get(english + "?page=2")["X-Page-Cache"] == "miss"


def test_publishing_shows_at_once(page_cache, net, client, practice_url):
    client.get(practice_url)
    page = PracticePage.objects.get(pk=net.page("practice", "en").pk)
    page.title = "Market walks, second season"
    page.save_revision().publish()
    response = client.get(practice_url)
    assert response["X-Page-Cache"] == "miss"
    assert b"Market walks, second season" in response.content


def test_signed_in_people_always_get_a_fresh_page(page_cache, net, client, practice_url):
    client.get(practice_url)
    user = get_user_model().objects.create_user("reader", password="x")  # noqa: S106
    client.force_login(user)
    assert "X-Page-Cache" not in client.get(practice_url)


def form_view(request):
    return HttpResponse(Template("<form>{% csrf_token %}</form>").render(RequestContext(request)))


urlpatterns = [path("en/form/", form_view)]


@pytest.mark.urls(__name__)
def test_a_page_with_a_form_is_never_shared(page_cache, db, client):
    # Its CSRF token belongs to one visitor: the response sets the cookie.
    first = client.get("/en/form/")
    second = client.get("/en/form/")
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert b"csrfmiddlewaretoken" in second.content


def test_not_found_and_posts_are_not_kept(page_cache, net, client):
    assert "X-Page-Cache" not in client.get("/en/no-such-page/")
    assert client.get("/en/no-such-page/").status_code == 404
    assert "X-Page-Cache" not in client.post("/en/search/?q=market")


def test_off_when_the_setting_is_zero(net, client, practice_url):
    assert "X-Page-Cache" not in client.get(practice_url)
