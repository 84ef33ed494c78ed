"""Model pieces every app with private data uses."""

from __future__ import annotations

from django.db import models

# Generous, but keeps one piece of text from growing without bound.
TEXT_MAX_LENGTH = 10_000


def text_field(verbose_name: str | None = None, *, blank: bool = True) -> models.TextField:
    return models.TextField(verbose_name, blank=blank, max_length=TEXT_MAX_LENGTH)


class OwnedQuerySet(models.QuerySet):
    """Rows that belong to one member. `owned_by` is the one way to say "mine";
    an app's access helpers (`<app>/access.py`) build on it and on
    `readable_by` / `editable_by`, which a subclass may widen for reading."""

    def owned_by(self, user) -> OwnedQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)

    def readable_by(self, user) -> OwnedQuerySet:
        return self.owned_by(user)

    def editable_by(self, user) -> OwnedQuerySet:
        return self.owned_by(user)
