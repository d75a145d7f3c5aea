from django.conf import settings
from django.db import migrations

PERMISSIONS = ["add_handbookedition", "change_handbookedition", "view_handbookedition"]


def forwards(apps, schema_editor):
    """Coordinators publish editions; handbooks that exist get the chapter review workflow."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="handbook", model="handbookedition"
    )
    for codename in PERMISSIONS:
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").replace("handbookedition", "handbook edition")},
        )
        for group in Group.objects.filter(name="Moderators"):
            group.permissions.add(permission)

    HandbookPage = apps.get_model("practices", "HandbookPage")
    handbooks = list(HandbookPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
    if not handbooks:
        return
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    workflow, _created = Workflow.objects.get_or_create(name="Handbook chapter review")
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name="Handbook chapter approval", content_type=task_type
        )
        task.groups.add(*Group.objects.filter(name="Moderators"))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for handbook in handbooks:
        WorkflowPage.objects.get_or_create(page_id=handbook.pk, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("handbook", "0001_book_files_and_editions"),
        ("wagtailcore", "0083_workflowcontenttype"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
