"""A practice proposed by the public: a draft where its partner's editors, and only they, work."""

import pytest
from django.core import mail

from contributions.models import PracticeProposal, ProposalInboxPage
from practices.models import PracticePage

URL = "/en/contribute/practice/"


def propose(client, data, capture):
    with capture(execute=True):
        return client.post(URL, data)


def test_proposal_becomes_a_draft_under_the_chosen_partner(
    client, partners, proposal_data, django_capture_on_commit_callbacks
):
    porto = partners[0].partner
    response = propose(client, proposal_data(porto), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    page = PracticePage.objects.get(title="Neighbourhood dinners")
    assert page.get_parent().pk == porto.pk
    assert not page.live
    assert page.partner_id == porto.pk
    assert [t.theme.slug for t in page.practice_themes.all()] == ["integration"]
    assert "<p>Monthly dinners in the parish hall.</p>" in page.approach
    assert PracticeProposal.objects.get(page=page).email == "ada@example.org"


def test_a_proposed_practice_is_not_visible_publicly(
    client, partners, proposal_data, django_capture_on_commit_callbacks
):
    propose(client, proposal_data(partners[0].partner), django_capture_on_commit_callbacks)
    page = PracticePage.objects.get(title="Neighbourhood dinners")
    assert client.get(f"/en/partners/porto/{page.slug}/").status_code == 404
    assert "Neighbourhood dinners" not in client.get("/en/practices/").content.decode()


def test_a_proposal_from_elsewhere_waits_in_the_unpublished_network_inbox(
    client, net, proposal_data, django_capture_on_commit_callbacks
):
    response = propose(client, proposal_data(None), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    page = PracticePage.objects.get(title="Neighbourhood dinners")
    inbox = page.get_parent().specific
    assert isinstance(inbox, ProposalInboxPage)
    assert not inbox.live and not page.live
    assert PracticeProposal.objects.get(page=page).place == "Bergamo"
    assert client.get("/en/proposals-inbox/").status_code == 404


def test_proposer_gets_a_confirmation_and_the_partners_editors_a_notice(
    client, partners, proposal_data, person, django_capture_on_commit_callbacks
):
    person("pat", "City of Porto editors")
    person("gil", "City of Girona editors")
    propose(client, proposal_data(partners[0].partner), django_capture_on_commit_callbacks)
    to_proposer, to_editors = mail.outbox
    assert to_proposer.to == ["ada@example.org"]
    assert "Neighbourhood dinners" in to_proposer.subject
    assert "pat@example.org" in to_editors.to
    assert "gil@example.org" not in to_editors.to


def test_proposer_hears_once_when_the_practice_is_published(
    client, partners, proposal_data, django_capture_on_commit_callbacks
):
    propose(client, proposal_data(partners[0].partner), django_capture_on_commit_callbacks)
    page = PracticePage.objects.get(title="Neighbourhood dinners")
    mail.outbox.clear()
    page.get_latest_revision().publish()
    page.refresh_from_db()
    page.save_revision().publish()
    [notice] = mail.outbox
    assert notice.to == ["ada@example.org"]
    assert page.get_full_url() in notice.body


@pytest.fixture
def proposed(client, partners, proposal_data, django_capture_on_commit_callbacks):
    propose(client, proposal_data(partners[0].partner), django_capture_on_commit_callbacks)
    return PracticeProposal.objects.get()


@pytest.mark.parametrize("role", ["editors", "moderators"])
def test_editors_of_the_partner_see_the_proposal_in_the_admin(client, proposed, person, role):
    client.force_login(person("pat", f"City of Porto {role}"))
    response = client.get("/admin/proposals/")
    assert response.status_code == 200
    assert "Neighbourhood dinners" in response.content.decode()


def test_editors_of_another_partner_do_not_see_the_proposal(client, proposed, person):
    client.force_login(person("gil", "City of Girona moderators"))
    response = client.get("/admin/proposals/")
    assert response.status_code == 200
    assert "Neighbourhood dinners" not in response.content.decode()
    assert client.get(f"/admin/pages/{proposed.page_id}/edit/").status_code != 200


def test_contact_data_is_shown_to_the_partners_moderators_only(client, proposed, person):
    client.force_login(person("pat", "City of Porto editors"))
    assert "ada@example.org" not in client.get("/admin/proposals/").content.decode()
    client.force_login(person("mo", "City of Porto moderators"))
    assert "ada@example.org" in client.get("/admin/proposals/").content.decode()


def test_the_proposals_list_exports_to_a_spreadsheet_without_contact_data(client, proposed, person):
    client.force_login(person("mo", "City of Porto moderators"))
    response = client.get("/admin/proposals/?export=csv")
    content = b"".join(response.streaming_content).decode()
    assert "Neighbourhood dinners" in content
    assert "ada@example.org" not in content


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_form_renders_in_every_language_with_few_queries(
    client, net, language, django_assert_max_num_queries
):
    url = f"/{language}/contribute/practice/"
    client.get(url)
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert f'lang="{language}"' in body
    assert "Palermo" in body or "باليرمو" in body


def test_a_proposal_in_arabic_lands_where_the_partners_editors_work(
    client, net, proposal_data, django_capture_on_commit_callbacks
):
    arabic_palermo = net.page("partner", "ar")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/ar/contribute/practice/", proposal_data(arabic_palermo, language="ar")
        )
    assert response.status_code == 302
    proposal = PracticeProposal.objects.get()
    assert proposal.language == "ar"
    assert proposal.page.get_parent().pk == net.page("partner", "en").pk


def test_coordinators_see_proposals_in_the_inbox_and_partner_editors_do_not(
    client, partners, proposal_data, person, django_capture_on_commit_callbacks
):
    coordinator = person("cora", "Moderators")
    propose(client, proposal_data(None), django_capture_on_commit_callbacks)
    assert coordinator.email in mail.outbox[1].to
    client.force_login(coordinator)
    assert "Neighbourhood dinners" in client.get("/admin/proposals/").content.decode()
    client.force_login(person("pat", "City of Porto moderators"))
    assert "Neighbourhood dinners" not in client.get("/admin/proposals/").content.decode()
