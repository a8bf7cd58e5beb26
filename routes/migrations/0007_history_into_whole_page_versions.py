"""Move every version kept by django-simple-history into django-reversion, as whole pages.

simple-history kept one history per table: a route's own fields, each step, each organisation link.
Reversion keeps a page: each version of a route holds the route with the steps and links it had
then. So every save recorded for a route, one of its steps or one of its links becomes a version of
the route holding the whole page as it was just after that save (an organisation likewise with its
links, a Code paragraph on its own). Rows written by one save (the route, then its steps) are a few
milliseconds apart: rows by the same person within SAME_SAVE of each other are one version.
No version is lost: every recorded save of a page is a version of it, with who and when.
"""

import json
from collections import defaultdict
from datetime import timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations

SAME_SAVE = timedelta(seconds=5)

# Each page, and the rows on it: (model, the field that names the page).
PAGES = {
    "Route": [("Step", "route_id"), ("RouteOrganisation", "route_id")],
    "Organisation": [("RouteOrganisation", "organisation_id")],
    "CodeParagraph": [],
}
# A reason the old admin recorded that says nothing to a person.
NOT_A_REASON = {"Changed steps or links"}


def _key(record):
    return (record.history_date, record.history_id)


def _latest_by_id(records, until):
    """The newest record of each row at the time `until`, leaving out rows deleted by then."""
    latest = {}
    for record in records:
        if _key(record) <= until:
            latest[record.id] = record
    return [record for record in latest.values() if record.history_type != "-"]


def _saves(records):
    """Records grouped into saves: the same person within SAME_SAVE of the save's last record."""
    saves = []
    for record in sorted(records, key=_key):
        last = saves[-1][-1] if saves else None
        if (
            last is not None
            and record.history_user_id == last.history_user_id
            and record.history_date - last.history_date <= SAME_SAVE
        ):
            saves[-1].append(record)
        else:
            saves.append([record])
    return saves


class Writer:
    """Writes reversion revisions and versions from historical rows."""

    def __init__(self, apps, db):
        self.apps = apps
        self.db = db
        self.Revision = apps.get_model("reversion", "Revision")
        self.Version = apps.get_model("reversion", "Version")
        content_types = apps.get_model("contenttypes", "ContentType")
        self.content_type = {
            name: content_types.objects.db_manager(db).get_or_create(
                app_label="routes", model=name.lower()
            )[0]
            for name in ("Route", "Step", "RouteOrganisation", "Organisation", "CodeParagraph")
        }
        self.citations = defaultdict(list)
        for row in apps.get_model("routes", "HistoricalRoute_citations").objects.using(db):
            self.citations[row.history_id].append(row.codeparagraph_id)
        self.names = {}

    def serialized(self, name, record):
        model = self.apps.get_model("routes", name)
        fields = {
            field.name: getattr(record, field.attname)
            for field in model._meta.concrete_fields
            if not field.primary_key
        }
        if name == "Route":
            fields["citations"] = sorted(self.citations[record.history_id])
        row = {"model": f"routes.{name.lower()}", "pk": record.id, "fields": fields}
        return json.dumps([row], cls=DjangoJSONEncoder)

    def describe(self, name, record):
        if name == "Organisation":
            return record.name
        if name == "CodeParagraph":
            reference = f"{record.start} to {record.end}" if record.end else record.start
            return f"{reference} {record.title}"
        if name == "RouteOrganisation":
            return f"{record.organisation_id} helps with {record.route_id}"
        return record.title

    def write(self, save, rows):
        """One revision: who and when from the save's records, a version of each row."""
        user = next((r.history_user_id for r in save if r.history_user_id), None)
        reasons = [
            r.history_change_reason
            for r in save
            if r.history_change_reason and r.history_change_reason not in NOT_A_REASON
        ]
        comment = "; ".join(dict.fromkeys(reasons))
        revision = self.Revision.objects.using(self.db).create(
            date_created=save[-1].history_date, user_id=user, comment=comment
        )
        self.Version.objects.using(self.db).bulk_create(
            self.Version(
                revision=revision,
                object_id=str(record.id),
                content_type=self.content_type[name],
                db=self.db,
                format="json",
                serialized_data=self.serialized(name, record),
                object_repr=self.describe(name, record),
            )
            for name, record in rows
        )


def history_into_versions(apps, schema_editor):
    db = schema_editor.connection.alias
    writer = Writer(apps, db)
    for page, parts in PAGES.items():
        own = defaultdict(list)
        for record in apps.get_model("routes", f"Historical{page}").objects.using(db):
            own[record.id].append(record)
        children = []
        for name, field in parts:
            by_page = defaultdict(list)
            for record in apps.get_model("routes", f"Historical{name}").objects.using(db):
                by_page[getattr(record, field)].append(record)
            children.append((name, by_page))
        for page_id, records in own.items():
            part_records = {name: by_page.get(page_id, []) for name, by_page in children}
            every = records + [r for rs in part_records.values() for r in rs]
            last_written = None
            for save in _saves(every):
                until = _key(save[-1])
                state = [r for r in records if _key(r) <= until]
                latest = max(state, key=_key) if state else None
                if latest is None or latest.history_type == "-":
                    continue  # not yet made, or deleted: its last version is already written
                rows = [(page, latest)]
                for name, rs in part_records.items():
                    rows += [(name, r) for r in _latest_by_id(sorted(rs, key=_key), until)]
                snapshot = [(name, r.history_id) for name, r in rows]
                if snapshot != last_written:
                    writer.write(save, rows)
                    last_written = snapshot


class Migration(migrations.Migration):
    dependencies = [
        ("routes", "0006_shipped_content"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(history_into_versions, migrations.RunPython.noop)]
