"""Content editors may remove a step or an organisation link from a page: it is part of editing the
page, and the page's history brings it back. Deleting whole items stays with content managers."""

from django.db import migrations

CODENAMES = ["delete_step", "delete_routeorganisation"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="routes", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name="Content editor"):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="routes", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name="Content editor"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("routes", "0007_history_into_whole_page_versions")]

    operations = [migrations.RunPython(grant, revoke)]
