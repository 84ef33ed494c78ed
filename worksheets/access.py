"""The one way in to each worksheet object.

Every view fetches worksheet objects through these helpers. Each returns the
object or raises Http404, so a person without access cannot even tell that it
exists. Reading goes through `readable_by`, changing through `editable_by`
(see `OwnedQuerySet` and `ShareableQuerySet` in models.py). Writing always
means "the owner". Reading a worksheet of any kind also lets in a verified
clinician with an active share of that very worksheet; everything else is the
owner's alone.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import User

from . import registry
from .models import (
    Relationship,
    SecurityCheck,
    Share,
    TestDrive,
    TrustedLink,
    UnsavedEdit,
    WorksheetModel,
    trusted_token_hash,
)


def _get(model, user: User, pk: int, *, write: bool):
    objects = model.objects.editable_by(user) if write else model.objects.readable_by(user)
    return get_object_or_404(objects, pk=pk)


def get_worksheet_for_user(
    user: User, kind: registry.WorksheetKind, pk: int, *, write: bool = False
) -> WorksheetModel:
    """A worksheet of any kind: a needs statement, a relationship, ..."""
    return _get(kind.model, user, pk, write=write)


def get_relationship_for_user(user: User, pk: int, *, write: bool = False) -> Relationship:
    return _get(Relationship, user, pk, write=write)


def get_security_check_for_user(user: User, pk: int, *, write: bool = False) -> SecurityCheck:
    return _get(SecurityCheck, user, pk, write=write)


def get_test_drive_for_user(user: User, pk: int, *, write: bool = False) -> TestDrive:
    return _get(TestDrive, user, pk, write=write)


def get_unsaved_edit_for_user(user: User, pk: int) -> UnsavedEdit:
    """Refused saves are private drafts: only their owner ever sees them."""
    return get_object_or_404(UnsavedEdit.objects.owned_by(user), pk=pk)


def get_share_for_user(user: User, pk: int, *, as_clinician: bool = False) -> Share:
    """A member's own share, in any state, to see or change. With
    `as_clinician`, a share that is active right now with this clinician."""
    if not user.is_authenticated:
        raise Http404
    if as_clinician:
        objects = Share.objects.active().filter(clinician=user)
    else:
        objects = Share.objects.filter(owner=user)
    return get_object_or_404(objects.select_related("owner", "clinician"), pk=pk)


def get_trusted_link_for_user(user: User, pk: int) -> TrustedLink:
    """A member's own trusted link, in any state, to see its opens or stop it."""
    if not user.is_authenticated:
        raise Http404
    objects = TrustedLink.objects.owned_by(user).select_related(
        "worksheet", *registry.content_paths("worksheet__")
    )
    return get_object_or_404(objects, pk=pk)


def get_trusted_link_by_token(token: str) -> TrustedLink:
    """The live link that `token` opens, for anyone who holds it, signed in
    or not. A wrong, stopped or expired token, or one for a kind that no
    longer allows links, raises Http404 alike."""
    link = (
        TrustedLink.objects.live()
        .filter(token_hash=trusted_token_hash(token))
        .select_related("worksheet", *registry.content_paths("worksheet__"))
        .first()
    )
    if link is None or not link.worksheet.kind_info.trusted_link:
        raise Http404
    return link
