"""Excerpts show the words the search found, marked, where most of them are."""

from search.backends import MARK_END, MARK_START, highlighted
from search.excerpts import excerpt


def marked(text):
    return str(highlighted(text))


def test_an_inflected_form_is_marked():
    assert marked(excerpt("Schools open their doors.", "en", {"school"})) == (
        "<mark>Schools</mark> open their doors."
    )


def test_the_earliest_window_with_the_most_words_found_is_shown():
    text = "Market walks with guides. " + "filler " * 40 + "Market walks again."
    shown = excerpt(text, "en", {"market", "walk"}, length=6)
    assert shown.startswith(f"{MARK_START}Market{MARK_END} {MARK_START}walks{MARK_END}")
    assert shown.endswith(" …")


def test_a_text_without_the_words_shows_its_beginning():
    assert excerpt("One two three four.", "en", {"zeppelin"}, length=2) == "One two …"


def test_arabic_words_are_compared_without_their_conjunction():
    shown = excerpt("والعنصرية في الرياضة", "ar", {"عنصر"})
    assert marked(shown).startswith("<mark>والعنصرية</mark>")
