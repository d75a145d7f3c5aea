"""Translations go live only when a reviewer of their language approves them."""

import pytest
from django.core import mail
from wagtail.models import WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from practices.factories import PracticePageFactory
from translators import queue
from translators.models import TranslationTask


@pytest.fixture
def started(client, net, italian_translator, locales, django_capture_on_commit_callbacks):
    """A practice whose Italian translation a translator has started and written."""
    page = PracticePageFactory(parent=net.page("partner"), title="Language cafés", slug="cafes")
    queue.refresh([page.translation_key])
    task = TranslationTask.objects.get(translation_key=page.translation_key, locale=locales["it"])
    client.force_login(italian_translator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/translation-tasks/{task.pk}/start/")
    source = TranslationSource.objects.get_for_instance(page)
    segment = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locales["it"],
        context=segment.context,
        data="Caffè linguistici",
        translation_type="manual",
    )
    queue.refresh([page.translation_key])
    task.refresh_from_db()
    return page, task


def test_translator_submits_and_the_translation_awaits_review(
    client, started, locales, italian_reviewer, django_capture_on_commit_callbacks
):
    page, task = started
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/translation-tasks/{task.pk}/submit/")
    assert response.status_code == 302
    target = page.get_translation(locales["it"])
    assert target.workflow_in_progress
    assert not target.live  # not live before a reviewer approves
    queue.refresh([page.translation_key])
    task.refresh_from_db()
    assert task.state == TranslationTask.State.AWAITING_REVIEW


def test_reviewers_of_the_language_are_told(
    client, started, italian_reviewer, django_capture_on_commit_callbacks
):
    page, task = started
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/translation-tasks/{task.pk}/submit/")
    assert any(italian_reviewer.email in message.to for message in mail.outbox)


def test_reviewer_approves_and_the_translation_goes_live(
    client, started, locales, italian_reviewer, django_capture_on_commit_callbacks
):
    page, task = started
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/translation-tasks/{task.pk}/submit/")
    target = page.get_translation(locales["it"])
    task_state = WorkflowState.objects.get(object_id=str(target.pk)).current_task_state
    client.force_login(italian_reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{target.pk}/approve/{task_state.pk}/",
            {"comment": "Bene così."},
        )
    assert response.status_code in (200, 302)
    target.refresh_from_db()
    assert target.live
    assert target.title == "Caffè linguistici"


def test_reviewer_of_another_language_cannot_approve(
    client, started, django_user_model, locales, django_capture_on_commit_callbacks
):
    from .conftest import member

    page, task = started
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/translation-tasks/{task.pk}/submit/")
    target = page.get_translation(locales["it"])
    task_state = WorkflowState.objects.get(object_id=str(target.pk)).current_task_state
    arabic_reviewer = member(django_user_model, "samir", ("ar", "reviewer"))
    client.force_login(arabic_reviewer)
    client.post(f"/admin/pages/workflow/action/{target.pk}/approve/{task_state.pk}/")
    target.refresh_from_db()
    assert not target.live


def test_source_moderation_and_translation_review_do_not_block_each_other(
    client, started, net, locales, django_capture_on_commit_callbacks
):
    page, task = started
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/translation-tasks/{task.pk}/submit/")
    page.title = "Language cafés in libraries"
    page.save_revision().publish()  # the source moves on while its translation is reviewed
    assert page.get_translation(locales["it"]).workflow_in_progress
