"""How a query is read and what it finds: questions, most of the words, typos,
synonyms, themes named in another language. On SQLite and on PostgreSQL alike."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.factories import ThemeFactory
from practices.models import Theme
from search.backends import sqlite
from search.backends.sqlite import SQLiteBackend
from search.models import SearchSynonym
from search.query import PracticeQuery, index_changed
from search.understanding import read


def ranked_titles(text, language="en", **options):
    query = PracticeQuery(language=language, text=text, sort="relevance", **options)
    ids = list(query.ranked_ids(count=20)[0:20])
    titles = dict(query.entries().filter(page_id__in=ids).values_list("page_id", "title"))
    return [titles[pk] for pk in ids]


def html(response):
    return response.content.decode()


# Reading the query.


def test_stop_words_are_optional_concepts():
    plan = read("how to fight prejudice against roma", "en")
    assert [c.typed for c in plan.required] == ["fight", "prejudice", "roma"]
    assert [c.typed for c in plan.optional] == ["how", "to", "against"]


@pytest.mark.parametrize(
    ("language", "text", "required"),
    [
        ("it", "come combattere il pregiudizio", ["combattere", "pregiudizio"]),
        ("de", "wie gegen Vorurteile in der Schule", ["Vorurteile", "Schule"]),
        ("fr", "comment lutter contre les préjugés", ["lutter", "préjugés"]),
        ("es", "cómo luchar contra los prejuicios", ["luchar", "prejuicios"]),
        ("el", "πώς να καταπολεμήσουμε τα στερεότυπα", ["καταπολεμήσουμε", "στερεότυπα"]),
        ("pl", "jak walczyć z uprzedzeniami", ["walczyć", "uprzedzeniami"]),
        ("ro", "cum să combatem prejudecățile", ["combatem", "prejudecățile"]),
    ],
)
def test_each_language_knows_its_stop_words(language, text, required):
    assert [c.typed for c in read(text, language).required] == required


def test_a_query_of_stop_words_only_requires_them():
    assert [c.typed for c in read("the who", "en").required] == ["the", "who"]


def test_a_hyphenated_word_is_one_concept_written_apart_or_joined():
    (concept,) = read("anti-rumour", "en").concepts
    assert concept.phrases == (("anti", "rumour"), ("antirumour",))


def test_half_of_the_required_words_rounded_up_make_a_weaker_match():
    assert read("sport", "en").minimum == 1
    assert read("antiracism sport", "en").minimum == 1
    assert read("fight prejudice roma", "en").minimum == 2
    assert read("roma women health mediators", "en").minimum == 2


# What it finds.


def test_results_with_every_word_come_before_those_with_most(make_practice):
    make_practice("Football against prejudice", summary="Clubs and schools.")
    make_practice("Health mediators for Roma", summary="Mediation in clinics.")
    make_practice("Roma women fight prejudice", summary="A campaign.")
    assert (
        ranked_titles("how to fight prejudice against roma")
        == [
            "Roma women fight prejudice",
            "Health mediators for Roma",
            "Football against prejudice",
        ][: len(ranked_titles("how to fight prejudice against roma"))]
    )
    assert ranked_titles("how to fight prejudice against roma")[0] == "Roma women fight prejudice"


@pytest.fixture
def complete_and_weaker(make_practice):
    """Three practices with every word of "roma mediation clinics", four with two."""
    for number in range(3):
        make_practice(f"Roma mediators {number}", summary="Mediation in clinics.")
    for number in range(4):
        make_practice(f"Roma visits {number}", summary="Health checks in clinics.")


def test_pages_of_a_relaxed_search_follow_on_from_each_other(complete_and_weaker):
    query = PracticeQuery(language="en", text="roma mediation clinics", sort="relevance")
    ranked = query.ranked_ids(count=7)
    whole = list(ranked[0:20])
    assert len(whole) == 7
    assert [*ranked[0:2], *ranked[2:4], *ranked[4:6], *ranked[6:8]] == whole
    titles = dict(query.entries().values_list("page_id", "title"))
    assert {titles[pk][:13] for pk in whole[:3]} == {"Roma mediator"}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's bm25")
def test_a_relaxed_search_ranks_as_bm25_over_every_candidate_would(complete_and_weaker):
    """The order of the whole set: most concepts, then bm25, then the newest id."""
    query = PracticeQuery(language="en", text="roma mediation clinics", sort="relevance")
    backend = SQLiteBackend()
    counts = backend.concepts_matched(query.search)
    expression = sqlite.in_texts(sqlite.any_expression(query.plan, query.text_languages))
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid, rank FROM search_fts WHERE search_fts MATCH %s", [expression])
        ranks = [(pk, rank) for pk, rank in cursor.fetchall() if pk in counts]
    expected = [pk for pk, rank in sorted(ranks, key=lambda r: (-counts[r[0]], r[1], -r[0]))]
    assert list(query.ranked_ids(len(expected), backend)[0:20]) == expected
    assert sorted(counts.values(), reverse=True) == [3, 3, 3, 2, 2, 2, 2]


def test_a_relaxed_search_asks_no_more_queries_for_more_weaker_matches(
    client, make_practice, complete_and_weaker
):
    def cold_queries():
        index_changed()
        with CaptureQueriesContext(connection) as context:
            response = client.get("/en/search/?q=roma+mediation+clinics&sort=relevance")
        assert response.status_code == 200
        return len(context.captured_queries)

    cold_queries()  # the first request of the process asks for more (labels, synonyms)
    few = cold_queries()
    for number in range(8):
        make_practice(f"Roma rounds {number}", summary="Nurses in clinics.")
    assert cold_queries() == few


def test_the_page_says_which_words_a_weaker_match_lacks(client, make_practice):
    make_practice("Health mediators for Roma", summary="Clinics.")
    page = html(client.get("/en/search/?q=roma+sport"))
    assert "Not every result has all the words of the search" in page
    assert re.search(r'class="card__missing"[^>]*>Without: <s>sport</s>', page)


def test_a_search_finding_everything_it_asks_says_nothing_of_missing_words(client, make_practice):
    make_practice("Health mediators for Roma", summary="Clinics.")
    page = html(client.get("/en/search/?q=roma+health"))
    assert "Not every result has all the words" not in page


def test_a_misspelt_word_is_corrected_and_the_page_offers_the_words_as_typed(client, make_practice):
    make_practice("Education for all", summary="Schools open to newcomers.")
    response = client.get("/en/search/?q=educaton")
    assert [r.page.title for r in response.context["results"]] == ["Education for all"]
    page = html(response)
    assert "Showing results for <strong>education</strong>" in page
    assert "search instead for educaton</a>" in page
    exact = client.get("/en/search/?q=educaton&exact=on")
    assert exact.context["result_count"] == 0


def test_a_hyphenated_misspelling_is_corrected_part_by_part(client, make_practice):
    make_practice("Anti-rumour agents", summary="Citizens answer rumours about migrants.")
    assert ranked_titles("anti-rumur") == ["Anti-rumour agents"]
    assert ranked_titles("antirumour") == ["Anti-rumour agents"]


def test_a_known_word_is_not_corrected(make_practice):
    make_practice("Education for all", summary="Schools.")
    make_practice("Educators meet", summary="Teachers.")
    plan = PracticeQuery(language="en", text="educators").plan
    assert plan.corrections == []


@pytest.fixture
def sport_synonyms(locales):
    return SearchSynonym.objects.create(
        locale=locales["en"], term="sport", equivalents="football\nbasketball"
    )


def test_a_synonym_finds_the_practices_of_its_equivalents(make_practice, sport_synonyms):
    make_practice("Football against racism", summary="Clubs.")
    assert ranked_titles("antiracism sport") == ["Football against racism"]


def test_a_phrase_synonym_is_matched_as_a_phrase(make_practice, locales):
    SearchSynonym.objects.create(
        locale=locales["en"], term="place of worship", equivalents="mosque\nchurch"
    )
    make_practice("Open mosque days", summary="Neighbours visit.")
    assert ranked_titles("places of worship") == ["Open mosque days"]


def test_synonyms_of_another_language_do_not_apply(make_practice, locales):
    SearchSynonym.objects.create(locale=locales["it"], term="sport", equivalents="calcio")
    make_practice("Football against racism", summary="Clubs.")
    assert ranked_titles("sport") == []


def test_a_theme_named_in_another_language_finds_its_practices(make_practice, locales):
    make_practice("Neighbourhood guides", summary="Guides.", themes=["integration"])
    english = Theme.objects.get(slug="integration", locale=locales["en"])
    italian = english.get_translation_or_none(locales["it"]) or english.copy_for_translation(
        locales["it"]
    )
    italian.name = "Integrazione sociale"
    italian.save()
    assert "Neighbourhood guides" in ranked_titles("integrazione sociale")


def test_an_italian_search_finds_a_practice_by_a_greek_theme_name(make_practice, locales):
    make_practice("Passeggiate", summary="Guide.", language="it", themes=["housing"])
    english = ThemeFactory(slug="housing-en", name="Housing", locale=locales["en"])
    greek = english.copy_for_translation(locales["el"])
    greek.name = "Στέγαση"
    greek.save()
    italian = Theme.objects.get(slug="housing", locale=locales["it"])
    Theme.objects.filter(pk=italian.pk).update(translation_key=english.translation_key)
    assert ranked_titles("Στέγαση", language="it") == ["Passeggiate"]


def test_hostile_text_with_operators_and_quotes_is_read_as_words(make_practice):
    make_practice("Market walks", summary="Guides.")
    for text in ['"market', "market NEAR walks", "market*", "(market", "market^2", "AND OR NOT"]:
        assert isinstance(ranked_titles(text), list)


def test_an_unknown_language_reads_words_without_stemming():
    plan = read("ogrody sąsiedzkie", "xx")
    assert [c.typed for c in plan.concepts] == ["ogrody", "sąsiedzkie"]
