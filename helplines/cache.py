"""The helplines version: part of every cached finder fragment's check.

Any change to a support line (an admin edit, an import, a line marked
closed) bumps it once the change commits, so every app server stops showing
the old lists at once.
"""

import hashlib

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from connectapp.lib.fragments import version_bump

VERSION_KEY = "helplines:version"
# "Open now" changes by the minute at most, and each fragment is keyed by its
# minute, so a fragment is of no use for longer than that.
FRAGMENT_SECONDS = 120


def finder_key(state_code: str, language: str, minute: str) -> str:
    digest = hashlib.sha256(f"{state_code}\x1f{language}\x1f{minute}".encode()).hexdigest()
    return f"helplines:finder:{digest}"


def helplines_version_bump() -> None:
    version_bump(VERSION_KEY)


def helplines_changed(**kwargs) -> None:
    transaction.on_commit(helplines_version_bump)


def connect_signals() -> None:
    from .models import SupportLine

    post_save.connect(helplines_changed, sender=SupportLine, dispatch_uid="helplines-save")
    post_delete.connect(helplines_changed, sender=SupportLine, dispatch_uid="helplines-delete")
