"""Each language is indexed and queried with its own stemming."""

import pytest

from search.query import PracticeQuery

from .conftest import needs_postgresql


def titles(text, language):
    query = PracticeQuery(language=language, text=text, sort="relevance")
    return list(query.matching().values_list("title", flat=True))


def test_english_words_match_their_inflections(make_practice):
    make_practice("Training volunteers", summary="Volunteers trained in schools.")
    assert titles("train volunteer", "en") == ["Training volunteers"]


def test_accents_are_ignored_where_the_language_has_no_stemmer(make_practice):
    make_practice("Ogrody sąsiedzkie", summary="Wspólne ogrody.", language="pl")
    assert titles("sasiedzkie", "pl") == ["Ogrody sąsiedzkie"]


def test_a_word_in_another_language_does_not_leak_into_this_one(make_practice):
    make_practice("Integrazione dei giovani", language="it")
    assert titles("integrazione", "en") == []


@needs_postgresql
def test_italian_integrazione_finds_integrare(make_practice):
    make_practice("Integrare i nuovi arrivati", summary="Corsi e tutor.", language="it")
    assert "Integrare i nuovi arrivati" in titles("integrazione", "it")


@needs_postgresql
def test_german_daecher_finds_dach(make_practice):
    make_practice("Ein Dach für alle", summary="Wohnprojekt.", language="de")
    assert titles("Dächer", "de") == ["Ein Dach für alle"]


@needs_postgresql
def test_greek_plural_finds_singular(make_practice):
    make_practice("Το σχολείο της γειτονιάς", summary="Μαθήματα.", language="el")
    assert titles("σχολεία", "el") == ["Το σχολείο της γειτονιάς"]


@needs_postgresql
def test_spanish_and_french_stem_their_plurals(make_practice):
    make_practice("Mercados abiertos", summary="Barrios.", language="es")
    make_practice("Jardins partagés", summary="Quartiers.", language="fr")
    assert titles("mercado", "es") == ["Mercados abiertos"]
    assert titles("jardin partagé", "fr") == ["Jardins partagés"]


@needs_postgresql
def test_arabic_is_searched_with_its_own_configuration(make_practice):
    make_practice("المكتبات المفتوحة", summary="دورات في المكتبة.", language="ar")
    assert titles("مكتبة", "ar") == ["المكتبات المفتوحة"]


@pytest.mark.parametrize("text", ['"market walks"', "market -walks", "market OR walks"])
def test_search_syntax_is_read_as_words_or_web_search_operators(make_practice, text):
    make_practice("Market walks again")
    assert isinstance(titles(text, "en"), list)
