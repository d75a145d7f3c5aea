import pytest
from django.core.exceptions import ValidationError

from search.models import SearchSynonym


def synonym(locales, term, equivalents, language="en"):
    return SearchSynonym.objects.create(
        locale=locales[language], term=term, equivalents="\n".join(equivalents)
    )


def validation_messages(**fields):
    with pytest.raises(ValidationError) as raised:
        SearchSynonym(**fields).clean()
    return raised.value.message_dict


def test_a_synonym_needs_an_equivalent():
    assert validation_messages(term="football", equivalents="\n  \n") == {
        "equivalents": ["Write at least one equivalent of the term, one per line."]
    }


def test_an_equivalent_may_not_be_the_term_itself():
    assert validation_messages(term="Roma", equivalents="Romani\n  roma ") == {
        "equivalents": ["“Roma” is the term itself: write only other words for it."]
    }


def test_empty_lines_and_surrounding_spaces_are_not_kept():
    kept = SearchSynonym(term=" football ", equivalents="\n sport \n\n  soccer\n")
    kept.clean()
    assert (kept.term, kept.equivalents) == ("football", "sport\nsoccer")
