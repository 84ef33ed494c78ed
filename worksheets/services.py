"""Writes to worksheets: creating without duplicates, saving without silently
overwriting a newer version, and sharing with clinicians (shares, comments,
the access log and the emails they send)."""

from __future__ import annotations

import logging
import secrets
import uuid
from datetime import timedelta
from typing import Any, TypeVar

from django.db import IntegrityError, models, transaction
from django.db.models import F, Prefetch
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from connectapp.lib.create_once import create_once
from connectapp.lib.notifications import notification_send
from connectapp.lib.userdata import data_changed

from . import registry
from .models import (
    AccessLogEntry,
    ClientLabel,
    Comment,
    Relationship,
    SecurityCheck,
    Share,
    TestDrive,
    TrustedLink,
    TrustedLinkOpen,
    UnsavedEdit,
    Worksheet,
    WorksheetModel,
    trusted_token_hash,
)

security_log = logging.getLogger("connect.security")

M = TypeVar("M", bound=models.Model)


def _create_once(
    model: type[M], *, owner: User, token: uuid.UUID, values: dict[str, Any]
) -> tuple[M, bool]:
    """One row per owner and form token (see `connectapp.lib.create_once`)."""
    return create_once(model, unique={"owner": owner, "creation_token": token}, values=values)


def worksheet_create(
    *, kind: registry.WorksheetKind, owner: User, token: uuid.UUID, values: dict[str, Any]
) -> WorksheetModel:
    """A new worksheet of `kind`, with its family row. Sending the form twice makes one."""
    with transaction.atomic():
        return _create_once(kind.model, owner=owner, token=token, values=values)[0]


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


def _matches(obj: models.Model, values: dict[str, Any]) -> bool:
    return all(getattr(obj, name) == value for name, value in values.items())


