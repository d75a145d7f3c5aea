"""Requests with more fields than sane are refused with a 400 at once, on every kind of page."""

import pytest

MANY_FIELDS = "&".join("country=IT" for _ in range(1100))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_page_that_reads_no_parameter_refuses_a_query_string_of_1100_fields(
    net, client, language
):
    response = client.get(net.page("home", language).url + "?" + MANY_FIELDS)
    assert response.status_code == 400
    assert "too many parameters" in response.content.decode()


@pytest.mark.parametrize("address", ["/en/search/", "/en/open-data/practices.csv", "/admin/"])
def test_search_downloads_and_the_admin_refuse_it_too(net, client, address):
    assert client.get(f"{address}?{MANY_FIELDS}").status_code == 400


def test_a_query_string_longer_than_the_limit_is_refused(net, client):
    assert client.get("/en/search/?q=" + "a" * 20_000).status_code == 400


def test_a_form_with_too_many_fields_is_refused(net, client):
    data = {f"field{number}": "x" for number in range(1100)}
    assert client.post("/en/contribute/practice/", data).status_code == 400


def test_ordinary_facets_pass(net, client):
    assert client.get("/en/search/?q=market&country=IT&country=GR").status_code == 200
