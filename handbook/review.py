"""Writing together: the "Handbook chapter review" workflow and the chapter states it keeps."""

from django.contrib.auth.models import Group
from wagtail.models import (
    GroupApprovalTask,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from practices.models import ChapterStatus, HandbookChapterPage

WORKFLOW_NAME = "Handbook chapter review"
# The network's coordinators review chapters (the group partners' workflows also use).
REVIEWERS = "Moderators"


def review_workflow():
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name="Handbook chapter approval")
        task.groups.add(*Group.objects.filter(name=REVIEWERS))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def assign_review_workflow(handbook):
    """The source handbook's chapters go through the review workflow (translations have theirs)."""
    if handbook.locale_id != Locale.get_default().pk:
        return None
    workflow = review_workflow()
    WorkflowPage.objects.get_or_create(page=handbook, defaults={"workflow": workflow})
    return workflow


def set_status(workflow_state, status):
    # Workflow states point at the generic Page: the filter keeps chapters only.
    page = workflow_state.content_object
    if isinstance(page, Page):
        HandbookChapterPage.objects.filter(pk=page.pk).update(status=status)


def submitted(sender, instance, **kwargs):
    set_status(instance, ChapterStatus.IN_REVIEW)


def approved(sender, instance, **kwargs):
    set_status(instance, ChapterStatus.APPROVED)


def sent_back(sender, instance, **kwargs):
    set_status(instance, ChapterStatus.DRAFT)
