"""Remember what content each release shipped, so a later release can correct words staff left
alone. A site that already has content was loaded from the release of 28 November 2026: that
release's content.json is its baseline."""

import json
from pathlib import Path

from django.db import migrations, models

BASELINE = Path(__file__).resolve().parent / "shipped" / "content-2026-11-28.json"


def record_baseline(apps, schema_editor):
    if not apps.get_model("routes", "Route").objects.exists():
        return  # An empty site: load_initial_content records what it loads.
    apps.get_model("routes", "ShippedContent").objects.create(
        fixture="content.json", rows=json.loads(BASELINE.read_text())
    )


class Migration(migrations.Migration):
    dependencies = [
        ("routes", "0005_review_notes_and_contact_checked"),
    ]

    operations = [
        migrations.CreateModel(
            name="ShippedContent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "fixture",
                    models.CharField(
                        help_text="The fixture file's name.", max_length=100, unique=True
                    ),
                ),
                (
                    "rows",
                    models.JSONField(help_text="The fixture's rows as that release shipped them."),
                ),
            ],
            options={
                "verbose_name": "shipped content",
                "verbose_name_plural": "shipped content",
            },
        ),
        migrations.RunPython(record_baseline, migrations.RunPython.noop),
    ]