def worksheet_save(
    *, worksheet: WorksheetModel, values: dict[str, Any], base_version: int
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
    if updated:
        data_changed(worksheet.owner_id)
    worksheet.refresh_from_db()
    if updated or _matches(worksheet, values):
        return None
    return UnsavedEdit.objects.create(
        owner=worksheet.owner,
        worksheet_id=worksheet.worksheet_id,
        data=values,
        base_version=base_version,
    )


def unsaved_edit_resolve(
    *, unsaved: UnsavedEdit, values: dict[str, Any], base_version: int
) -> bool:
    """Save the member's chosen text over the stored version they have seen.

    Returns False, and keeps the newest text in `unsaved`, if the worksheet
    changed again meanwhile."""
    with transaction.atomic():
        conflict = worksheet_save(
            worksheet=unsaved.worksheet.content, values=values, base_version=base_version
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


def _check_owned(owner: User, worksheets: list[WorksheetModel]) -> None:
    if any(worksheet.owner_id != owner.pk for worksheet in worksheets):
        raise ValueError("A member can only share their own worksheets.")


class ShareExists(Exception):
    """The member already shares with this clinician; change that share instead."""

    def __init__(self, share: Share) -> None:
        super().__init__(f"Share {share.pk} is already current.")
        self.share = share


def _share_exists_check(owner: User, clinician: User) -> None:
    """Raise ShareExists for a current share with `clinician`. An expired one
    that nobody ended is ended now, so it no longer holds the place."""
    unended = Share.objects.filter(owner=owner, clinician=clinician, ended_at__isnull=True)
    if unended.filter(expires_at__lte=timezone.now()).update(
        ended_at=F("expires_at"), end_reason=Share.EndReason.EXPIRED
    ):
        data_changed(owner.pk, clinician.pk)  # update() sends no save signal
    current = unended.filter(ended_at__isnull=True).first()
    if current is not None:
        raise ShareExists(current)


def share_create(
    *,
    owner: User,
    clinician: User,
    worksheets: list[WorksheetModel],
    expiry: str,
    token: uuid.UUID,
    request: HttpRequest | None = None,
) -> Share:
    """Share the chosen worksheets, of any kinds, with a verified clinician,
    and tell them by email. Sending the consent form twice makes one share.
    Raises ShareExists if the member already shares with this clinician
    (from another tab, say): there is at most one current share per pair."""
    _check_owned(owner, worksheets)
    expires_at = None
    if expiry != Share.Expiry.UNTIL_STOPPED:
        expires_at = timezone.now() + timedelta(days=int(expiry))
    with transaction.atomic():
        # Serialise this member's shares, so two tabs cannot both pass the check below.
        User.objects.select_for_update().filter(pk=owner.pk).exists()
        repeat = Share.objects.filter(owner=owner, creation_token=token).first()
        if repeat is not None:
            return repeat
        _share_exists_check(owner, clinician)
        try:
            share, _ = _create_once(
                Share,
                owner=owner,
                token=token,
                values={
                    "clinician": clinician,
                    "clinician_name": str(clinician.clinician_profile),
                    "expires_at": expires_at,
                },
            )
        except IntegrityError:  # the database's one-unended-share rule
            _share_exists_check(owner, clinician)
            raise
        share.worksheets.set([worksheet.worksheet_id for worksheet in worksheets])
    security_log.info(
        "share_created share=%s owner=%s clinician=%s", share.pk, owner.pk, clinician.pk
    )
    notification_send(
        to=clinician.email,
        language=clinician.language,
        template="worksheets/email/share_created",
        link=reverse("clinician:dashboard"),
        request=request,
    )
    return share


@transaction.atomic
def share_update(*, share: Share, worksheets: list[WorksheetModel]) -> None:
    """Change which worksheets an active share covers."""
    _check_owned(share.owner, worksheets)
    share.worksheets.set([worksheet.worksheet_id for worksheet in worksheets])
    security_log.info("share_changed share=%s owner=%s", share.pk, share.owner_id)


def share_revoke(*, share: Share, request: HttpRequest | None = None) -> bool:
    """Stop sharing now, and tell the clinician by email. The clinician's next
    request is refused: nothing caches access. Returns False if the share had
    already ended."""
    stopped = (
        Share.objects.current()
        .filter(pk=share.pk)
        .update(ended_at=timezone.now(), end_reason=Share.EndReason.STOPPED)
    )
    share.refresh_from_db()
    if not stopped:
        return False
    data_changed(share.owner_id, share.clinician_id)  # update() sends no save signal
    security_log.info("share_revoked share=%s owner=%s", share.pk, share.owner_id)
    if share.clinician is not None:
        notification_send(
            to=share.clinician.email,
            language=share.clinician.language,
            template="worksheets/email/share_revoked",
            link=reverse("clinician:dashboard"),
            request=request,
        )
    return True


def shares_end_for_clinician(*, clinician: User) -> int:
    """End every current share with a clinician who lost verification."""
    ending = Share.objects.current().filter(clinician=clinician)
    owners = list(ending.values_list("owner_id", flat=True))
    ended = ending.update(
        ended_at=timezone.now(), end_reason=Share.EndReason.CLINICIAN_NOT_VERIFIED
    )
    data_changed(clinician.pk, *owners)  # update() sends no save signal
    return ended


def comment_create(
    *,
    worksheet: WorksheetModel,
    author: User,
    clinician: User,
    text: str,
    token: uuid.UUID,
    request: HttpRequest | None = None,
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
            "worksheet_id": worksheet.worksheet_id,
        },
    )
    if not created:
        return comment
    link = worksheet.get_absolute_url() + "#comments"
    if from_clinician:
        notification_send(
            to=worksheet.owner.email,
            language=worksheet.owner.language,
            template="worksheets/email/comment_added",
            link=link,
            request=request,
        )
    elif clinician.is_active:
        notification_send(
            to=clinician.email,
            language=clinician.language,
            template="worksheets/email/comment_reply",
            link=link,
            request=request,
        )
    return comment


def access_log_record(
    *, reader: User, worksheet: WorksheetModel, kind: str
) -> AccessLogEntry | None:
    """Log a read of `worksheet` by anyone other than its owner (a clinician it
    is shared with). Call it from every view that shows worksheet content."""
    if reader.pk == worksheet.owner_id:
        return None
    return AccessLogEntry.objects.create(
        owner_id=worksheet.owner_id,
        clinician=reader,
        clinician_name=str(reader.clinician_profile),
        kind=kind,
        worksheet_id=worksheet.worksheet_id,
    )


def client_label_set(*, clinician: User, member: User, label: str) -> ClientLabel | None:
    """Set the clinician's private label for a member; an empty label removes it."""
    label = label.strip()
    if not label:
        ClientLabel.objects.filter(owner=clinician, member=member).delete()
        return None
    row, _ = ClientLabel.objects.update_or_create(
        owner=clinician, member=member, defaults={"label": label, "updated_at": timezone.now()}
    )
    return row


# 32 random bytes: 256 bits, far beyond guessing (at least 128 are required).
TRUSTED_TOKEN_BYTES = 32


class TrustedLinkExists(Exception):
    """The same form was sent twice: the link was made the first time, and
    its token cannot be shown again."""

    def __init__(self, link: TrustedLink) -> None:
        super().__init__(f"Trusted link {link.pk} was already made.")
        self.link = link


def trusted_link_create(
    *,
    owner: User,
    worksheet: WorksheetModel,
    recipient: str,
    duration_days: int,
    token: uuid.UUID,
) -> tuple[TrustedLink, str]:
    """A read-only link to one worksheet for one named person. Returns the
    link and its secret token, which is never stored: only its hash is.
    Sending the form twice raises TrustedLinkExists with the first link.
    Connect sends nothing to anyone: the member passes the link on."""
    _check_owned(owner, [worksheet])
    if not worksheet.kind_info.trusted_link:
        raise ValueError("This kind of worksheet cannot be shared by link.")
    if duration_days not in TrustedLink.Duration.values:
        raise ValueError("A trusted link lasts 7 or 30 days.")
    secret = secrets.token_urlsafe(TRUSTED_TOKEN_BYTES)
    now = timezone.now()
    link, created = _create_once(
        TrustedLink,
        owner=owner,
        token=token,
        values={
            "worksheet_id": worksheet.worksheet_id,
            "recipient": recipient,
            "token_hash": trusted_token_hash(secret),
            "duration_days": duration_days,
            "created_at": now,
            "expires_at": now + timedelta(days=duration_days),
        },
    )
    if not created:
        raise TrustedLinkExists(link)
    security_log.info("trusted_link_created link=%s owner=%s", link.pk, owner.pk)
    return link, secret


def trusted_link_stop(*, link: TrustedLink) -> bool:
    """Stop a link now: its next opening finds nothing. Returns False if it
    had already stopped or expired."""
    stopped = TrustedLink.objects.live().filter(pk=link.pk).update(ended_at=timezone.now())
    link.refresh_from_db()
    if stopped:
        security_log.info("trusted_link_stopped link=%s owner=%s", link.pk, link.owner_id)
    return bool(stopped)


def trusted_link_replace(*, link: TrustedLink, token: uuid.UUID) -> tuple[TrustedLink, str]:
    """A lost link: stop it, and make a new one for the same person and
    worksheet, lasting as long as the old one was meant to."""
    with transaction.atomic():
        trusted_link_stop(link=link)
        return trusted_link_create(
            owner=link.owner,
            worksheet=link.worksheet.content,
            recipient=link.recipient,
            duration_days=link.duration_days,
            token=token,
        )


def trusted_link_record_open(*, link: TrustedLink) -> TrustedLinkOpen:
    """Note that the link was opened: the time only, never from where."""
    return TrustedLinkOpen.objects.create(link=link)


def member_data_delete(*, owner: User, request: HttpRequest | None = None) -> None:
    """Before a member's account goes: every clinician they still share with
    is told the sharing stopped, as when the member stops it by hand. The
    cascade from the account erases the rest."""
    for share in Share.objects.owned_by(owner).active():
        share_revoke(share=share, request=request)


def member_data_export(*, owner: User) -> dict[str, list[dict]]:
    """Every worksheet a member keeps, kind by kind, and what hangs off them:
    unsaved edits, shares, comments and the access log."""
    kinds = registry.kinds()
    data: dict[str, list[dict]] = {
        kind.export_key: [
            worksheet.export()
            for worksheet in kind.model.objects.owned_by(owner).order_by("created_at", "pk")
        ]
        for kind in kinds
    }
    family = Worksheet.objects.with_content()
    unsaved = UnsavedEdit.objects.owned_by(owner).prefetch_related(Prefetch("worksheet", family))
    shares = Share.objects.owned_by(owner).prefetch_related(Prefetch("worksheets", family))
    comments = Comment.objects.filter(owner=owner).prefetch_related(Prefetch("worksheet", family))
    log = AccessLogEntry.objects.filter(owner=owner).select_related(
        "worksheet", *registry.content_paths("worksheet__")
    )
    links = (
        TrustedLink.objects.owned_by(owner)
        .select_related("worksheet", *registry.content_paths("worksheet__"))
        .prefetch_related("opens")
    )
    return {
        **data,
        "unsaved_edits": [
            {
                "worksheet": edit.worksheet.content.display_title,
                "text": edit.data,
                "kept_at": edit.created_at,
            }
            for edit in unsaved.order_by("created_at")
        ],
        "shares": [
            {
                "clinician": share.clinician_name,
                **{kind.export_key: [] for kind in kinds},
                **_titles_by_kind(share.covered()),
                "started_at": share.created_at,
                "expires_at": share.expires_at,
                "ended_at": share.ended_at,
                "end_reason": share.get_end_reason_display(),
            }
            for share in shares.order_by("created_at", "pk")
        ],
        "comments": [
            {
                "worksheet": comment.worksheet.content.display_title,
                "clinician": comment.clinician_name,
                "written_by": comment.clinician_name if comment.from_clinician else "You",
                "text": comment.text,
                "written_at": comment.created_at,
            }
            for comment in comments.order_by("created_at", "pk")
        ],
        # A clinician's own private labels for the members who share with them.
        "client_labels": [
            {"member": row.member.display_name, "label": row.label, "updated_at": row.updated_at}
            for row in ClientLabel.objects.owned_by(owner).select_related("member")
        ],
        "access_log": [
            {
                "clinician": entry.clinician_name,
                "worksheet": (
                    entry.worksheet.content.display_title
                    if entry.worksheet
                    else "a deleted worksheet"
                ),
                "what": entry.get_kind_display(),
                "viewed_at": entry.viewed_at,
            }
            for entry in log.order_by("viewed_at", "pk")
        ],
        # Never the token: only its hash is kept, and that is not exported.
        "trusted_links": [
            {
                "for": link.recipient,
                "worksheet": link.worksheet.content.display_title,
                "made_at": link.created_at,
                "expires_at": link.expires_at,
                "stopped_at": link.ended_at,
                "opened_at": sorted(opened.opened_at for opened in link.opens.all()),
            }
            for link in links.order_by("created_at", "pk")
        ],
    }


def clinician_data_export(*, clinician: User) -> dict[str, list[dict]]:
    """What a clinician did with the worksheets members shared, for the
    clinician's own data download: the shares they received, the comments
    they wrote and the record of what they read. Members appear by display
    name, and worksheets by kind, never by the titles members gave them."""
    shares = Share.objects.filter(clinician=clinician).select_related("owner")
    comments = Comment.objects.filter(clinician=clinician, from_clinician=True).select_related(
        "owner", "worksheet"
    )
    reads = AccessLogEntry.objects.filter(clinician=clinician).select_related("owner", "worksheet")
    return {
        "shares_received": [
            {
                "member": share.owner.display_name,
                "worksheets": share.worksheets.count(),
                "started_at": share.created_at,
                "expires_at": share.expires_at,
                "ended_at": share.ended_at,
                "end_reason": share.get_end_reason_display(),
            }
            for share in shares.order_by("created_at", "pk")
        ],
        "comments_written": [
            {
                "member": comment.owner.display_name,
                "worksheet": _kind_noun(comment.worksheet),
                "text": comment.text,
                "written_at": comment.created_at,
            }
            for comment in comments.order_by("created_at", "pk")
        ],
        "worksheets_read": [
            {
                "member": entry.owner.display_name,
                "worksheet": _kind_noun(entry.worksheet),
                "what": entry.get_kind_display(),
                "viewed_at": entry.viewed_at,
            }
            for entry in reads.order_by("viewed_at", "pk")
        ],
    }


def _kind_noun(worksheet: Worksheet | None) -> str:
    if worksheet is None:
        return gettext("a deleted worksheet")
    return str(worksheet.kind_info.noun)


def _titles_by_kind(worksheets: list[WorksheetModel]) -> dict[str, list[str]]:
    titles: dict[str, list[str]] = {}
    for worksheet in worksheets:
        titles.setdefault(worksheet.kind_info.export_key, []).append(worksheet.display_title)
    return titles
