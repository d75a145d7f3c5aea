from django.db import migrations

from website.permissions import grant

ACTIONS = ["add", "change", "delete", "view"]


def forwards(apps, schema_editor):
    """Coordinators (the Moderators group) run registrations, figures and the programme report."""
    grant(
        apps,
        "Moderators",
        "events",
        {
            "registration": ("registration", ACTIONS),
            "participationfigures": ("participation figures", ACTIONS),
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_registration_calendar_participation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
