from django.db import migrations


def grant(apps, schema_editor):
    """Wagtail's editors and moderators keep working in every language."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="translators", model="languagerole"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="edit_every_language",
        defaults={"name": "Can edit content in every language"},
    )
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("translators", "0001_language_roles"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
