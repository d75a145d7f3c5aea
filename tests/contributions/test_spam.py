"""Spam rules refuse with a clear message, keep what was typed, and never give a 500."""

import time

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contributions.guard import stamp
from contributions.models import PracticeProposal

URL = "/en/contribute/practice/"


def keeps_the_input(response):
    body = response.content.decode()
    return "Neighbourhood dinners" in body and "Monthly dinners in the parish hall." in body


def test_a_filled_honeypot_is_refused_and_the_input_kept(client, net, proposal_data):
    response = client.post(URL, proposal_data(net.page("partner"), website="http://spam.example"))
    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    assert keeps_the_input(response)
    assert not PracticeProposal.objects.exists()


def test_a_form_sent_faster_than_a_person_types_is_refused_and_kept(client, net, proposal_data):
    response = client.post(URL, proposal_data(net.page("partner"), started=stamp(time.time())))
    assert response.status_code == 400
    assert "faster than anyone" in response.content.decode()
    assert keeps_the_input(response)
    assert not PracticeProposal.objects.exists()


def test_a_forged_timestamp_is_refused_and_a_fresh_one_given(client, net, proposal_data):
    response = client.post(URL, proposal_data(net.page("partner"), started="1:forged"))
    assert response.status_code == 400
    assert keeps_the_input(response)
    assert "1:forged" not in response.content.decode()


@override_settings(CONVIVIUM_CONTRIBUTION_RATE_LIMIT=2)
def test_too_many_submissions_from_one_address_are_refused_with_429(
    client, net, proposal_data, django_capture_on_commit_callbacks
):
    def form():  # each time a form of its own, as a person fills in another
        return proposal_data(net.page("partner"))

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(URL, form()).status_code == 302
        assert client.post(URL, form()).status_code == 302
    response = client.post(URL, form())
    assert response.status_code == 429
    assert keeps_the_input(response)
    assert PracticeProposal.objects.count() == 2
    # Another address is not affected.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(URL, form(), REMOTE_ADDR="10.0.0.9").status_code == 302


def test_script_tags_are_stored_as_text_and_shown_escaped(
    client, partners, proposal_data, person, django_capture_on_commit_callbacks
):
    hostile = '<script>alert("x")</script>'
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL, proposal_data(partners[0].partner, title=f"Dinners {hostile}", approach=hostile)
        )
    assert response.status_code == 302
    proposal = PracticeProposal.objects.get()
    assert "<script>" not in proposal.page.approach
    client.force_login(person("mo", "City of Porto moderators"))
    body = client.get("/admin/proposals/").content.decode()
    assert "Dinners &lt;script&gt;" in body
    assert hostile not in body


@pytest.mark.parametrize(
    "field,value",
    [
        ("title", "x" * 100_000),
        ("approach", "x" * 100_000),
        ("start_date", "soon"),
        ("start_date", "2025-02-30"),
        ("themes", "not-a-number"),
        ("themes", "99999999"),
        ("partner", "99999999"),
        ("partner", "porto"),
        ("partner", "9" * 30),
        ("themes", "-1"),
        ("email", "not an address"),
        ("consent", ""),
    ],
)
def test_hostile_or_wrong_input_gets_a_400_with_the_input_kept(
    client, net, proposal_data, field, value
):
    data = proposal_data(net.page("partner"))
    data[field] = value
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "Please correct what is marked below" in response.content.decode()
    assert "Families of every origin cook for each other" in response.content.decode()
    assert not PracticeProposal.objects.exists()


def test_a_partner_of_another_language_is_not_a_valid_choice(client, net, proposal_data):
    italian_palermo = net.page("partner", "it")
    response = client.post(URL, proposal_data(italian_palermo))
    assert response.status_code == 400


def test_a_request_without_any_field_is_a_400(client, net):
    assert client.post(URL, {}).status_code == 400


FIELDS = ["title", "summary", "partner", "place", "themes", "start_date", "approach", "email"]


@override_settings(CONVIVIUM_CONTRIBUTION_RATE_LIMIT=10**6)
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=300), max_size=4))
def test_no_mix_of_arbitrary_values_gives_a_server_error(client, net, proposal_data, values):
    data = proposal_data(net.page("partner"))
    data.update(values)
    assert client.post(URL, data).status_code in (302, 400)
