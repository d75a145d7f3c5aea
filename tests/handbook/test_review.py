"""Writing together: chapters go through the "Handbook chapter review" workflow."""

import pytest
from django.contrib.auth.models import Group

from handbook.review import WORKFLOW_NAME
from practices.models import ChapterStatus


@pytest.fixture
def coordinator(django_user_model):
    user = django_user_model.objects.create_user("coordinator", "c@example.org", "secret")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def author(django_user_model):
    return django_user_model.objects.create_superuser("author", "a@example.org", "secret")


def submit(chapter, user):
    chapter.title = "Understanding stigma, revised"
    chapter.save_revision(user=user)
    return chapter.get_workflow().start(chapter, user)


def status(chapter):
    chapter.refresh_from_db()
    return chapter.status


def test_chapters_of_the_handbook_go_through_the_chapter_review(net):
    assert net.page("handbook").get_workflow().name == WORKFLOW_NAME
    assert net.page("chapter").get_workflow().name == WORKFLOW_NAME


def test_submitted_chapter_is_in_review(net, author):
    chapter = net.page("chapter")
    submit(chapter, author)
    assert status(chapter) == ChapterStatus.IN_REVIEW


def test_chapter_approved_by_a_coordinator_is_approved_and_published(net, author, coordinator):
    chapter = net.page("chapter")
    chapter.status = ChapterStatus.DRAFT
    chapter.save()
    state = submit(chapter, author)
    state.current_task_state.approve(user=coordinator)
    assert status(chapter) == ChapterStatus.APPROVED
    assert chapter.live_revision.content["title"] == "Understanding stigma, revised"


def test_chapter_sent_back_by_a_coordinator_is_a_draft_again(net, author, coordinator):
    chapter = net.page("chapter")
    state = submit(chapter, author)
    state.current_task_state.reject(user=coordinator)
    assert status(chapter) == ChapterStatus.DRAFT


def test_state_shows_on_the_handbook_page_in_the_chapters_language(client, net, author):
    submit(net.page("chapter"), author)
    english = client.get(net.page("handbook").url).text
    arabic = client.get(net.page("handbook", "ar").url).text
    assert "status--in_review" in english
    assert "status--approved" in arabic
