"""Group permissions granted by data migrations."""


def grant(apps, group_name, app_label, actions_by_model):
    """Give the group ``group_name`` each ``<action>_<model>`` permission of ``app_label``.

    Takes the migration's ``apps``; permissions and content types that do not
    exist yet (they are made after the first migrate) are created.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    groups = list(Group.objects.filter(name=group_name))
    for model, (label, actions) in actions_by_model.items():
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {label}"},
            )
            for group in groups:
                group.permissions.add(permission)
