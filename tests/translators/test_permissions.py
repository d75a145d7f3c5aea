"""Who may do what, in which language: translators, reviewers and editors."""

import pytest
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from practices.factories import PracticePageFactory
from translators.deletion import may_delete
from translators.wagtail_hooks import bulk_delete_live_pages_only_with_more_than_language_roles

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


@pytest.fixture
def italian_pages(net):
    partner = net.page("partner", "it")
    return {
        "live": PracticePageFactory(parent=partner, title="Mercato vivo", slug="mercato-vivo"),
        "draft": PracticePageFactory(
            parent=partner, title="Mercato in bozza", slug="mercato-bozza", live=False
        ),
    }


def bulk_delete_url(page):
    return f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}&next=/admin/"


@pytest.mark.parametrize("method", ["get", "post"])
def test_reviewer_cannot_delete_a_live_page_of_their_language(
    client, italian_reviewer, italian_pages, method
):
    client.force_login(italian_reviewer)
    page = italian_pages["live"]
    response = getattr(client, method)(f"/admin/pages/{page.pk}/delete/")
    assert response.status_code == 403
    assert "unpublish it instead" in response.text
    page.refresh_from_db()
    assert page.live


def test_reviewer_deletes_a_page_of_their_language_that_is_not_live(
    client, italian_reviewer, italian_pages
):
    client.force_login(italian_reviewer)
    page = italian_pages["draft"]
    assert client.get(f"/admin/pages/{page.pk}/delete/").status_code == 200
    response = client.post(f"/admin/pages/{page.pk}/delete/")
    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()


def test_reviewer_cannot_delete_a_subtree_that_holds_a_live_page(
    client, italian_reviewer, italian_pages
):
    client.force_login(italian_reviewer)
    draft = italian_pages["draft"]
    PracticePageFactory(parent=draft, title="Sotto", slug="sotto")
    assert not may_delete(italian_reviewer, draft)
    # Wagtail itself lets only those with bulk_delete delete a page that has children.
    assert client.post(f"/admin/pages/{draft.pk}/delete/").status_code in (302, 403)
    assert Page.objects.filter(pk=draft.pk).exists()


def test_reviewer_cannot_bulk_delete_a_live_page(client, italian_reviewer, italian_pages):
    client.force_login(italian_reviewer)
    page = italian_pages["live"]
    confirmation = client.get(bulk_delete_url(page))
    assert confirmation.context["items"] == []
    assert [entry["item"].pk for entry in confirmation.context["items_with_no_access"]] == [page.pk]
    client.post(bulk_delete_url(page))
    page.refresh_from_db()
    assert page.live


def test_reviewer_bulk_deletes_a_page_that_is_not_live(client, italian_reviewer, italian_pages):
    client.force_login(italian_reviewer)
    page = italian_pages["draft"]
    assert len(client.get(bulk_delete_url(page)).context["items"]) == 1
    assert client.post(bulk_delete_url(page)).status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()


def test_the_explorer_offers_a_reviewer_delete_only_where_they_may(
    client, net, italian_reviewer, italian_pages
):
    client.force_login(italian_reviewer)
    body = client.get(f"/admin/pages/{net.page('partner', 'it').pk}/").content.decode()
    assert f"/admin/pages/{italian_pages['draft'].pk}/delete/" in body
    assert f"/admin/pages/{italian_pages['live'].pk}/delete/" not in body


def test_bulk_delete_of_a_live_page_is_refused_even_past_the_confirmation(
    rf, italian_reviewer, italian_pages
):
    request = rf.post("/admin/bulk/wagtailcore/page/delete/")
    request.user = italian_reviewer
    page = italian_pages["live"]
    response = bulk_delete_live_pages_only_with_more_than_language_roles(
        request, "delete", [page], None
    )
    assert response.status_code == 403
    assert (
        bulk_delete_live_pages_only_with_more_than_language_roles(
            request, "delete", [italian_pages["draft"]], None
        )
        is None
    )
