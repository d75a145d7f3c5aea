"""Each language is indexed and queried with its own stemming, on both databases.

SQLite's text is stemmed in Python (search.analysis); PostgreSQL uses its own
configuration where it has one, Python's stemmer for Polish.
"""

import pytest

from search.query import PracticeQuery


def titles(text, language):
    query = PracticeQuery(language=language, text=text, sort="relevance")
    return list(query.matching().values_list("title", flat=True))


def first(text, language):
    query = PracticeQuery(language=language, text=text, sort="relevance")
    ids = list(query.ranked_ids(count=5)[0:5])
    return query.entries().get(page_id=ids[0]).title if ids else None


@pytest.mark.parametrize(
    ("language", "title", "query"),
    [
        ("en", "Training volunteers", "train volunteer"),
        ("it", "Integrare i nuovi arrivati", "integrazione"),
        ("de", "Ein Dach für alle", "Dächer"),
        ("el", "Το σχολείο της γειτονιάς", "σχολεία"),
        ("es", "Mercados abiertos", "mercado"),
        ("fr", "Jardins partagés", "jardin partagé"),
        ("pl", "Uprzedzenia wobec migrantów", "uprzedzeniami"),
        ("ro", "Școlile deschise", "școala deschisă"),
        ("ar", "المكتبات المفتوحة", "مكتبة"),
    ],
)
def test_an_inflected_form_finds_its_word_in_every_language(make_practice, language, title, query):
    make_practice(title, summary="—", language=language)
    assert first(query, language) == title


def test_accents_are_ignored(make_practice):
    make_practice("Ogrody sąsiedzkie", summary="Wspólne ogrody.", language="pl")
    assert titles("sasiedzkie", "pl") == ["Ogrody sąsiedzkie"]


def test_a_practice_in_another_language_is_not_found_in_this_one(make_practice):
    make_practice("Integrazione dei giovani", language="it")
    assert "Integrazione dei giovani" not in titles("integrazione", "en")


@pytest.mark.parametrize("text", ['"market walks"', "market -walks", "market OR walks"])
def test_search_syntax_is_read_as_words_or_web_search_operators(make_practice, text):
    make_practice("Market walks again")
    assert isinstance(titles(text, "en"), list)
