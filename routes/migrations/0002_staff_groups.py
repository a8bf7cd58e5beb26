"""The two staff roles: Content editor and Content manager."""

from django.db import migrations

CONTENT_MODELS = ["route", "step", "organisation", "codeparagraph", "routeorganisation"]
HISTORY_MODELS = [f"historical{name}" for name in CONTENT_MODELS] + ["historicalroute_citations"]

ROLES = {
    # Editors add and change content and see its history; they cannot delete or manage users.
    "Content editor": {
        **{model: ["add", "change", "view"] for model in CONTENT_MODELS},
        **{model: ["view"] for model in HISTORY_MODELS},
    },
    # Managers can do everything to content, including delete and bring deleted items back.
    "Content manager": {
        **{model: ["add", "change", "delete", "view"] for model in CONTENT_MODELS},
        **{model: ["view", "change"] for model in HISTORY_MODELS},
    },
}


def make_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the groups can use them.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_{model}" for model, actions in grants.items() for action in actions]
        permissions = Permission.objects.filter(
            content_type__app_label="routes", codename__in=codenames
        )
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("routes", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(make_groups, remove_groups)]
