"""The permission to reset a colleague's second factor, given to content managers."""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def grant_to_content_managers(apps, schema_editor):
    app_config = apps.get_app_config("staff_signin")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="staff_signin", codename="reset_second_factor"
    )
    Group.objects.get(name="Content manager").permissions.add(permission)


def take_back(apps, schema_editor):
    apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="staff_signin", codename="reset_second_factor"
    ).delete()


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("routes", "0002_staff_groups"),
    ]

    operations = [
        migrations.CreateModel(
            name="SecondFactor",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
            ],
            options={
                "managed": False,
                "default_permissions": (),
                "permissions": [("reset_second_factor", "Can reset a colleague's second factor")],
            },
        ),
        migrations.RunPython(grant_to_content_managers, take_back),
    ]
