"""Consultations: answers in any language, shown once moderated, counted when closed."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from contributions.factories import ConsultationAnswerFactory, ConsultationPageFactory
from contributions.models import AnswerStatus, ConsultationAnswer, ConsultationPage
from partners.models import PartnerPage
from website.demo.translation import translate
from website.models import HomePage

from .conftest import started_a_minute_ago


@pytest.fixture
def consultation(net):
    return ConsultationPageFactory(
        parent=net.page("home"), title="The local action plan", slug="action-plan"
    )


def answer_data(**overrides):
    data = {
        "text": "Open the libraries in the evening.",
        "language": "it",
        "country": "IT",
        "name": "Ada Rossi",
        "organisation": "",
        "email": "ada@example.org",
        "consent": "on",
        "website": "",
        "started": started_a_minute_ago(),
    }
    data.update(overrides)
    return data


def test_consultations_live_under_the_network_and_under_partners():
    case = WagtailPageTestCase()
    case.assertAllowedParentPageTypes(ConsultationPage, {HomePage, PartnerPage})


def test_an_answer_waits_for_moderation_before_it_shows(client, consultation):
    response = client.post(consultation.url, answer_data())
    assert response.status_code == 302
    answer = ConsultationAnswer.objects.get()
    assert answer.status == AnswerStatus.PENDING
    page = client.get(consultation.url + "?sent=1").content.decode()
    assert "will appear here once a moderator has read it" in page
    assert "Open the libraries in the evening." not in page


def test_an_approved_answer_shows_without_its_authors_contact(client, consultation):
    ConsultationAnswerFactory(
        consultation=consultation, text="Open the libraries.", status=AnswerStatus.APPROVED
    )
    ConsultationAnswerFactory(
        consultation=consultation, text="A rejected rant.", status=AnswerStatus.REJECTED
    )
    page = client.get(consultation.url).content.decode()
    assert "Open the libraries." in page
    assert "A rejected rant." not in page
    assert "Ada Rossi" not in page and "@example.org" not in page


def test_answers_given_in_any_language_show_on_every_translation(
    client, consultation, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        italian = translate(consultation, locales["it"], {"The local action plan": "Il piano"})
    ConsultationAnswerFactory(
        consultation=italian, text="Biblioteche aperte.", status=AnswerStatus.APPROVED
    )
    assert "Biblioteche aperte." in client.get(consultation.url).content.decode()


def test_an_invalid_answer_is_refused_and_kept(client, consultation):
    response = client.post(consultation.url, answer_data(email="nope", country="XX"))
    assert response.status_code == 400
    assert "Open the libraries in the evening." in response.content.decode()
    assert not ConsultationAnswer.objects.exists()


def test_answers_are_not_accepted_once_closed(client, consultation):
    consultation.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    consultation.save_revision().publish()
    response = client.post(consultation.url, answer_data())
    assert response.status_code == 403
    assert not ConsultationAnswer.objects.exists()


def test_closing_shows_the_summary_and_the_counts_by_country_and_language(client, consultation):
    consultation.closes_at = timezone.now() - datetime.timedelta(days=1)
    consultation.answers_summary = "<p>Most people asked for longer opening hours.</p>"
    consultation.save_revision().publish()
    for language, country, status in [
        ("it", "IT", AnswerStatus.APPROVED),
        ("it", "IT", AnswerStatus.PENDING),
        ("ar", "", AnswerStatus.APPROVED),
        ("el", "GR", AnswerStatus.REJECTED),
    ]:
        ConsultationAnswerFactory(
            consultation=consultation, language=language, country=country, status=status
        )
    counts = consultation.counts()
    assert counts["total"] == 3
    assert counts["languages"] == [("Italian", 2), ("Arabic", 1)]
    assert counts["countries"] == [("Italy", 2), (None, 1)]
    page = client.get(consultation.url).content.decode()
    assert "Most people asked for longer opening hours." in page
    assert "3 contributions received." in page
    assert '<th scope="row">Italy</th><td>2</td>' in page
    assert "<form" not in page.split("<main")[1]


def test_the_summary_stays_hidden_while_the_consultation_is_open(client, consultation):
    consultation.answers_summary = "<p>Secret draft summary.</p>"
    consultation.save_revision().publish()
    assert "Secret draft summary." not in client.get(consultation.url).content.decode()


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("answers", [2, 12])
def test_consultation_page_renders_with_queries_that_do_not_grow(
    client,
    consultation,
    locales,
    language,
    answers,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    with django_capture_on_commit_callbacks(execute=True):
        page = translate(consultation, locales["ar"], {"The local action plan": "خطة العمل"})
    page = consultation if language == "en" else page
    ConsultationAnswerFactory.create_batch(
        answers, consultation=consultation, status=AnswerStatus.APPROVED
    )
    client.get(page.url)
    with django_assert_max_num_queries(14):
        response = client.get(page.url)
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode() if language == "ar" else True


def test_a_coordinator_creates_a_consultation_in_the_admin(net, django_user_model):
    case = WagtailPageTestCase()
    case.client = Client(HTTP_HOST="localhost")
    case.client.force_login(django_user_model.objects.create_superuser("root", "r@x.org", "x"))
    case.assertCanCreate(
        net.page("home"),
        ConsultationPage,
        nested_form_data(
            {
                "title": "Draft chapter on schools",
                "slug": "draft-chapter-schools",
                "question": "What helps pupils who arrive mid-year?",
                "opens_at": "2026-01-01 09:00",
                "closes_at": "2026-02-01 18:00",
                "intro": "",
                "body": streamfield([]),
                "answers_summary": rich_text(""),
            }
        ),
    )


def test_the_chapter_editor_offers_the_consultation_answer_block(net, client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "r@x.org", "x"))
    response = client.get(f"/admin/pages/{net.page('chapter').pk}/edit/")
    assert response.status_code == 200
    assert "consultation_answer" in response.content.decode()
