"""The translation queue through the life of a page."""

import pytest
from wagtail.models import Workflow
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from practices.factories import PracticePageFactory
from translators import queue
from translators.models import TranslationTask
from website.demo.translation import translate

State = TranslationTask.State


def translate_all(page, locale):
    """Translate every text of ``page``, as a translator finishing the job would."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    texts = [
        StringValue(segment.string.data).render_text().strip()
        for segment in StringSegment.objects.filter(source=source).select_related("string")
    ]
    translate(page, locale, {text: f"{locale.language_code}: {text}" for text in texts})


def state(page, language):
    queue.refresh([page.translation_key])
    return TranslationTask.objects.get(
        translation_key=page.translation_key, locale__language_code=language
    )


@pytest.fixture
def practice(net):
    return PracticePageFactory(parent=net.page("partner"), title="Language cafés", slug="cafes")


def test_a_new_page_is_missing_in_every_other_language(practice):
    assert state(practice, "it").state == State.MISSING
    assert state(practice, "el").state == State.MISSING
    assert not TranslationTask.objects.filter(
        translation_key=practice.translation_key, locale__language_code="en"
    ).exists()


def test_task_names_the_partner_type_and_last_source_change(practice, net):
    task = state(practice, "it")
    assert task.partner == net.page("partner")
    assert task.content_type.model == "practicepage"
    assert task.source_changed_at == practice.last_published_at


def test_a_started_translation_is_in_progress_with_its_share_done(
    practice, locales, django_capture_on_commit_callbacks
):
    source, _created = TranslationSource.get_or_create_from_instance(practice)
    translation = Translation.objects.create(source=source, target_locale=locales["it"])
    segment = StringSegment.objects.filter(source=source, context__path="title").get()
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locales["it"],
        context=segment.context,
        data="Caffè linguistici",
        translation_type="manual",
    )
    task = state(practice, "it")
    total = StringSegment.objects.filter(source=source).count()
    assert task.state == State.IN_PROGRESS
    assert task.progress == round(100 / total)
    assert task.translation == translation


def test_a_complete_translation_is_done(practice, locales, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate_all(practice, locales["it"])
    assert state(practice, "it").state == State.DONE


def test_publishing_the_source_again_makes_translations_outdated(
    practice, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_all(practice, locales["it"])
    practice.summary = "A new summary."
    practice.save_revision().publish()
    assert state(practice, "it").state == State.OUTDATED


def test_updating_an_outdated_translation_makes_it_done_again(
    practice, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_all(practice, locales["it"])
    practice.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(practice)
    with django_capture_on_commit_callbacks(execute=True):
        source.update_from_db()
        Translation.objects.get(source=source, target_locale=locales["it"]).save_target()
    assert state(practice, "it").state == State.DONE


def test_a_translation_under_review_awaits_review(
    practice, locales, italian_translator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_all(practice, locales["it"])
    target = practice.get_translation(locales["it"])
    workflow = Workflow.objects.get(name="Translation review (Italian)")
    workflow.start(target, italian_translator)
    assert state(practice, "it").state == State.AWAITING_REVIEW


def test_saving_a_translation_refreshes_the_queue_by_itself(
    net, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        practice = PracticePageFactory(parent=net.page("partner"), slug="by-itself")
        translate_all(practice, locales["ar"])
    task = TranslationTask.objects.get(
        translation_key=practice.translation_key, locale__language_code="ar"
    )
    assert task.state == State.DONE


def test_snippets_are_in_the_queue_too(net):
    queue.refresh()
    themes = TranslationTask.objects.filter(content_type__model="theme", locale__language_code="el")
    assert themes.get().state == State.MISSING
    assert (
        TranslationTask.objects.get(content_type__model="theme", locale__language_code="it").state
        == State.DONE
    )


def test_refreshing_everything_reads_with_the_same_queries_for_10_and_40_pages(net):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(10):
        PracticePageFactory(parent=net.page("partner"))
    with CaptureQueriesContext(connection) as ten:
        queue.refresh()
    for _ in range(30):
        PracticePageFactory(parent=net.page("partner"))
    with CaptureQueriesContext(connection) as forty:
        queue.refresh()

    def reads(context):
        return [query for query in context.captured_queries if query["sql"].startswith("SELECT")]

    assert len(reads(forty)) == len(reads(ten))
