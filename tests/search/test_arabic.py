"""Arabic conjunctions and prepositions joined to the article are searched as words."""

import re

import pytest

from search import arabic
from search.backends import elasticsearch as es
from search.query import PracticeQuery

ZWJ = arabic.ZERO_WIDTH_JOINER


def titles(text, language="ar"):
    query = PracticeQuery(language=language, text=text, sort="relevance")
    return list(query.matching().values_list("title", flat=True))


@pytest.mark.parametrize(
    ("word", "prefix", "rest"),
    [
        ("والعنصرية", "وال", "عنصرية"),  # and the racism
        ("فالمدرسة", "فال", "مدرسة"),  # so the school
        ("بالمدرسة", "بال", "مدرسة"),  # in the school
        ("كالمدرسة", "كال", "مدرسة"),  # like the school
        ("للمدرسة", "لل", "مدرسة"),  # for the school
        ("وللمدرسة", "ولل", "مدرسة"),  # and for the school
        ("الرياضة", "ال", "رياضة"),  # the sport
    ],
)
def test_a_prefix_joined_to_the_article_is_set_apart_invisibly(word, prefix, rest):
    assert arabic.split_clitics(word) == prefix + ZWJ + rest
    assert arabic.strip_clitics(word) == rest


@pytest.mark.parametrize("word", ["وزارة", "فريق", "بيت", "كتاب", "لغة", "والد", "ال"])
def test_words_that_merely_begin_with_those_letters_are_left_whole(word):
    assert arabic.split_clitics(word) == word
    assert arabic.strip_clitics(word) == word


def test_other_scripts_are_untouched():
    text = "Allora, all'alba: la ballata"
    assert arabic.split_clitics(text) == text
    assert arabic.strip_clitics(text) == text


def test_sport_and_racism_finds_a_practice_on_sport_against_racism(make_practice):
    make_practice("الرياضة ضد العنصرية", summary="دوري كرة القدم في الأحياء.", language="ar")
    assert titles("الرياضة والعنصرية") == ["الرياضة ضد العنصرية"]


def test_a_word_with_its_conjunction_in_the_text_is_found_by_the_word(make_practice):
    make_practice("دوري الأحياء", summary="الرياضة والعنصرية والمدرسة.", language="ar")
    assert titles("العنصرية") == ["دوري الأحياء"]
    assert titles("بالمدرسة") == ["دوري الأحياء"]


def test_the_excerpt_shows_the_arabic_text_as_written(client, make_practice):
    make_practice("دوري الأحياء", summary="نلعب معا ضد العنصرية والتمييز.", language="ar")
    page = client.get("/ar/search/", {"q": "العنصرية"}).content.decode()
    assert "دوري الأحياء" in page
    assert "<mark>" in page
    assert "والتمييز" in page.replace(ZWJ, "")


def test_elasticsearch_arabic_analyzer_removes_the_same_prefixes():
    analysis = es.index_body("ar")["settings"]["analysis"]
    assert es.index_body("ar")["mappings"]["properties"]["body"]["analyzer"] == "convivium_arabic"
    chain = analysis["analyzer"]["convivium_arabic"]
    assert chain["char_filter"] == ["convivium_arabic_clitics"]
    assert chain["filter"][-2:] == ["arabic_normalization", "convivium_arabic_stemmer"]
    clitics = analysis["char_filter"]["convivium_arabic_clitics"]
    assert clitics["type"] == "pattern_replace"
    assert re.sub(clitics["pattern"], clitics["replacement"], "الرياضة والعنصرية") == (
        "رياضة عنصرية"
    )


def test_only_the_arabic_index_defines_the_arabic_analyzer():
    assert "char_filter" not in es.index_body("it")["settings"]["analysis"]
