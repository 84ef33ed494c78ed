"""The worksheet family: the one place where each kind of worksheet registers.

Every kind (a needs statement, a relationship, ...) is a model built on
`worksheets.models.WorksheetModel`, which links it one-to-one to a row of the
`Worksheet` table. Sharing, comments, the access log, unsaved edits, the
clinician dashboard, the data export and deletion all work on `Worksheet` rows
and loop over `kinds()`, so none of them names a kind. See docs/worksheets.md
for how to add one.

This module imports nothing from the rest of the app, so that models, forms
and views can all import it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_KINDS: dict[str, WorksheetKind] = {}


@dataclass(frozen=True)
class WorksheetKind:
    # Stored in `Worksheet.kind`, and the start of every URL name of the kind
    # ("worksheets:statement-detail"). Never change it once rows exist.
    key: str
    model: type
    # The kind's ModelForm with the fields a member edits; the create and
    # edit forms are built from it (`worksheets.forms.create_form_for`).
    form: type
    # The URL path segment ("statements/<pk>/") and the field name on the
    # sharing forms. Changing it changes addresses people may have bookmarked.
    plural: str
    # "Needs statements": the heading on the sharing form.
    label: str
    # "needs statement": after a title, in lists of what a share covers.
    noun: str
    # What the consent screen says a share of this kind includes.
    consent_noun: str
    # The key of this kind's list in the member's data download.
    export_key: str
    # Shown after the member creates one; "{name}" is its title.
    created_message: str
    # The delete confirmation: "Delete this needs statement?", then `delete_detail`.
    delete_what: str
    delete_detail: str
    deleted_message: str
    share_help: str = ""
    # A function that draws the worksheet as a PDF. A kind with one also gets
    # a printable page (the shared "worksheets/print.html" around its body template).
    pdf: Callable[[Any], bytes] | None = None
    # Whether a member may make a read-only link to one worksheet of this kind
    # for someone they trust, who needs no account (docs/sharing.md). The
    # page shows "worksheets/includes/<key>_body.html".
    trusted_link: bool = False

    @property
    def template(self) -> str:
        return f"worksheets/{self.key}_detail.html"

    @property
    def form_template(self) -> str:
        return f"worksheets/{self.key}_form.html"

    @property
    def print_template(self) -> str:
        return "worksheets/print.html"

    @property
    def body_template(self) -> str:
        """The worksheet, read-only, without links: the trusted-link page."""
        return f"worksheets/includes/{self.key}_body.html"

    @property
    def related_name(self) -> str:
        """How a `Worksheet` row reaches this kind's row (`worksheet.<name>`)."""
        return self.model._meta.model_name


def register(kind: WorksheetKind) -> WorksheetKind:
    if kind.key in _KINDS and _KINDS[kind.key].model is not kind.model:
        raise ValueError(f"A worksheet kind {kind.key!r} is already registered.")
    _KINDS[kind.key] = kind
    return kind


def kinds() -> list[WorksheetKind]:
    """Every kind, in the order pages list them."""
    return list(_KINDS.values())


def get(key: str) -> WorksheetKind:
    return _KINDS[key]


def for_model(model: type) -> WorksheetKind:
    for kind in _KINDS.values():
        if kind.model is model:
            return kind
    raise LookupError(f"{model.__name__} is not a registered worksheet kind.")


def trusted_link_kinds() -> list[WorksheetKind]:
    """The kinds a member may share with someone they trust by link."""
    return [kind for kind in _KINDS.values() if kind.trusted_link]


def content_paths(prefix: str = "") -> list[str]:
    """`select_related` paths from a `Worksheet` (at `prefix`) to every kind's
    row, so a list of mixed worksheets loads in one query."""
    return [f"{prefix}{kind.related_name}" for kind in _KINDS.values()]
