from django.db import migrations

MODELS = {"registration": "registration", "participationfigures": "participation figures"}
ACTIONS = ["add", "change", "delete", "view"]


def forwards(apps, schema_editor):
    """Coordinators (the Moderators group) run registrations, figures and the programme report."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, label in MODELS.items():
        content_type, _created = ContentType.objects.get_or_create(app_label="events", model=model)
        for action in ACTIONS:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {label}"},
            )
            for group in Group.objects.filter(name="Moderators"):
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_registration_calendar_participation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
