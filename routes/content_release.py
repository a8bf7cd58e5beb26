"""What a release's corrected content changes on a site that already has content.

Plain Python, no Django. Three views of each item, each a fixture row's fields:
- shipped: what the previous release gave this site,
- release: what this release ships,
- live: what the site holds now (staff may have edited it).

A field takes the release's words only where staff left the shipped words alone; a field staff
edited keeps their edit and is reported, so a correction reaches every site and no edit is lost.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

Key = tuple[str, object]  # (model label, primary key)
Fields = Mapping[str, object]

# Fields a save sets by itself: comparing them would see an edit in every save.
NOT_COMPARED = frozenset({"updated_at", "review_due"})
# What a field holds before anyone has written in it (a field new in this release).
UNWRITTEN = (None, "", [])
# Staff re-reviewing an item is not an edit worth reporting when the release's date differs.
NOT_REPORTED = frozenset({"last_reviewed"})


@dataclass
class ReleasePlan:
    """What to do, item by item, to bring a site's content up to a release."""

    create: list[Key] = field(default_factory=list)
    update: dict[Key, dict[str, object]] = field(default_factory=dict)
    delete: list[Key] = field(default_factory=list)
    # Items where the release changed words that staff had also changed: their edit stays.
    kept_edits: dict[Key, list[str]] = field(default_factory=dict)

    def __bool__(self):
        return bool(self.create or self.update or self.delete or self.kept_edits)


def _same(live: Fields, shipped: Fields) -> bool:
    return all(
        live.get(name) == value for name, value in shipped.items() if name not in NOT_COMPARED
    )


def release_plan(
    shipped: Mapping[Key, Fields],
    release: Iterable[tuple[Key, Fields]],
    live: Mapping[Key, Fields],
) -> ReleasePlan:
    """Compare the three views and say what to create, update, delete and leave as staff wrote it.

    An item the release adds is created. An item staff deleted stays deleted. An item the release
    drops is deleted only if staff never changed it.
    """
    plan = ReleasePlan()
    released = set()
    for key, new in release:
        released.add(key)
        old = shipped.get(key)
        now = live.get(key)
        if old is None:
            if now is None or not _same(now, new):
                plan.create.append(key)
            continue
        if now is None:
            continue
        for name, value in new.items():
            if name in NOT_COMPARED or now.get(name) == value:
                continue
            untouched = now.get(name) == old[name] if name in old else now.get(name) in UNWRITTEN
            if untouched:
                plan.update.setdefault(key, {})[name] = value
            elif name not in NOT_REPORTED and (name not in old or old[name] != value):
                plan.kept_edits.setdefault(key, []).append(name)
    for key, old in shipped.items():
        if key in released or key not in live:
            continue
        if _same(live[key], old):
            plan.delete.append(key)
        else:
            plan.kept_edits.setdefault(key, []).append("(the release removes this item)")
    return plan
