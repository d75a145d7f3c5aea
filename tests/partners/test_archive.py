"""A partner leaving the network: offline and inaccessible, nothing deleted, restorable."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from partners import archiving
from partners.models import PartnerPage
from partners.provisioning import PartnerSpec, provision
from practices.factories import PracticePageFactory
from website.demo.translation import translate


@pytest.fixture
def porto(net, locales, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = provision(PartnerSpec("City of Porto", "municipality", "Porto", "PT", ["it"]))
        practice = PracticePageFactory(parent=result.partner, slug="porto-walks")
        translate(practice, locales["it"], {})
    return result


@pytest.fixture
def editor(django_user_model, porto):
    user = django_user_model.objects.create_user("pat", "pat@example.org", "secret")
    user.groups.add(porto.editors)
    return user


@pytest.fixture
def coordinator(django_user_model):
    return django_user_model.objects.create_superuser("coordinator", "c@example.org", "secret")


def test_archiving_takes_the_microsite_offline_in_every_language(client, porto, coordinator):
    client.force_login(coordinator)
    response = client.post(f"/admin/partners/{porto.partner.pk}/archive/")
    assert response.status_code == 302
    assert not archiving.partner_pages(porto.partner).filter(live=True).exists()
    assert client.get("/en/partners/porto/").status_code == 404
    assert client.get("/it/partners/porto/porto-walks/").status_code == 404


def test_archiving_removes_the_partners_people_but_deletes_nothing(porto, editor):
    pages_before = Page.objects.count()
    archiving.archive(porto.partner)
    assert not editor.groups.filter(pk=porto.editors.pk).exists()
    assert Page.objects.count() == pages_before
    assert Group.objects.filter(pk=porto.editors.pk).exists()


def test_restoring_brings_back_pages_as_they_were_and_people(client, porto, editor, coordinator):
    live_before = dict(
        archiving.partner_pages(porto.partner).filter(live=True).values_list("pk", "live_revision")
    )
    archiving.archive(porto.partner)
    client.force_login(coordinator)
    client.post(f"/admin/partners/{porto.partner.pk}/archive/")  # the same button restores
    live_after = dict(
        archiving.partner_pages(porto.partner).filter(live=True).values_list("pk", "live_revision")
    )
    assert set(live_after) == set(live_before)
    for page_id, revision_id in live_before.items():
        if revision_id is not None:  # as it was; a page live without one got one when archived
            assert live_after[page_id] == revision_id
    assert editor.groups.filter(pk=porto.editors.pk).exists()
    assert client.get("/en/partners/porto/").status_code == 200


def test_archiving_twice_keeps_one_record(porto):
    first = archiving.archive(porto.partner)
    assert archiving.archive(porto.partner) == first
    assert PartnerPage.objects.get(pk=porto.partner.pk).archives.count() == 1


def test_only_coordinators_archive(client, porto, editor):
    client.force_login(editor)
    response = client.post(f"/admin/partners/{porto.partner.pk}/archive/")
    assert response.status_code in (302, 403)
    assert archiving.active_archive(porto.partner) is None
