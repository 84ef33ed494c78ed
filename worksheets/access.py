"""The one way in to each worksheet object.

Every view fetches worksheet objects through these helpers. Each returns the
object or raises Http404, so a person without access cannot even tell that it
exists. Reading goes through `readable_by`, changing through `editable_by`
(see `OwnedQuerySet` in models.py): today both mean "the owner".
"""

from django.shortcuts import get_object_or_404

from accounts.models import User

from .models import NeedsStatement, Relationship, SecurityCheck, TestDrive, UnsavedEdit


def _get(model, user: User, pk: int, *, write: bool):
    objects = model.objects.editable_by(user) if write else model.objects.readable_by(user)
    return get_object_or_404(objects, pk=pk)


def get_statement_for_user(user: User, pk: int, *, write: bool = False) -> NeedsStatement:
    return _get(NeedsStatement, user, pk, write=write)


def get_relationship_for_user(user: User, pk: int, *, write: bool = False) -> Relationship:
    return _get(Relationship, user, pk, write=write)


def get_security_check_for_user(user: User, pk: int, *, write: bool = False) -> SecurityCheck:
    return _get(SecurityCheck, user, pk, write=write)


def get_test_drive_for_user(user: User, pk: int, *, write: bool = False) -> TestDrive:
    return _get(TestDrive, user, pk, write=write)


def get_unsaved_edit_for_user(user: User, pk: int) -> UnsavedEdit:
    """Refused saves are private drafts: only their owner ever sees them."""
    return get_object_or_404(UnsavedEdit.objects.owned_by(user), pk=pk)
