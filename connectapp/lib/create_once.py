"""Create a row once, however many times its form is sent.

A create form carries a one-time token (`CreateOnceForm`); the model has a
unique constraint on the owner and that token; `create_once` returns the row
the first submit made. The same function serves any "at most one of these"
rule that a unique constraint backs (an open plan, an open recommendation)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.db import IntegrityError, models, transaction

M = TypeVar("M", bound=models.Model)


def create_once(
    model: type[M],
    *,
    unique: dict[str, Any],
    values: dict[str, Any] | None = None,
    then: Callable[[M], None] | None = None,
) -> tuple[M, bool]:
    """Create a row with `unique` and `values`, unless a row matching `unique`
    (the fields of a unique constraint) exists: then return that one. `then`
    runs in the same transaction, only for a new row. Returns the row and
    whether this call created it."""
    existing = model.objects.filter(**unique).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            row = model.objects.create(**unique, **(values or {}))
            if then is not None:
                then(row)
            return row, True
    except IntegrityError:
        # Another request made it in the meantime. Any other broken rule is
        # the caller's to handle.
        row = model.objects.filter(**unique).first()
        if row is None:
            raise
        return row, False


class CreateOnceForm(forms.Form):
    """A create form carries a one-time token, so sending it twice (a double
    click, or Back and resubmit) finds the first object instead of adding one.

    A missing or mangled token gets a fresh one rather than an error: a hidden
    field the member cannot fix must never block their save."""

    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("token", uuid.uuid4())
        super().__init__(*args, **kwargs)

    def clean_token(self) -> uuid.UUID:
        try:
            return uuid.UUID(self.cleaned_data["token"])
        except ValueError:
            return uuid.uuid4()
