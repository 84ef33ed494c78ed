"""Rendered fragments kept in the shared cache, checked against a version in
the same round trip.

A fragment is stored as (version, value) under a key that leaves the version
out, so one `get_many` fetches both the current version and the fragment: a
fragment stored under an older version is simply a miss. Bumping the version
(on any change to the data behind the fragments) makes every app server stop
using the old ones at once, since they share the cache.
"""

import uuid
from typing import Any

from django.core.cache import cache


def version_get(version_key: str) -> str:
    """The current version, made up on first use."""
    version = cache.get(version_key)
    return version if version is not None else _version_start(version_key)


def _version_start(version_key: str) -> str:
    version = uuid.uuid4().hex
    if not cache.add(version_key, version, timeout=None):
        version = cache.get(version_key, version)
    return version


def fragment_get(version_key: str, key: str) -> tuple[str, Any]:
    """(the current version, the fragment kept under it or None)."""
    found = cache.get_many([version_key, key])
    version = found.get(version_key)
    if version is None:
        version = _version_start(version_key)
    entry = found.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == version:
        return version, entry[1]
    return version, None


def fragment_set(key: str, version: str, value: Any, timeout: int) -> None:
    cache.set(key, (version, value), timeout)


def version_bump(version_key: str) -> None:
    cache.set(version_key, uuid.uuid4().hex, timeout=None)
