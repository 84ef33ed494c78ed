"""Writes to worksheets: creating without duplicates, saving without silently
overwriting a newer version, and sharing with clinicians (shares, comments,
the access log and the emails they send)."""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from connectapp.lib.mail import email_enqueue

from .models import (
    AccessLogEntry,
    Comment,
    NeedsStatement,
    Relationship,
    SecurityCheck,
    Share,
    TestDrive,
    UnsavedEdit,
)

security_log = logging.getLogger("connect.security")
mail_log = logging.getLogger("connect.mail")

M = TypeVar("M", bound=models.Model)
Versioned = NeedsStatement | Relationship


def _create_once(
    model: type[M], *, owner: User, token: uuid.UUID, values: dict[str, Any]
) -> tuple[M, bool]:
    """Create a row, unless one with this owner and one-time form token exists:
    then return that one. A double click or a resubmitted form makes one row.
    Returns the row and whether this call created it."""
    existing = model.objects.filter(owner=owner, creation_token=token).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return model.objects.create(owner=owner, creation_token=token, **values), True
    except IntegrityError:
        return model.objects.get(owner=owner, creation_token=token), False


def statement_create(*, owner: User, token: uuid.UUID, values: dict[str, Any]) -> NeedsStatement:
    return _create_once(NeedsStatement, owner=owner, token=token, values=values)[0]


def relationship_create(*, owner: User, token: uuid.UUID, values: dict[str, Any]) -> Relationship:
    return _create_once(Relationship, owner=owner, token=token, values=values)[0]


def security_check_create(
    *, relationship: Relationship, token: uuid.UUID, values: dict[str, Any]
) -> SecurityCheck:
    return _create_once(
        SecurityCheck,
        owner=relationship.owner,
        token=token,
        values={**values, "relationship": relationship},
    )[0]


def test_drive_create(
    *, relationship: Relationship, token: uuid.UUID, values: dict[str, Any]
) -> TestDrive:
    return _create_once(
        TestDrive,
        owner=relationship.owner,
        token=token,
        values={**values, "relationship": relationship},
    )[0]


def _link(worksheet: Versioned) -> dict[str, Versioned]:
    """The keyword that points a comment, log row or unsaved edit at `worksheet`."""
    return {"statement" if isinstance(worksheet, NeedsStatement) else "relationship": worksheet}


def _matches(obj: models.Model, values: dict[str, Any]) -> bool:
    return all(getattr(obj, name) == value for name, value in values.items())


def worksheet_save(
    *, worksheet: Versioned, values: dict[str, Any], base_version: int
) -> UnsavedEdit | None:
    """Save `values` if the worksheet is still at `base_version`.

    Otherwise nothing is overwritten: the values are kept as an UnsavedEdit
    for the member to compare and choose, and that edit is returned. A repeat
    of a save that already went through (a double click) is not a conflict.
    """
    model = type(worksheet)
    updated = model.objects.filter(pk=worksheet.pk, version=base_version).update(
        **values, version=F("version") + 1, updated_at=timezone.now()
    )
    worksheet.refresh_from_db()
    if updated or _matches(worksheet, values):
        return None
    return UnsavedEdit.objects.create(
        owner=worksheet.owner, data=values, base_version=base_version, **_link(worksheet)
    )


def unsaved_edit_resolve(
    *, unsaved: UnsavedEdit, values: dict[str, Any], base_version: int
) -> bool:
    """Save the member's chosen text over the stored version they have seen.

    Returns False, and keeps the newest text in `unsaved`, if the worksheet
    changed again meanwhile."""
    with transaction.atomic():
        conflict = worksheet_save(
            worksheet=unsaved.worksheet, values=values, base_version=base_version
        )
        if conflict is not None:
            unsaved.data = conflict.data
            unsaved.base_version = conflict.base_version
            unsaved.save(update_fields=["data", "base_version"])
            conflict.delete()
            return False
        unsaved.delete()
    return True


# Sharing with clinicians


