import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail import hooks

from search import synonyms
from search.models import SearchSynonym
from website import pagecache
from website.demo import content
from website.demo.network import DemoNetwork

LANGUAGES = [code for code, _name in settings.LANGUAGES]


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


@pytest.fixture
def administrator(client, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    return admin


def test_administrator_lists_the_synonyms(client, administrator, locales):
    synonym(locales, "football", ["sport", "soccer"])
    response = client.get(reverse("wagtailsnippets_search_searchsynonym:list"))
    assert response.status_code == 200
    assert "sport, soccer" in response.content.decode()


def test_administrator_filters_the_synonyms_by_language(client, administrator, locales):
    synonym(locales, "football", ["soccer"])
    synonym(locales, "calcio", ["pallone"], language="it")
    listing = client.get(reverse("wagtailsnippets_search_searchsynonym:list"), {"locale": "it"})
    assert "pallone" in listing.content.decode()
    assert "soccer" not in listing.content.decode()


def test_administrator_opens_the_form_for_a_new_synonym(client, administrator):
    response = client.get(reverse("wagtailsnippets_search_searchsynonym:add"))
    assert response.status_code == 200


def test_administrator_is_told_when_an_equivalent_is_the_term(client, administrator, locales):
    response = client.post(
        reverse("wagtailsnippets_search_searchsynonym:add") + "?locale=en",
        {"term": "Roma", "equivalents": "roma"},
    )
    assert "“Roma” is the term itself" in response.content.decode()
    assert not SearchSynonym.objects.exists()


def test_administrator_submits_a_synonym_for_translation(client, administrator, locales):
    football = synonym(locales, "football", ["sport"])
    client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["search", "searchsynonym", football.pk],
        ),
        {"locales": [locales["it"].pk]},
    )
    assert football.has_translation(locales["it"])


def test_synonyms_are_in_settings_after_the_promoted_search_results(db):
    items = sorted(
        (hook() for hook in hooks.get_hooks("register_settings_menu_item")),
        key=lambda item: item.order,
    )
    names = [item.name for item in items]
    assert names[names.index("promoted-search-results") + 1] == "search-synonyms"


@pytest.mark.parametrize("role", ["Translators", "Reviewers"])
def test_translators_and_reviewers_may_edit_the_synonyms(db, role):
    group = Group.objects.get(name=f"{role} (Italian)")
    assert group.permissions.filter(codename="change_searchsynonym").exists()


@pytest.fixture
def demo_synonyms(locales):
    network = DemoNetwork(io.StringIO())
    network.locales = locales
    network.load_synonyms(content.load("synonyms.toml")["synonyms"])
    return network


def test_the_demo_has_at_least_twelve_synonym_groups_in_every_language(demo_synonyms):
    for language in LANGUAGES:
        assert len(synonyms.groups(language)) >= 12, language


def test_the_demo_translates_every_english_group_into_the_others(demo_synonyms, locales):
    for source in SearchSynonym.objects.filter(locale=locales["en"]):
        assert source.get_translations().count() == len(LANGUAGES) - 1, source.term
    worship = SearchSynonym.objects.get(locale=locales["en"], term="place of worship")
    assert worship.get_translation(locales["it"]).words() == (
        "luogo di culto",
        "luoghi di culto",
        "moschea",
        "chiesa",
        "sinagoga",
        "tempio",
    )


def test_the_demo_synonyms_pass_the_editors_validation(demo_synonyms):
    for written in SearchSynonym.objects.all():
        written.full_clean()
