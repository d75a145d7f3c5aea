from django.db import migrations

# Coordinators run the network: they may edit the main and footer menus of every
# site, the network's and the partners' microsites alike.
MENUS = {"mainmenu": ["change", "view"], "flatmenu": ["add", "change", "delete", "view"]}


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, actions in MENUS.items():
        content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailmenus", model=model
        )
        for action in actions:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            for group in Group.objects.filter(name="Moderators"):
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailmenus", "0023_remove_use_specific"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
