"""The catalogue version: part of the key of every cached catalogue fragment.

Any change to an activity, its kinds, links or messages (an admin edit, an
import, a publish) bumps it once the change commits, so every app server
stops using the old fragments at once: they share the cache.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import QueryDict
from django.utils.translation import get_language

VERSION_KEY = "activities:catalogue-version"
# Fragments expire on their own too, so an entry orphaned by a bump goes away.
FRAGMENT_SECONDS = 60 * 60


def catalogue_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    return version


def catalogue_version_bump() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def fragment_key(name: str, query: QueryDict, *extra: str) -> str:
    """A cache key for one fragment: its name, the catalogue version, the active
    language and the query string (in a fixed order), plus anything else it varies on."""
    items = sorted((key, value) for key in query for value in query.getlist(key))
    parts = [catalogue_version(), get_language() or "", repr(items), *extra]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"activities:{name}:{digest}"


def _changed(**kwargs) -> None:
    transaction.on_commit(catalogue_version_bump)


def connect_signals() -> None:
    from .models import Activity, ActivityLink, ReadyMessage, Tag

    for model in (Activity, ActivityLink, ReadyMessage, Tag):
        post_save.connect(_changed, sender=model, dispatch_uid=f"catalogue-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"catalogue-del-{model.__name__}")
    m2m_changed.connect(_changed, sender=Activity.kinds.through, dispatch_uid="catalogue-kinds")
