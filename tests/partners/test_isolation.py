"""Partner A's people work on A's pages and media only: roles × actions × places."""

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from wagtail.models import Collection

from partners.models import PartnerPage
from partners.provisioning import PartnerSpec, provision
from practices.factories import PracticePageFactory
from practices.models import PracticePage

ACTIONS = ["edit", "delete", "unpublish", "move"]


@pytest.fixture
def partners(net, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        a = provision(PartnerSpec("City of Porto", "municipality", "Porto", "PT"))
        b = provision(PartnerSpec("City of Girona", "municipality", "Girona", "ES"))
    return a, b


def person(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "secret")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def places(net, partners):
    a, b = partners
    return {
        "own": PracticePageFactory(parent=a.partner, slug="own"),
        "other partner": PracticePageFactory(parent=b.partner, slug="other"),
        "network": net.page("about"),
    }


@pytest.mark.parametrize(
    "place,allowed", [("own", True), ("other partner", False), ("network", False)]
)
@pytest.mark.parametrize("role", ["editors", "moderators"])
def test_partner_people_edit_only_their_own_pages(
    client, django_user_model, partners, places, role, place, allowed
):
    user = person(django_user_model, "pat", f"City of Porto {role}")
    page = places[place]
    permissions = page.permissions_for_user(user)
    assert permissions.can_edit() is allowed
    if not allowed:
        assert not permissions.can_delete()
        assert not permissions.can_move()
    assert permissions.can_publish() is (allowed and role == "moderators")
    client.force_login(user)
    status = client.get(f"/admin/pages/{page.pk}/edit/").status_code
    assert (status == 200) is allowed


@pytest.mark.parametrize("action", ACTIONS)
def test_an_editor_of_one_partner_cannot_act_on_another(client, django_user_model, places, action):
    user = person(django_user_model, "pat", "City of Porto editors")
    client.force_login(user)
    page = places["other partner"]
    response = client.get(f"/admin/pages/{page.pk}/{action}/")
    assert response.status_code in (302, 403)
    assert PartnerPage.objects.filter(slug="girona").exists()


def test_the_explorer_shows_an_editor_only_their_partners_pages(client, django_user_model, places):
    user = person(django_user_model, "pat", "City of Porto editors")
    client.force_login(user)
    response = client.get("/admin/pages/")
    assert response.status_code in (200, 302)
    if response.status_code == 302:  # Wagtail opens the editor's own section directly
        response = client.get(response["Location"])
    assert "Girona" not in response.text


def test_an_editor_sees_and_chooses_only_their_partners_images(client, django_user_model, partners):
    a, b = partners
    own = wagtail_factories.ImageFactory(title="Porto market", collection=a.collection)
    other = wagtail_factories.ImageFactory(title="Girona river", collection=b.collection)
    user = person(django_user_model, "pat", "City of Porto editors")
    client.force_login(user)
    listing = client.get("/admin/images/").text
    chooser = client.get("/admin/images/chooser/").text
    assert own.title in listing and own.title in chooser
    assert other.title not in listing and other.title not in chooser
    assert client.get(f"/admin/images/{other.pk}/").status_code in (302, 403)


def test_each_partner_has_its_own_collection(partners):
    a, b = partners
    assert a.collection != b.collection
    assert Collection.objects.filter(name="City of Porto").count() == 1


def test_a_moderator_approves_only_their_partners_pages(
    client, django_user_model, places, django_capture_on_commit_callbacks
):
    editor_b = person(django_user_model, "gina", "City of Girona editors")
    moderator_a = person(django_user_model, "pat", "City of Porto moderators")
    page = places["other partner"]
    page.title = "A change to approve"
    revision = page.save_revision(user=editor_b)
    workflow_state = page.get_workflow().start(page, editor_b)
    task_state = workflow_state.current_task_state
    client.force_login(moderator_a)
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/")
    page.refresh_from_db()
    assert page.live_revision_id != revision.pk


@pytest.fixture
def palermo_editor(net, django_user_model, partners, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        provision(PartnerSpec("City of Palermo", "municipality", "Palermo", "IT"))
    return person(django_user_model, "paola", "City of Palermo editors")


@pytest.fixture
def chooser_pages(net, partners):
    a, _b = partners
    return {
        "other draft": PracticePageFactory(
            parent=a.partner, title="Unannounced harbour festival", slug="harbour", live=False
        ),
        "own draft": PracticePageFactory(
            parent=net.page("partner"), title="Unannounced river walk", slug="river", live=False
        ),
        "other live": PracticePageFactory(
            parent=a.partner, title="Unannounced tram stories", slug="tram"
        ),
    }


def chooser_search(client, words):
    return client.get("/admin/choose-page/search/", {"q": words}).content.decode()


@pytest.mark.parametrize(
    "place,found", [("other draft", False), ("own draft", True), ("other live", True)]
)
def test_the_page_chooser_search_shows_an_editor_live_pages_and_their_own_drafts(
    client, palermo_editor, chooser_pages, place, found
):
    client.force_login(palermo_editor)
    page = chooser_pages[place]
    assert (page.title in chooser_search(client, page.title)) is found


def test_browsing_the_page_chooser_hides_another_partners_drafts(
    client, palermo_editor, partners, chooser_pages
):
    client.force_login(palermo_editor)
    a, _b = partners
    body = client.get(f"/admin/choose-page/{a.partner.pk}/").content.decode()
    assert "Unannounced tram stories" in body
    assert "Unannounced harbour festival" not in body


@pytest.mark.parametrize("role", ["coordinator", "administrator"])
def test_coordinators_find_every_draft_in_the_page_chooser(
    client, django_user_model, chooser_pages, role
):
    if role == "coordinator":
        user = person(django_user_model, "coco", "Moderators")
    else:
        user = django_user_model.objects.create_superuser("root", "root@example.org", "secret")
    client.force_login(user)
    assert "Unannounced harbour festival" in chooser_search(client, "Unannounced harbour festival")


def test_a_moderator_deletes_a_live_page_of_their_partner(client, django_user_model, places):
    client.force_login(person(django_user_model, "pat", "City of Porto moderators"))
    page = places["own"]
    assert page.live
    assert client.get(f"/admin/pages/{page.pk}/delete/").status_code == 200
    assert client.post(f"/admin/pages/{page.pk}/delete/").status_code == 302
    assert not PracticePage.objects.filter(pk=page.pk).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_editor_cannot_delete_a_live_page_of_their_partner(
    client, django_user_model, places, method
):
    client.force_login(person(django_user_model, "pat", "City of Porto editors"))
    page = places["own"]
    response = getattr(client, method)(f"/admin/pages/{page.pk}/delete/")
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.live
