"""Who may do what, in which language: translators, reviewers and editors."""

import pytest
from wagtail_localize.models import Translation, TranslationSource

from .conftest import member


@pytest.fixture
def editor(django_user_model, net):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("editor", "editor@example.org", "secret")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def page_url(net, action, language):
    page = net.page("practice", language)
    return f"/admin/pages/{page.pk}/{action}/"


def translation_of(net, name, language):
    source = TranslationSource.objects.get_for_instance(net.page(name))
    return Translation.objects.get(source=source, target_locale__language_code=language)


@pytest.mark.parametrize(
    "language,allowed",
    [("it", True), ("ar", False), ("en", False)],
)
@pytest.mark.parametrize("action", ["edit", "delete", "unpublish", "move"])
def test_translator_acts_on_pages_of_their_language_only(
    client, net, italian_translator, action, language, allowed
):
    client.force_login(italian_translator)
    response = client.get(page_url(net, action, language))
    if allowed and action == "edit":
        assert response.status_code == 200
    elif allowed:
        # Their own language, but deleting, unpublishing and moving need more than a translator.
        assert response.status_code in (200, 302)
    else:
        assert response.status_code in (302, 403)
        if language != "en":
            assert response.status_code == 403
            assert "not yours to change" in response.text


def test_translator_is_told_why_another_language_is_refused(client, net, italian_translator):
    client.force_login(italian_translator)
    response = client.get(page_url(net, "edit", "ar"))
    assert response.status_code == 403
    assert "You translate into other languages" in response.text


@pytest.mark.parametrize("language,status", [("it", 200), ("ar", 403)])
def test_translator_downloads_po_files_of_their_language_only(
    client, net, italian_translator, language, status
):
    client.force_login(italian_translator)
    translation = translation_of(net, "practice", language)
    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == status


def test_translator_cannot_upload_into_another_language(client, net, italian_translator):
    client.force_login(italian_translator)
    translation = translation_of(net, "practice", "ar")
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": b""}
    )
    assert response.status_code == 403


def test_translator_cannot_submit_translations_into_another_language(
    client, net, italian_translator, locales
):
    client.force_login(italian_translator)
    page = net.page("about")
    response = client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [locales["el"].pk]}
    )
    assert response.status_code == 403


def test_translator_cannot_sync_a_source_into_every_language(client, net, italian_translator):
    client.force_login(italian_translator)
    source = TranslationSource.objects.get_for_instance(net.page("practice"))
    response = client.post(f"/admin/localize/update/{source.pk}/")
    assert response.status_code == 403


def test_reviewer_of_two_languages_works_in_both(client, net, django_user_model):
    user = member(django_user_model, "nadia", ("it", "reviewer"), ("ar", "translator"))
    client.force_login(user)
    assert client.get(page_url(net, "edit", "it")).status_code == 200
    assert client.get(page_url(net, "edit", "ar")).status_code == 200
    assert client.get(page_url(net, "edit", "en")).status_code in (302, 403)


@pytest.mark.parametrize("language", ["en", "it", "ar"])
def test_editors_work_in_every_language(client, net, editor, language):
    client.force_login(editor)
    assert client.get(page_url(net, "edit", language)).status_code == 200
