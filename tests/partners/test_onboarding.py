"""A new partner in one step: admin form or `add_partner`, run twice, no duplicates."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Collection, GroupPagePermission, Site, Workflow
from wagtailmenus.models import FlatMenu, MainMenu

from partners.models import PartnerPage


def add_partner(*extra):
    out = io.StringIO()
    call_command(
        "add_partner",
        "Câmara Municipal do Porto",
        "--city",
        "Porto",
        "--country",
        "PT",
        "--languages",
        "it,ar",
        "--email",
        "convivium@porto.example.org",
        *extra,
        stdout=out,
    )
    return out.getvalue()


def counts():
    return {
        "partners": PartnerPage.objects.count(),
        "collections": Collection.objects.count(),
        "groups": Group.objects.count(),
        "permissions": GroupPagePermission.objects.count(),
        "workflows": Workflow.objects.count(),
        "sites": Site.objects.count(),
        "menus": MainMenu.objects.count() + FlatMenu.objects.count(),
    }


@pytest.fixture
def onboarded(net, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        output = add_partner("--hostname", "porto.localhost")
    return output


def test_the_command_creates_everything_a_partner_needs(onboarded, locales):
    partner = PartnerPage.objects.get(slug="porto", locale__language_code="en")
    assert "Added Porto" in onboarded
    assert partner.live
    assert partner.has_translation(locales["it"]) and partner.has_translation(locales["ar"])
    assert Collection.objects.filter(name="Câmara Municipal do Porto").exists()
    editors = Group.objects.get(name="Câmara Municipal do Porto editors")
    assert GroupPagePermission.objects.filter(group=editors, page=partner).exists()
    assert partner.get_workflow().name == "Câmara Municipal do Porto moderation"
    site = Site.objects.get(hostname="porto.localhost")
    assert site.root_page_id == partner.pk
    assert MainMenu.objects.filter(site=site).exists()
    assert FlatMenu.objects.filter(site=site, handle="footer").exists()


def test_running_the_command_twice_duplicates_nothing(
    onboarded, django_capture_on_commit_callbacks
):
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        output = add_partner("--hostname", "porto.localhost")
    assert "Already there: Porto" in output
    assert counts() == before


def test_the_command_refuses_bad_input_clearly(net):
    with pytest.raises(CommandError, match="languages: Unknown languages: xx"):
        add_partner("--languages", "xx")
    with pytest.raises(CommandError, match="organisation_type"):
        call_command(
            "add_partner", "Somebody", "--type", "club", "--city", "Braga", "--country", "PT"
        )


def test_a_hostname_already_in_use_is_refused(net):
    Site.objects.create(hostname="taken.localhost", port=80, root_page=net.page("home"))
    with pytest.raises(CommandError, match="already answers at taken.localhost"):
        add_partner("--hostname", "taken.localhost")


@pytest.fixture
def coordinator(django_user_model):
    return django_user_model.objects.create_superuser("coordinator", "c@example.org", "secret")


def test_coordinators_onboard_through_the_admin_form_twice_without_duplicates(
    client, net, coordinator, locales, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    data = {
        "organisation_name": "Ajuntament de Girona",
        "organisation_type": "municipality",
        "city": "Girona",
        "country": "ES",
        "languages": ["it"],
        "contact_email": "convivium@girona.example.org",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/partners/add/", data)
    assert response.status_code == 302
    partner = PartnerPage.objects.get(slug="girona", locale__language_code="en")
    assert partner.has_translation(locales["it"])
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/partners/add/", data)
    assert counts() == before


def test_the_admin_form_explains_what_is_wrong(client, net, coordinator):
    client.force_login(coordinator)
    response = client.post("/admin/partners/add/", {"organisation_name": "", "city": ""})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_only_coordinators_may_add_partners(client, net, django_user_model):
    user = django_user_model.objects.create_user("someone", "s@example.org", "secret")
    client.force_login(user)
    assert client.get("/admin/partners/add/").status_code in (302, 403)


def test_the_microsite_answers_on_its_own_host_with_its_branding(client, onboarded):
    response = client.get("/en/", HTTP_HOST="porto.localhost")
    assert response.status_code == 200
    assert "<h1>Porto</h1>" in response.text
    assert "Câmara Municipal do Porto</span>" in response.text


def test_links_on_the_microsite_host_stay_on_it(client, onboarded):
    response = client.get("/en/", HTTP_HOST="porto.localhost")
    assert 'href="http://localhost' not in response.text
    assert 'class="site-brand" href="/en/"' in response.text


def test_the_microsite_is_also_under_the_network_site(client, onboarded):
    assert client.get("/en/partners/porto/").status_code == 200


def test_the_partner_index_counts_each_partners_practices_and_events(client, net):
    response = client.get(net.page("partners").url)
    # Market walks; the local Open tables and the transnational kick-off it hosts
    assert "1 practice · 2 events" in response.text
