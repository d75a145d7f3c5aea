import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import indexing


def csv_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def json_document(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return json.loads(response.content)


def index_selection(client, url):
    """Ids of the practices the index lists for the same query, in its order."""
    response = client.get(url)
    assert response.status_code == 200
    return [result.page.pk for result in response.context["results"]]


@pytest.fixture
def network_with_greek_practices(indexed, add_practices):
    add_practices(3)
    indexing.rebuild()
    return indexed


@pytest.mark.parametrize(
    "query",
    ["", "country=GR", "theme=integration", "partner=palermo", "q=walks", "country=SE"],
)
def test_the_csv_holds_exactly_the_selection_of_the_index(
    client, network_with_greek_practices, query
):
    rows = csv_rows(client, f"/en/open-data/practices.csv?{query}")
    assert [int(row["id"]) for row in rows] == index_selection(client, f"/en/practices/?{query}")


@pytest.mark.parametrize("query", ["", "country=GR", "group=young-people"])
def test_the_json_holds_the_selection_and_its_facets(client, network_with_greek_practices, query):
    document = json_document(client, f"/en/open-data/practices.json?{query}")
    index = client.get(f"/en/practices/?{query}")
    assert [item["id"] for item in document["items"]] == [
        result.page.pk for result in index.context["results"]
    ]
    assert document["count"] == index.context["result_count"]
    shown = {
        facet.name: {value.value: value.count for value in facet.values}
        for facet in index.context["facets"]
    }
    exported = {
        name: {value["value"]: value["count"] for value in values}
        for name, values in document["facets"].items()
        if values
    }
    assert exported == shown


def test_downloads_in_another_language_hold_that_language_s_practices(client, indexed):
    (row,) = csv_rows(client, "/ar/open-data/practices.csv")
    assert row["language"] == "ar"
    assert row["title"] == "جولات في السوق"
    assert row["url"] == indexed.page("practice", "ar").full_url


def test_downloads_carry_the_stable_identifier_of_the_api(client, indexed):
    (item,) = json_document(client, "/it/open-data/practices.json")["items"]
    api = client.get(f"/api/v2/practices/{item['id']}/").json()
    assert item["translation_key"] == api["meta"]["translation_key"]
    assert item["translation_key"] == str(indexed.page("practice").translation_key)


def test_rows_carry_their_facet_values(client, indexed):
    (row,) = csv_rows(client, "/it/open-data/practices.csv")
    assert row["themes"] == "integration"
    assert row["target_groups"] == "young-people"
    assert (row["country"], row["partner_slug"], row["organisation_type"]) == (
        "IT",
        "palermo",
        "municipality",
    )
    assert row["status"] == "ongoing"


def test_both_files_state_the_open_licence(client, indexed):
    rows = csv_rows(client, "/it/open-data/practices.csv")
    assert rows
    assert all(
        row["licence"] == "CC BY 4.0 https://creativecommons.org/licenses/by/4.0/" for row in rows
    )
    document = json_document(client, "/it/open-data/practices.json")
    assert document["licence"]["name"] == "CC BY 4.0"
    response = client.get("/it/open-data/practices.json")
    assert 'rel="license"' in response["Link"]
    assert response["Content-Disposition"].startswith('attachment; filename="practices-it-')


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "year=3000",
        "country=ITALY",
        "theme=Not%20a%20slug",
        "type=castle",
        "status=maybe",
        "sort=random",
        "theme=" + "&theme=".join(f"t{n}" for n in range(25)),
    ],
)
@pytest.mark.parametrize("extension", ["csv", "json"])
def test_bad_selections_are_refused_with_a_reason(client, indexed, query, extension):
    response = client.get(f"/en/open-data/practices.{extension}?{query}")
    assert response.status_code == 400
    assert response.json()["errors"]


def test_unknown_parameters_are_ignored_as_by_the_index(client, indexed):
    assert len(csv_rows(client, "/it/open-data/practices.csv?colour=red&page=9")) == 1


def test_an_export_needs_the_same_queries_for_few_and_many_practices(
    client, indexed, add_practices
):
    def count():
        client.get("/en/open-data/practices.json")  # labels cached once
        with CaptureQueriesContext(connection) as context:
            client.get("/en/open-data/practices.json")
        return len(context.captured_queries)

    partner, _pages = add_practices(1)
    indexing.rebuild()
    few = count()
    add_practices(6, partner=partner)
    indexing.rebuild()
    assert count() == few


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_index_links_its_current_selection_for_download(client, indexed, language):
    html = client.get(f"{indexed.page('practices', language).url}?theme=integration&page=1")
    html = html.content.decode()
    assert f'href="/{language}/open-data/practices.csv?theme=integration"' in html
    assert f'href="/{language}/open-data/practices.json?theme=integration"' in html
    assert "CC BY 4.0" in html


def test_a_summary_that_begins_like_a_formula_is_written_as_text(client, indexed):
    practice = indexed.page("practice")
    practice.summary = "=1+1 places for newcomers"
    practice.save_revision().publish()
    (row,) = csv_rows(client, "/en/open-data/practices.csv")
    assert row["summary"] == "'=1+1 places for newcomers"
    (item,) = json_document(client, "/en/open-data/practices.json")["items"]
    assert item["summary"] == "=1+1 places for newcomers"  # JSON is read by programs, as typed