def _email(*, to: str, template: str, path: str) -> None:
    """Send one notification. Emails hold a link and never anything a member
    wrote: not a worksheet's title or text, not a comment, not even a name.
    A mail failure is logged and never undoes the change it reports."""
    context = {"link": settings.SITE_URL.rstrip("/") + path}
    subject = render_to_string(f"worksheets/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"worksheets/email/{template}.txt", context)
    try:
        send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [to])
    except Exception:
        mail_log.exception("notification_failed template=%s", template)


def _email_queued(*, to: str, template: str, path: str) -> None:
    """The same kind of notification, delivered by a worker with retries."""
    context = {"link": settings.SITE_URL.rstrip("/") + path}
    subject = render_to_string(f"worksheets/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"worksheets/email/{template}.txt", context)
    email_enqueue(EmailMessage(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [to]))


def _check_owned(owner: User, worksheets: list[Versioned]) -> None:
    if any(worksheet.owner_id != owner.pk for worksheet in worksheets):
        raise ValueError("A member can only share their own worksheets.")


def share_create(
    *,
    owner: User,
    clinician: User,
    statements: list[NeedsStatement],
    relationships: list[Relationship],
    expiry: str,
    token: uuid.UUID,
) -> Share:
    """Share the chosen worksheets with a verified clinician, and tell them by
    email. Sending the consent form twice makes one share."""
    _check_owned(owner, [*statements, *relationships])
    expires_at = None
    if expiry != Share.Expiry.UNTIL_STOPPED:
        expires_at = timezone.now() + timedelta(days=int(expiry))
    with transaction.atomic():
        share, created = _create_once(
            Share,
            owner=owner,
            token=token,
            values={
                "clinician": clinician,
                "clinician_name": str(clinician.clinician_profile),
                "expires_at": expires_at,
            },
        )
        if not created:
            return share
        share.statements.set(statements)
        share.relationships.set(relationships)
    security_log.info(
        "share_created share=%s owner=%s clinician=%s", share.pk, owner.pk, clinician.pk
    )
    _email(to=clinician.email, template="share_created", path=reverse("clinician:dashboard"))
    return share


@transaction.atomic
def share_update(
    *, share: Share, statements: list[NeedsStatement], relationships: list[Relationship]
) -> None:
    """Change which worksheets an active share covers."""
    _check_owned(share.owner, [*statements, *relationships])
    share.statements.set(statements)
    share.relationships.set(relationships)
    security_log.info("share_changed share=%s owner=%s", share.pk, share.owner_id)


def share_revoke(*, share: Share) -> bool:
    """Stop sharing now, and tell the clinician by email. The clinician's next
    request is refused: nothing caches access. Returns False if the share had
    already ended."""
    now = timezone.now()
    stopped = Share.objects.filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now), pk=share.pk, ended_at__isnull=True
    ).update(ended_at=now, end_reason=Share.EndReason.STOPPED)
    share.refresh_from_db()
    if not stopped:
        return False
    security_log.info("share_revoked share=%s owner=%s", share.pk, share.owner_id)
    if share.clinician is not None:
        _email(
            to=share.clinician.email, template="share_revoked", path=reverse("clinician:dashboard")
        )
    return True


def shares_end_for_clinician(*, clinician: User) -> int:
    """End every current share with a clinician who lost verification."""
    now = timezone.now()
    return Share.objects.filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now),
        clinician=clinician,
        ended_at__isnull=True,
    ).update(ended_at=now, end_reason=Share.EndReason.CLINICIAN_NOT_VERIFIED)


def comment_create(
    *, worksheet: Versioned, author: User, clinician: User, text: str, token: uuid.UUID
) -> Comment:
    """Add a message to the conversation between the worksheet's owner and
    `clinician`, written by either. A clinician's message is announced to the
    member by email, with a link only. Sending the form twice adds one."""
    from_clinician = author.pk == clinician.pk
    comment, created = _create_once(
        Comment,
        owner=worksheet.owner,
        token=token,
        values={
            "clinician": clinician,
            "clinician_name": str(clinician.clinician_profile),
            "from_clinician": from_clinician,
            "text": text,
            **_link(worksheet),
        },
    )
    if not created:
        return comment
    name = "statement" if isinstance(worksheet, NeedsStatement) else "relationship"
    path = reverse(f"worksheets:{name}-detail", args=[worksheet.pk]) + "#comments"
    if from_clinician:
        _email(to=worksheet.owner.email, template="comment_added", path=path)
    elif clinician.is_active:
        _email_queued(to=clinician.email, template="comment_reply", path=path)
    return comment


