"""A form sent twice (a double click, a page sent again) stores one item and answers both."""

import pytest

from contributions.models import ConsultationAnswer, EventFeedback, PracticeProposal, SentForm

from .test_consultations import answer_data, consultation  # noqa: F401
from .test_feedback import feedback_data, past_event  # noqa: F401

PROPOSE = "/en/contribute/practice/"


def test_a_proposal_sent_twice_is_stored_once_and_both_clicks_are_thanked(
    client, net, proposal_data, django_capture_on_commit_callbacks
):
    data = proposal_data(net.page("partner"))
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(PROPOSE, data)
        second = client.post(PROPOSE, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert PracticeProposal.objects.count() == 1


def test_two_forms_with_the_same_words_are_two_proposals_with_their_own_addresses(
    client, net, proposal_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(PROPOSE, proposal_data(net.page("partner")))
        client.post(PROPOSE, proposal_data(net.page("partner")))
    slugs = {proposal.page.slug for proposal in PracticeProposal.objects.all()}
    assert slugs == {"neighbourhood-dinners", "neighbourhood-dinners-2"}


def test_an_answer_sent_twice_is_stored_once(client, consultation):  # noqa: F811
    data = answer_data()
    assert client.post(consultation.url, data).status_code == 302
    assert client.post(consultation.url, data).status_code == 302
    assert ConsultationAnswer.objects.count() == 1


def test_feedback_sent_twice_is_stored_once_and_thanked_twice(client, past_event):  # noqa: F811
    url = f"/en/contribute/feedback/{past_event.pk}/"
    data = feedback_data()
    assert client.post(url, data).status_code == 200
    second = client.post(url, data)
    assert second.status_code == 200
    assert second.context["sent"]
    assert EventFeedback.objects.count() == 1


def test_a_form_corrected_after_an_error_is_stored(client, net, proposal_data):
    data = proposal_data(net.page("partner"))
    assert client.post(PROPOSE, {**data, "title": ""}).status_code == 400
    assert client.post(PROPOSE, data).status_code == 302
    assert PracticeProposal.objects.count() == 1


@pytest.mark.parametrize("started", ["1:forged", "", "12345"])
def test_a_stamp_without_a_valid_signature_stores_nothing(client, net, proposal_data, started):
    assert (
        client.post(PROPOSE, proposal_data(net.page("partner"), started=started)).status_code == 400
    )
    assert not SentForm.objects.exists()
