"""Answers are moderated by those who may publish the consultation, and cited once approved."""

import pytest
from django.core.exceptions import ValidationError

from contributions.blocks import ConsultationAnswerBlock
from contributions.factories import ConsultationAnswerFactory, ConsultationPageFactory
from contributions.models import AnswerStatus
from practices.models import HandbookChapterPage


@pytest.fixture
def answers(partners):
    porto, girona = partners
    return {
        "porto": ConsultationAnswerFactory(
            consultation=ConsultationPageFactory(parent=porto.partner, title="Porto plan"),
            text="Porto needs evening libraries.",
        ),
        "girona": ConsultationAnswerFactory(
            consultation=ConsultationPageFactory(parent=girona.partner, title="Girona plan"),
            text="Girona needs night buses.",
        ),
    }


def test_moderators_see_the_answers_to_their_own_consultations_only(client, answers, person):
    client.force_login(person("mo", "City of Porto moderators"))
    response = client.get("/admin/consultation-answers/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Porto needs evening libraries." in body
    assert "Girona needs night buses." not in body
    edit = f"/admin/consultation-answers/edit/{answers['girona'].pk}/"
    # Not found for them (the language middleware turns the admin's 404 into a redirect).
    assert client.get(edit).status_code in (302, 404)


def test_editors_who_cannot_publish_do_not_moderate(client, answers, person):
    client.force_login(person("pat", "City of Porto editors"))
    response = client.get("/admin/consultation-answers/")
    assert response.status_code in (302, 403)


def test_a_moderator_approves_an_answer_and_it_shows(client, answers, person):
    moderator = person("mo", "City of Porto moderators")
    client.force_login(moderator)
    answer = answers["porto"]
    edit = f"/admin/consultation-answers/edit/{answer.pk}/"
    page = client.get(edit).content.decode()
    assert answer.email in page  # the moderator concerned sees the contact
    response = client.post(edit, {"status": "approved"})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.status == AnswerStatus.APPROVED
    assert answer.moderated_by == moderator
    assert "Porto needs evening libraries." in client.get(answer.consultation.url).content.decode()


def test_moderation_cannot_change_what_was_written(client, answers, person):
    client.force_login(person("mo", "City of Porto moderators"))
    answer = answers["porto"]
    client.post(
        f"/admin/consultation-answers/edit/{answer.pk}/",
        {"status": "approved", "text": "Rewritten", "email": "other@example.org"},
    )
    answer.refresh_from_db()
    assert answer.text == "Porto needs evening libraries."
    assert answer.email != "other@example.org"


def test_only_approved_answers_can_be_cited(net):
    block = ConsultationAnswerBlock()
    pending = ConsultationAnswerFactory(
        consultation__parent=net.page("home"), status=AnswerStatus.PENDING
    )
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"answer": pending.pk, "comment": ""}))


def test_a_chapter_quotes_an_approved_answer_with_the_consultations_title(
    client, net, django_assert_max_num_queries
):
    answer = ConsultationAnswerFactory(
        consultation__parent=net.page("home"),
        consultation__title="Draft chapter on stigma",
        text="Say <b>neighbours</b>, not migrants.",
        status=AnswerStatus.APPROVED,
    )
    chapter = net.page("chapter")
    chapter.body = [("consultation_answer", {"answer": answer, "comment": ""})]
    chapter.save_revision().publish()
    client.get(chapter.url)
    with django_assert_max_num_queries(16):
        response = client.get(chapter.url)
    body = response.content.decode()
    assert "Say &lt;b&gt;neighbours&lt;/b&gt;, not migrants." in body
    assert "Draft chapter on stigma" in body
    assert isinstance(chapter, HandbookChapterPage)
