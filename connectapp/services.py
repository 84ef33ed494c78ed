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
from worksheets import registry
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


# A clinician's own work with members (shares received, comments written,
# worksheets read, activities recommended), by app, under "clinician_work".
CLINICIAN_DATA: list[Callable[..., dict[str, list[dict]]]] = [
    worksheets.clinician_data_export,
    activities.clinician_data_export,
]

# Where the data download holds each link to the user model, as
# "app_label.Model.field" -> the export's path to it ("activities.plans"; a
# path steps into every item of a list). tests/connectapp/test_export_coverage.py
# fails when a model links to the user and is in neither this table nor
# USER_LINKS_ELSEWHERE. Each worksheet kind's `owner` is added from the
# registry, under "worksheets.<export_key>".
USER_LINKS_EXPORTED: dict[str, str] = {
    "account.EmailAddress.user": "account.email_addresses",
    "usersessions.UserSession.user": "sign_in_sessions",
    "mfa.Authenticator.user": "two_factor_authentication",
    "accounts.ClinicianProfile.user": "clinician_profile",
    "activities.Plan.owner": "activities.plans",
    "activities.ActivityLog.owner": "activities.mood_logs",
    "activities.ActivityStart.owner": "activities.started_activities",
    "activities.Suggestion.owner": "activities.suggestions",
    "activities.Recommendation.owner": "activities.recommendations",
    "activities.Recommendation.clinician": "clinician_work.recommendations_made",
    "activities.ReminderSettings.owner": "activities.reminder_settings",
    "worksheets.SecurityCheck.owner": "worksheets.relationships.security_checks",
    "worksheets.TestDrive.owner": "worksheets.relationships.test_drives",
    "worksheets.UnsavedEdit.owner": "worksheets.unsaved_edits",
    "worksheets.Share.owner": "worksheets.shares",
    "worksheets.Share.clinician": "clinician_work.shares_received",
    "worksheets.Comment.owner": "worksheets.comments",
    "worksheets.Comment.clinician": "clinician_work.comments_written",
    "worksheets.AccessLogEntry.owner": "worksheets.access_log",
    "worksheets.AccessLogEntry.clinician": "clinician_work.worksheets_read",
    "worksheets.ClientLabel.owner": "worksheets.client_labels",
    "worksheets.TrustedLink.owner": "worksheets.trusted_links",
}

# Links to the user model that the download leaves out on purpose, and why.
USER_LINKS_ELSEWHERE: dict[str, str] = {
    "worksheets.ClientLabel.member": (
        "A clinician's private label for a member who shares with them: the "
        "clinician's own note, in the clinician's download."
    ),
    "admin.LogEntry.user": (
        "The admin site's record of an admin's own work on the site, not data about "
        "them as a person; deleting their account removes it."
    ),
    "accounts.ClinicianProfile.reviewed_by": (
        "Which admin decided a clinician application: part of the applicant's "
        "record (their export shows the decision), not the admin's."
    ),
    "activities.Activity.updated_by": (
        "Which admin last edited a catalogue activity: a record of site work, cleared "
        "when that admin's account goes."
    ),
    "worksheets.Worksheet.owner": (
        "The shared row of every worksheet; each kind's own row, exported under "
        "worksheets.<export_key>, holds the worksheet's content."
    ),
}


def user_links_exported() -> dict[str, str]:
    """USER_LINKS_EXPORTED with every registered worksheet kind added."""
    return {
        **{
            f"{kind.model._meta.label}.owner": f"worksheets.{kind.export_key}"
            for kind in registry.kinds()
        },
        **USER_LINKS_EXPORTED,
    }


def account_export(*, user: User) -> dict[str, Any]:
    """All of a person's data, as plain values, for the JSON download and the
    printable copy."""
    export = accounts.account_export(user=user)
    for app in MEMBER_DATA:
        export[app.key] = app.export(owner=user)
    work: dict[str, list[dict]] = {}
    for part in CLINICIAN_DATA:
        work.update(part(clinician=user))
    if export["clinician_profile"] is not None or any(work.values()):
        export["clinician_work"] = work
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
