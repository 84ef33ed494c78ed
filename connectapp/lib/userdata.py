"""Per-person data versions: part of the key of every cached fragment that
shows someone's own data (their progress, their plans) or what others share
with them (a clinician's dashboard).

Saving or deleting a row that belongs to a person bumps their version once the
change commits. The cache is shared, so every app server stops using the old
fragments at once, and an old fragment can never be found again: its key
names a version that is gone. Read the version *before* the data a fragment
shows, so that a change committed in between leaves the fragment under the old
version rather than stale under the new one.
"""

import hashlib
import uuid
from collections.abc import Iterable

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language

PREFIX = "userdata:"
# Fragments expire on their own too, so one orphaned by a bump goes away.
FRAGMENT_SECONDS = 60 * 60


def versions(*keys: str) -> list[str]:
    """The current value of each version key, in one round trip to the cache;
    a missing one starts as a new random value."""
    found = cache.get_many(keys)
    for key in set(keys) - found.keys():
        version = uuid.uuid4().hex
        found[key] = version if cache.add(key, version, timeout=None) else cache.get(key, version)
    return [found[key] for key in keys]


def version_key(user_id: int) -> str:
    return f"{PREFIX}{user_id}"


def data_versions(user_ids: Iterable[int]) -> dict[int, str]:
    """Each person's current version, in one round trip to the cache."""
    user_ids = list(user_ids)
    return dict(zip(user_ids, versions(*map(version_key, user_ids)), strict=True))


def data_changed(*user_ids: int | None) -> None:
    """Bump these people's versions now, so this request's next page shows the
    change, and again when the transaction commits, so that a fragment another
    request rendered from the data before the commit is never found again."""
    ids = {pk for pk in user_ids if pk}
    if ids:
        _bump(ids)
        transaction.on_commit(lambda: _bump(ids))


def _bump(user_ids: set[int]) -> None:
    cache.set_many({version_key(pk): uuid.uuid4().hex for pk in user_ids}, timeout=None)


def track(model: type[models.Model], *fields: str) -> None:
    """Bump the people that `fields` (for example "owner_id") of `model` name
    whenever one of its rows is saved or deleted."""

    def changed(sender, instance, **kwargs) -> None:
        data_changed(*(getattr(instance, field, None) for field in fields))

    uid = f"userdata-{model._meta.label}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-delete")


def track_m2m(through: type[models.Model], parent_fields: tuple[str, ...]) -> None:
    """Bump the people that `parent_fields` of the changed parent row name when
    a many-to-many set changes (for example the worksheets a share covers)."""

    def changed(sender, instance, action, **kwargs) -> None:
        if action.startswith("post_"):
            data_changed(*(getattr(instance, field, None) for field in parent_fields))

    m2m_changed.connect(changed, sender=through, weak=False, dispatch_uid=f"userdata-{through}")


def fragment_key(name: str, *parts: str) -> str:
    """A cache key for one person's fragment: its name and `parts` (versions,
    a page number...), plus the active language and time zone, which change
    how dates and words render."""
    all_parts = [*parts, get_language() or "", timezone.get_current_timezone_name()]
    digest = hashlib.sha256("\x1f".join(all_parts).encode()).hexdigest()
    return f"fragment:{name}:{digest}"
