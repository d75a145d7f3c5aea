import datetime

import pytest

from search.backends import get_backend
from search.query import PracticeQuery


@pytest.fixture
def practices(make_practice):
    make_practice("Shared meals", themes=["food", "dialogue"], groups=["families"])
    make_practice("Cooking school", themes=["food"], groups=["young-people"])
    make_practice(
        "Mock elections",
        themes=["participation"],
        partner="leipzig",
        country="DE",
        start=datetime.date(2022, 1, 1),
        ongoing=False,
    )


def counts(**filters):
    return PracticeQuery(language="en", filters=filters).facet_counts()


def test_facet_counts_cover_every_facet_of_the_matching_practices(practices):
    found = counts()
    assert found["theme"]["food"] == 2
    assert found["country"] == {"IT": 3, "DE": 1}  # the shared network's practice is Italian
    assert found["partner"]["leipzig"] == 1
    assert found["year"]["2022"] == 1
    assert found["status"] == {"ongoing": 3, "finished": 1}
    assert found["total"] == {"all": 4}


def test_facets_combine_with_each_other(practices):
    found = counts(theme=["food"], group=["families"])
    assert found["total"] == {"all": 1}


def test_values_of_one_facet_widen_the_choice(practices):
    found = counts(theme=["food", "participation"])
    assert found["total"] == {"all": 3}


def test_a_facet_counts_its_siblings_as_if_it_were_not_chosen(practices):
    found = counts(country=["DE"])
    assert found["country"] == {"IT": 3, "DE": 1}
    assert found["theme"] == {"participation": 1}


def test_facets_combine_with_the_text_query(practices):
    query = PracticeQuery(language="en", text="school", filters={"theme": ["food"]})
    assert query.facet_counts()["total"] == {"all": 1}


def test_status_filter_keeps_finished_practices_only(practices):
    query = PracticeQuery(language="en", filters={"status": ["finished"]})
    assert list(query.matching().values_list("title", flat=True)) == ["Mock elections"]


def test_year_filter_keeps_practices_started_that_year(practices):
    found = counts(year=[2022])
    assert found["total"] == {"all": 1}


def test_every_facet_is_counted_with_text_and_several_chosen_facets(practices):
    query = PracticeQuery(
        language="en",
        text="school",
        filters={"theme": ["food"], "country": ["IT"], "status": ["ongoing"], "year": [2020]},
    )
    found = query.facet_counts()
    assert found["total"] == {"all": 1}
    assert found["theme"] == {"food": 1}
    assert found["group"] == {"young-people": 1}
    assert found["country"] == {"IT": 1}
    assert found["status"] == {"ongoing": 1}
    assert found["year"] == {"2020": 1}


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"theme": ["food"]},
        {"theme": ["food", "participation"], "country": ["IT"]},
        {"group": ["families"], "partner": ["leipzig"]},
        {"status": ["finished"]},
        {"status": ["ongoing", "finished"], "year": [2020], "type": ["municipality"]},
    ],
)
def test_a_text_search_counts_its_matched_rows_as_a_statement_per_facet_would(practices, filters):
    query = PracticeQuery(language="en", text="practice network", filters=filters)
    backend = get_backend()
    assert query._counts_from_matched_rows(backend) == query._counts_by_facet(backend)


def test_counts_are_cached_for_the_same_search(practices, django_assert_num_queries):
    counts(theme=["food"])
    with django_assert_num_queries(0):
        assert counts(theme=["food"])["total"] == {"all": 2}


def test_publishing_a_practice_retires_the_cached_counts(practices, make_practice):
    assert counts(theme=["food"])["total"] == {"all": 2}
    make_practice("Soup kitchen", themes=["food"])
    assert counts(theme=["food"])["total"] == {"all": 3}


def test_unpublishing_a_practice_retires_the_cached_counts(practices, make_practice):
    page = make_practice("Soup kitchen", themes=["food"])
    assert counts(theme=["food"])["total"] == {"all": 3}
    page.unpublish()
    assert counts(theme=["food"])["total"] == {"all": 2}


def test_a_page_of_results_is_cached_until_the_index_changes(practices, make_practice):
    def first_page():
        query = PracticeQuery(language="en", text="school", sort="relevance")
        return list(query.ranked_ids(10)[0:10])

    assert len(first_page()) == 1
    make_practice("School gardens")
    assert len(first_page()) == 2
