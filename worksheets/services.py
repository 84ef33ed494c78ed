"""Writes to worksheets: creating without duplicates, and saving without
silently overwriting a newer version."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User

from .models import NeedsStatement, Relationship, SecurityCheck, TestDrive, UnsavedEdit

M = TypeVar("M", bound=models.Model)
Versioned = NeedsStatement | Relationship


def _create_once(model: type[M], *, owner: User, token: uuid.UUID, values: dict[str, Any]) -> M:
    """Create a row, unless one with this owner and one-time form token exists:
    then return that one. A double click or a resubmitted form makes one row."""
    existing = model.objects.filter(owner=owner, creation_token=token).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return model.objects.create(owner=owner, creation_token=token, **values)
    except IntegrityError:
        return model.objects.get(owner=owner, creation_token=token)


def statement_create(*, owner: User, token: uuid.UUID, values: dict[str, Any]) -> NeedsStatement:
    return _create_once(NeedsStatement, owner=owner, token=token, values=values)


def relationship_create(*, owner: User, token: uuid.UUID, values: dict[str, Any]) -> Relationship:
    return _create_once(Relationship, owner=owner, token=token, values=values)


def security_check_create(
    *, relationship: Relationship, token: uuid.UUID, values: dict[str, Any]
) -> SecurityCheck:
    return _create_once(
        SecurityCheck,
        owner=relationship.owner,
        token=token,
        values={**values, "relationship": relationship},
    )


def test_drive_create(
    *, relationship: Relationship, token: uuid.UUID, values: dict[str, Any]
) -> TestDrive:
    return _create_once(
        TestDrive,
        owner=relationship.owner,
        token=token,
        values={**values, "relationship": relationship},
    )


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
    link = "statement" if isinstance(worksheet, NeedsStatement) else "relationship"
    return UnsavedEdit.objects.create(
        owner=worksheet.owner, data=values, base_version=base_version, **{link: worksheet}
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
    }