def access_log_record(*, reader: User, worksheet: Versioned, kind: str) -> AccessLogEntry | None:
    """Log a read of `worksheet` by anyone other than its owner (a clinician it
    is shared with). Call it from every view that shows worksheet content."""
    if reader.pk == worksheet.owner_id:
        return None
    return AccessLogEntry.objects.create(
        owner_id=worksheet.owner_id,
        clinician=reader,
        clinician_name=str(reader.clinician_profile),
        kind=kind,
        **_link(worksheet),
    )


def member_data_export(*, owner: User) -> dict[str, list[dict]]:
    """Every worksheet a member keeps, for their data download."""
    statements = NeedsStatement.objects.filter(owner=owner).order_by("created_at", "pk")
    relationships = (
        Relationship.objects.filter(owner=owner)
        .prefetch_related("checks", "test_drives")
        .order_by("created_at", "pk")
    )
    unsaved = UnsavedEdit.objects.filter(owner=owner).select_related("statement", "relationship")
    return {
        "needs_statements": [
            {
                **{name: getattr(statement, name) for name in NeedsStatement.EDITABLE_FIELDS},
                "helps": statement.help_labels(),
                "created_at": statement.created_at,
                "updated_at": statement.updated_at,
            }
            for statement in statements
        ],
        "relationships": [
            {
                "name": relationship.name,
                "kind": relationship.get_kind_display(),
                "notes": relationship.notes,
                "created_at": relationship.created_at,
                "updated_at": relationship.updated_at,
                "security_checks": [
                    {
                        "checked_on": check.checked_on,
                        **{
                            element["label"]: {
                                "rating": element["rating_label"],
                                "note": element["note"],
                            }
                            for element in check.elements()
                        },
                    }
                    for check in sorted(relationship.checks.all(), key=lambda c: c.checked_on)
                ],
                "test_drives": [
                    {"asked_on": drive.asked_on, "ask": drive.ask, "response": drive.response}
                    for drive in sorted(relationship.test_drives.all(), key=lambda d: d.asked_on)
                ],
            }
            for relationship in relationships
        ],
        "unsaved_edits": [
            {"worksheet": str(edit.worksheet), "text": edit.data, "kept_at": edit.created_at}
            for edit in unsaved.order_by("created_at")
        ],
        "shares": [
            {
                "clinician": share.clinician_name,
                "needs_statements": [statement.title for statement in share.statements.all()],
                "relationships": [relationship.name for relationship in share.relationships.all()],
                "started_at": share.created_at,
                "expires_at": share.expires_at,
                "ended_at": share.ended_at,
                "end_reason": share.get_end_reason_display(),
            }
            for share in Share.objects.filter(owner=owner)
            .prefetch_related("statements", "relationships")
            .order_by("created_at", "pk")
        ],
        "comments": [
            {
                "worksheet": str(comment.statement or comment.relationship),
                "clinician": comment.clinician_name,
                "written_by": comment.clinician_name if comment.from_clinician else "You",
                "text": comment.text,
                "written_at": comment.created_at,
            }
            for comment in Comment.objects.filter(owner=owner)
            .select_related("statement", "relationship")
            .order_by("created_at", "pk")
        ],
        "access_log": [
            {
                "clinician": entry.clinician_name,
                "worksheet": str(entry.statement or entry.relationship or "a deleted worksheet"),
                "what": entry.get_kind_display(),
                "viewed_at": entry.viewed_at,
            }
            for entry in AccessLogEntry.objects.filter(owner=owner)
            .select_related("statement", "relationship")
            .order_by("viewed_at", "pk")
        ],
    }
