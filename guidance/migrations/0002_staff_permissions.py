"""Staff roles for the advice words and references: editors change words and add or change
references; managers may also delete references. Nobody adds or deletes advice in the admin: the
rules name each piece, so each comes with a release."""

from django.db import migrations

ROLES = {
    "Content editor": {
        "advice": ["change", "view"],
        "reference": ["add", "change", "view"],
        "historicaladvice": ["view"],
        "historicalreference": ["view"],
    },
    "Content manager": {
        "advice": ["change", "view"],
        "reference": ["add", "change", "delete", "view"],
        "historicaladvice": ["view", "change"],
        "historicalreference": ["view", "change"],
    },
}


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the roles can use them.
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("guidance")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_{model}" for model, actions in grants.items() for action in actions]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="guidance", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="guidance"))


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0001_advice_and_references"),
        ("routes", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
