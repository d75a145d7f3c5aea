import pytest
from django.core.exceptions import ValidationError

from search import synonyms
from search.models import SearchSynonym
from website import pagecache


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


def test_groups_are_the_terms_and_equivalents_of_one_language_casefolded(locales):
    synonym(locales, "Anti-rumour", ["antirumour", "anti  rumours"])
    synonym(locales, "Football", ["Sport"])
    synonym(locales, "Moschea", ["Luogo  di culto", "moschea "], language="it")
    synonym(locales, "calcio", ["sport"], language="it")
    assert synonyms.groups("en") == [
        ("anti-rumour", "antirumour", "anti rumours"),
        ("football", "sport"),
    ]
    assert synonyms.groups("it") == [("calcio", "sport"), ("moschea", "luogo di culto")]


def test_a_language_without_synonyms_has_no_groups(locales):
    synonym(locales, "football", ["sport"])
    assert synonyms.groups("el") == []


def test_groups_cost_one_query_then_none_while_cached(locales, django_assert_num_queries):
    synonym(locales, "football", ["sport"])
    with django_assert_num_queries(1):
        synonyms.groups("en")
    with django_assert_num_queries(0):
        assert synonyms.groups("en") == [("football", "sport")]


def test_saving_a_synonym_changes_the_groups_at_once(locales):
    football = synonym(locales, "football", ["sport"])
    synonyms.groups("en")
    football.equivalents = "sport\nsoccer"
    football.save()
    assert synonyms.groups("en") == [("football", "sport", "soccer")]


def test_deleting_a_synonym_changes_the_groups_at_once(locales):
    football = synonym(locales, "football", ["sport"])
    synonyms.groups("en")
    football.delete()
    assert synonyms.groups("en") == []


def test_a_changed_synonym_renews_the_remembered_search_results(settings, locales, rf):
    settings.CONVIVIUM_FRAGMENT_CACHE_SECONDS = 60
    before = pagecache.generation(rf.get("/"))
    synonym(locales, "football", ["sport"])
    assert pagecache.generation(rf.get("/")) != before
