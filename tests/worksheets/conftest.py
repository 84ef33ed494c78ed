"""Shared worksheets: the member's statement and relationship, shared with
the `clinician` persona through the real service (which also emails them)."""

import uuid

import pytest

from worksheets import services
from worksheets.models import Share

from ..factories import make_relationship, make_statement

STATEMENT_TEXT = "Tired in a way that sleep does not fix."
RELATIONSHIP_NOTES = "We talk on Sundays."


@pytest.fixture
def statement(member):
    return make_statement(member, title="For my sister", experience=STATEMENT_TEXT)


@pytest.fixture
def relationship(member):
    return make_relationship(member, name="Jo", notes=RELATIONSHIP_NOTES)


@pytest.fixture
def share(member, clinician, statement, relationship) -> Share:
    return services.share_create(
        owner=member,
        clinician=clinician,
        worksheets=[statement, relationship],
        expiry=Share.Expiry.DAYS_30,
        token=uuid.uuid4(),
    )
