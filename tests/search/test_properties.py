"""Whatever a URL says, the search answers with a page or a 400, never a 500.

Runs against the database the suite runs on: SQLite, and PostgreSQL when
DATABASE_URL points to one (CI runs the suite on both).
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FACETS = ["theme", "group", "country", "partner", "type", "year", "status", "sort", "all", "page"]
NASTY = [
    "",
    "'",
    '"',
    "\x00",
    "' OR 1=1 --",
    "); DROP TABLE search_practiceentry; --",
    "NOT AND OR",
    "(((",
    "*",
    "🙂🙂",
    "مرحبا بالعالم",
    "a" * 10_000,
    "-1",
    "1e309",
    "DE",
    "integration",
]
values = st.one_of(st.sampled_from(NASTY), st.text(max_size=60))
params = st.lists(st.tuples(st.sampled_from(["q", *FACETS]), values), max_size=6)


@pytest.fixture
def search_client(client, search_index):
    return client


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(params=params, language=st.sampled_from(["en", "it", "ar"]))
def test_any_query_string_gives_a_page_or_a_400(search_client, params, language):
    response = search_client.get(f"/{language}/search/", params)
    assert response.status_code in (200, 400), params


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=values)
def test_any_suggestion_prefix_gives_json(search_client, text):
    response = search_client.get("/en/search/suggest/", {"q": text})
    assert response.status_code == 200
    assert "suggestions" in response.json()
