"""Per-person data versions: part of the key of every cached fragment that
shows someone's own data (their progress, their plans) or what others share
with them (a clinician's dashboard).

Saving or deleting a row that belongs to a person bumps their version, at once
and again when the change commits. It bumps the "viewed" version of everyone
who sees that person's data on their own pages too (`viewers_of`: the
clinicians a member shares with), so such a page checks one version, not one
per person it shows. A fragment is stored stamped with the
versions it depends on, read in the same round trip as the fragment and
*before* its data, and is used only while they are all current. The cache is
shared, so every app server stops using an old fragment at once, and a change
committed while a fragment was being rendered leaves it stamped with the old
version, so it is never used.
"""

import functools
import hashlib
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from .fragments import code_version, version_start

PREFIX = "userdata:"
T = TypeVar("T")
# Fragments expire on their own too, so one orphaned by a bump goes away.
FRAGMENT_SECONDS = 60 * 60


def _filled(keys: Sequence[str], found: dict[str, str]) -> list[str]:
    for key in set(keys) - found.keys():
        found[key] = version_start(key)
    return [found[key] for key in keys]


def version_key(user_id: int) -> str:
    return f"{PREFIX}{user_id}"


def viewed_key(viewer_id: int) -> str:
    """The version of what others show this person: bumped whenever the data
    of someone they see (`viewers_of`) changes."""
    return f"{PREFIX}viewed:{viewer_id}"


# Each finds who, besides themselves, sees the data of some people.
_viewer_finders: list[Callable[[set[int]], Iterable[int | None]]] = []


def viewers_of(find: Callable[[set[int]], Iterable[int | None]]) -> None:
    """Register `find(user_ids)`: the people who see those people's data on
    their own pages (for example the clinicians they share with now). Their
    viewed versions are bumped with every change of those people's data."""
    if find not in _viewer_finders:
        _viewer_finders.append(find)


def data_changed(*user_ids: int | None) -> None:
    """Bump these people's versions now, so this request's next page shows the
    change, and again when the transaction commits, so that a fragment another
    request rendered from the data before the commit is never found again."""
    ids = {pk for pk in user_ids if pk}
    if ids:
        _bump(ids)
        transaction.on_commit(lambda: _bump(ids))


def _bump(user_ids: set[int]) -> None:
    keys = [version_key(pk) for pk in user_ids]
    for find in _viewer_finders:
        keys += [viewed_key(pk) for pk in set(find(user_ids)) if pk]
    cache.set_many({key: uuid.uuid4().hex for key in keys}, timeout=None)


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


@dataclass(frozen=True)
class Fragment:
    """One person's cached fragment: `html` is what the cache holds if it was
    rendered at the current `stamp` (the versions it depends on), else None.
    `data` is what the page needs besides (see `fragment`), kept with it."""

    key: str
    stamp: tuple[str, ...]
    html: str | None
    data: Any = None

    def store(self, html: str) -> None:
        cache.set(self.key, (self.stamp, html, self.data), FRAGMENT_SECONDS)


def fragment(
    name: str,
    viewer_id: int,
    *,
    key_parts: Iterable[str] = (),
    version_keys: Iterable[str] = (),
    stamp_parts: Iterable[str] = (),
    data: Callable[[], Any] | None = None,
    fresh: Callable[[Any], bool] | None = None,
) -> Fragment:
    """The viewer's fragment `name`, looked up with every version it depends
    on in one round trip: the viewer's and `version_keys` (such as the
    catalogue's, or the viewer's `viewed_key`). The key holds the viewer, the
    active language and time zone (they change how dates and words render),
    `key_parts` and the release (`code_version`); the stamp holds the versions
    and `stamp_parts`.

    With `data`, the page's other needs (`data()`, worked out after the
    versions are read) are kept with the fragment and come back with it while
    it holds; `fresh(data)` can end it sooner, for what time alone changes."""
    parts = [
        str(viewer_id),
        *key_parts,
        get_language() or "",
        timezone.get_current_timezone_name(),
        code_version(),
    ]
    key = f"fragment:{name}:{hashlib.sha256(chr(31).join(parts).encode()).hexdigest()}"
    keys = [version_key(viewer_id), *version_keys]
    found = cache.get_many([*keys, key])
    cached = found.pop(key, None)
    stamp = (*_filled(keys, found), *stamp_parts)
    if cached is not None and cached[0] == stamp and (fresh is None or fresh(cached[2])):
        return Fragment(key=key, stamp=stamp, html=cached[1], data=cached[2])
    return Fragment(key=key, stamp=stamp, html=None, data=data() if data else None)


def lazy_context(build: Callable[[], dict], names: Iterable[str]) -> dict[str, SimpleLazyObject]:
    """A template context whose values `build` works out only when the
    template first reads one of them: on a cached fragment, never."""
    built = functools.cache(build)
    return {name: SimpleLazyObject(lambda name=name: built()[name]) for name in names}


def stamped(
    name: str,
    user_id: int,
    build: Callable[[], T],
    *,
    fresh: Callable[[T], bool] | None = None,
    seconds: int = FRAGMENT_SECONDS,
) -> T:
    """`build()`'s value for this person, kept in the cache while their data
    version holds (and, with `fresh`, while `fresh(value)` says it still
    holds, for what time alone can change): one round trip to the cache
    instead of `build`'s queries. A new release never reads an older one's.
    It is kept for at most `seconds`."""
    key, vkey = f"stamped:{name}:{user_id}:{code_version()}", version_key(user_id)
    found = cache.get_many([vkey, key])
    cached = found.pop(key, None)
    (version,) = _filled([vkey], found)
    if cached is not None and cached[0] == version and (fresh is None or fresh(cached[1])):
        return cached[1]
    value = build()
    cache.set(key, (version, value), seconds)
    return value
