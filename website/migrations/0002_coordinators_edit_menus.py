from django.db import migrations

from website.permissions import grant


def forwards(apps, schema_editor):
    """Coordinators (the Moderators group) edit the main and footer menus of every
    site, the network's and the partners' microsites alike."""
    grant(
        apps,
        "Moderators",
        "wagtailmenus",
        {
            "mainmenu": ("main menu", ["change", "view"]),
            "flatmenu": ("flat menu", ["add", "change", "delete", "view"]),
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailmenus", "0023_remove_use_specific"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
