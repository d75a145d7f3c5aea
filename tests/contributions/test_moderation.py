"""Answers are moderated by those who may publish the consultation, and cited once approved."""

import pytest
from django.core.exceptions import ValidationError

from contributions.blocks import ConsultationAnswerBlock
from contributions.factories import ConsultationAnswerFactory, ConsultationPageFactory
from contributions.models import AnswerStatus
from practices.models import HandbookChapterPage
from translators.models import LanguageRole
from website.demo.translation import translate


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


@pytest.fixture
def answers_in_languages(net, locales, django_capture_on_commit_callbacks):
    """A consultation of Palermo, translated into Italian, answered in Italian and in Greek."""
    consultation = ConsultationPageFactory(parent=net.page("partner"), title="Palermo plan")
    with django_capture_on_commit_callbacks(execute=True):
        translate(consultation, locales["it"], {})
    return {
        language: ConsultationAnswerFactory(
            consultation=consultation, language=language, text=f"An answer in {language}."
        )
        for language in ("it", "el")
    }


@pytest.fixture
def italian_reviewer(person):
    user = person("marco")
    user.groups.add(LanguageRole.objects.get(locale__language_code="it", role="reviewer").group)
    return user


def test_a_reviewer_moderates_the_answers_in_their_languages_only(
    client, answers_in_languages, italian_reviewer
):
    client.force_login(italian_reviewer)
    response = client.get("/admin/consultation-answers/")
    assert response.status_code == 200
    assert "An answer in it." in response.text
    assert "An answer in el." not in response.text


def test_a_reviewer_cannot_open_an_answer_in_another_language(
    client, answers_in_languages, italian_reviewer
):
    client.force_login(italian_reviewer)
    own = client.get(f"/admin/consultation-answers/edit/{answers_in_languages['it'].pk}/")
    assert own.status_code == 200
    other = client.get(f"/admin/consultation-answers/edit/{answers_in_languages['el'].pk}/")
    assert other.status_code in (302, 403, 404)
    assert "An answer in el." not in other.content.decode()
    client.post(
        f"/admin/consultation-answers/edit/{answers_in_languages['el'].pk}/",
        {"status": "approved"},
    )
    answers_in_languages["el"].refresh_from_db()
    assert answers_in_languages["el"].status == AnswerStatus.PENDING


def test_a_partner_moderator_moderates_answers_in_every_language(client, answers, person):
    answers["porto"].language = "el"
    answers["porto"].save()
    ConsultationAnswerFactory(
        consultation=answers["porto"].consultation, language="it", text="Porto in Italian."
    )
    client.force_login(person("mo", "City of Porto moderators"))
    body = client.get("/admin/consultation-answers/").content.decode()
    assert "Porto needs evening libraries." in body
    assert "Porto in Italian." in body
