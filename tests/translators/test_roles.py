import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from practices.models import Theme
from translators import roles
from translators.models import LanguageRole


@pytest.mark.parametrize("code,name", [("it", "Italian"), ("ar", "Arabic"), ("el", "Greek")])
def test_every_language_has_a_translator_and_a_reviewer_group(db, code, name):
    assert Group.objects.filter(name=f"Translators ({name})").exists()
    assert Group.objects.filter(name=f"Reviewers ({name})").exists()
    assert LanguageRole.objects.filter(locale__language_code=code).count() == 2


def test_a_new_locale_gets_its_groups_at_once(db):
    Locale.objects.create(language_code="pt")
    assert Group.objects.filter(name="Translators (Portuguese)").exists()
    assert Group.objects.filter(name="Reviewers (Portuguese)").exists()


def test_roles_are_created_once(db):
    locale = Locale.objects.get(language_code="it")
    roles.ensure_roles(locale)
    roles.ensure_roles(locale)
    assert LanguageRole.objects.filter(locale=locale).count() == 2


def test_translator_edits_pages_of_their_language_only(net, italian_translator):
    assert net.page("practice", "it").permissions_for_user(italian_translator).can_edit()
    assert not net.page("practice", "ar").permissions_for_user(italian_translator).can_edit()
    assert not net.page("practice").permissions_for_user(italian_translator).can_edit()


def test_translator_cannot_publish_reviewer_can(net, italian_translator, italian_reviewer):
    page = net.page("practice", "it")
    assert not page.permissions_for_user(italian_translator).can_publish()
    assert page.permissions_for_user(italian_reviewer).can_publish()
    assert not net.page("practice").permissions_for_user(italian_reviewer).can_publish()


def test_translations_are_reviewed_by_their_languages_reviewers(net):
    workflow = net.page("practice", "it").get_workflow()
    assert workflow.name == "Translation review (Italian)"
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Reviewers (Italian)"]


def test_source_pages_keep_their_own_moderation(net):
    workflow = net.page("practice").get_workflow()
    assert workflow is None or "Translation review" not in workflow.name


@pytest.mark.parametrize(
    "language,status",
    [("it", 200), ("ar", 403)],
)
def test_translator_opens_snippets_only_in_their_language(
    client, net, italian_translator, language, status
):
    client.force_login(italian_translator)
    theme = Theme.objects.get(slug="integration", locale__language_code=language)
    response = client.get(f"/admin/snippets/practices/theme/edit/{theme.pk}/")
    assert response.status_code == status
