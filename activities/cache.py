"""The catalogue version: every cached catalogue fragment is kept with it and
used only while it is current (connectapp.lib.fragments, one round trip).

Any change to an activity, its kinds, links or messages (an admin edit, an
import, a publish) bumps it once the change commits, so every app server
stops using the old fragments at once: they share the cache.
"""

import hashlib
from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import QueryDict
from django.utils.translation import get_language

from connectapp.lib.fragments import fragment_get, fragment_set, version_bump

VERSION_KEY = "activities:catalogue-version"
# Fragments expire on their own too, so an entry orphaned by a bump goes away.
FRAGMENT_SECONDS = 60 * 60


def catalogue_version_bump() -> None:
    version_bump(VERSION_KEY)


def part_key(name: str, query: QueryDict, *extra: str) -> str:
    """A cache key for one fragment: its name, the active language and the
    query string (in a fixed order), plus anything else it varies on."""
    items = sorted((key, value) for key in query for value in query.getlist(key))
    parts = [get_language() or "", repr(items), *extra]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"activities:{name}:{digest}"


def catalogue_fragment_get(key: str) -> tuple[str, Any]:
    """(the catalogue version, the fragment kept under `key` for it or None)."""
    return fragment_get(VERSION_KEY, key)


def catalogue_fragment_set(key: str, version: str, value: Any) -> None:
    fragment_set(key, version, value, FRAGMENT_SECONDS)


def _changed(**kwargs) -> None:
    transaction.on_commit(catalogue_version_bump)


def connect_signals() -> None:
    from .models import Activity, ActivityLink, ReadyMessage, Tag

    for model in (Activity, ActivityLink, ReadyMessage, Tag):
        post_save.connect(_changed, sender=model, dispatch_uid=f"catalogue-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"catalogue-del-{model.__name__}")
    m2m_changed.connect(_changed, sender=Activity.kinds.through, dispatch_uid="catalogue-kinds")
