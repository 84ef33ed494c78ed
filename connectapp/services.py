"""Work that spans apps, composed at the top: a member's data download, the
deletion of their account, and what follows when a clinician loses
verification.

Each app that keeps data about a member exposes it through two small
functions, `member_data_export(*, owner)` and `member_data_delete(*, owner)`,
and is listed once in MEMBER_DATA. A new app with member data is one line
there. See docs/architecture.md for which module may import which.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from allauth.usersessions.models import UserSession
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import router, transaction
from django.db.models.deletion import Collector
from django.http import HttpRequest

from accounts import services as accounts
from accounts.models import ClinicianProfile, User
from accounts.signals import clinician_unverified
from activities import services as activities
from worksheets import services as worksheets

security_log = logging.getLogger("connect.security")


@dataclass(frozen=True)
class MemberData:
    # The key of this app's part of the data download.
    key: str
    export: Callable[..., Any]
    # Erases what the account's cascade would not, or must not, erase
    # silently; runs before the account itself is deleted.
    delete: Callable[..., None]


MEMBER_DATA = [
    MemberData("activities", activities.member_data_export, activities.member_data_delete),
    MemberData("worksheets", worksheets.member_data_export, worksheets.member_data_delete),
]


def account_export(*, user: User) -> dict[str, Any]:
    """All of a member's data, as plain values, for the JSON download and the
    printable copy."""
    export = accounts.account_export(user=user)
    for app in MEMBER_DATA:
        export[app.key] = app.export(owner=user)
    return export


@transaction.atomic
def account_delete(*, user: User, request: HttpRequest | None = None) -> None:
    """Erase the account and everything in it, and end every session it has.

    Each app first does what deletion means for it (clinicians a member still
    shares with are told the sharing stopped, as when a member stops it by
    hand); then deleting the user erases the rest through cascading foreign
    keys, in one transaction."""
    user_id = user.pk
    # First, while everything the account holds is still there to find.
    admin_history_erase(user=user)
    for app in MEMBER_DATA:
        app.delete(owner=user, request=request)
    for session in UserSession.objects.filter(user=user):
        session.end()
    user.delete()
    security_log.info("account_deleted user=%s", user_id)


def admin_history_erase(*, user: User) -> int:
    """Remove the admin history (django.contrib.admin's LogEntry) of everything
    deleting `user` erases: the account, its clinician application and every
    record that goes with it. Each entry keeps the object's name as it was
    (a display name and profession, say), so it must not outlive the account.
    Entries where the user was the admin who acted go through the cascade
    (LogEntry.user). Returns how many entries went."""
    collector = Collector(using=router.db_for_write(User))
    collector.collect([user])
    pks_by_model: dict[type, set[Any]] = {}
    for model, instances in collector.data.items():
        pks_by_model.setdefault(model, set()).update(obj.pk for obj in instances)
    for queryset in collector.fast_deletes:
        pks_by_model.setdefault(queryset.model, set()).update(queryset.values_list("pk", flat=True))
    erased = 0
    for model, pks in pks_by_model.items():
        if model is LogEntry or not pks:
            continue
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        erased += LogEntry.objects.filter(
            content_type=content_type, object_id__in=[str(pk) for pk in pks]
        ).delete()[0]
    return erased


def _clinician_unverified(sender: Any, *, profile: ClinicianProfile, **kwargs: Any) -> int:
    """Every share with a clinician who lost verification ends."""
    return worksheets.shares_end_for_clinician(clinician=profile.user)


def connect_receivers() -> None:
    """Called once from `ConnectappConfig.ready`."""
    clinician_unverified.connect(_clinician_unverified, dispatch_uid="shares_end_for_clinician")
