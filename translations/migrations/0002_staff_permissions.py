"""Content editors and managers check translations and see the report, as they edit content."""

from django.db import migrations

ROLES = {
    "Content editor": ["add", "change", "view"],
    "Content manager": ["add", "change", "delete", "view"],
}


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the groups can use them.
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("translations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_translationstatus" for action in actions]
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="translations", codename__in=codenames
            )
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="translations"))


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0001_initial"),
        ("routes", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
