"""The worksheet family's migrations carry a populated database forward:
every statement and relationship keeps its id and gets a `Worksheet` row, and
shares, comments, unsaved edits and access-log rows follow it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ..migrations import migrate_to, migrate_to_latest


@pytest.fixture(autouse=True)
def _latest_afterwards():
    yield
    migrate_to_latest()


BEFORE = "0002_sharing_comments_access_log"
AFTER = "0005_drop_per_kind_links"


def _migrate(target):
    return migrate_to("worksheets", target)


@pytest.mark.django_db(transaction=True)
def test_the_family_migration_keeps_every_link():
    old = _migrate(BEFORE)
    User = old.get_model("accounts", "User")
    member = User.objects.create(email="m@example.com", display_name="Sam")
    clinician = User.objects.create(email="c@example.com", display_name="Dr. Lee")
    Statement = old.get_model("worksheets", "NeedsStatement")
    Relationship = old.get_model("worksheets", "Relationship")
    # Ids that collide across kinds, as they do in a real database.
    statement = Statement.objects.create(pk=7, owner=member, title="For my sister")
    relationship = Relationship.objects.create(pk=7, owner=member, name="Jo")
    other = Relationship.objects.create(pk=9, owner=member, name="Kit")
    Share = old.get_model("worksheets", "Share")
    share = Share.objects.create(owner=member, clinician=clinician, clinician_name="Dr. Lee")
    share.statements.add(statement)
    share.relationships.add(relationship)
    Comment = old.get_model("worksheets", "Comment")
    Comment.objects.create(
        owner=member,
        clinician=clinician,
        clinician_name="Dr. Lee",
        from_clinician=True,
        relationship=relationship,
        text="Thank you.",
    )
    old.get_model("worksheets", "UnsavedEdit").objects.create(
        owner=member, statement=statement, data={"title": "Newer"}, base_version=1
    )
    Log = old.get_model("worksheets", "AccessLogEntry")
    Log.objects.create(
        owner=member,
        clinician=clinician,
        clinician_name="Dr. Lee",
        kind="page",
        statement=statement,
    )
    Log.objects.create(
        owner=member,
        clinician=clinician,
        clinician_name="Dr. Lee",
        kind="page",
        relationship_id=999,
    )  # a worksheet deleted long ago

    new = _migrate(AFTER)
    Worksheet = new.get_model("worksheets", "Worksheet")
    statement = new.get_model("worksheets", "NeedsStatement").objects.get(pk=7)
    relationship = new.get_model("worksheets", "Relationship").objects.get(pk=7)
    other = new.get_model("worksheets", "Relationship").objects.get(pk=9)
    assert Worksheet.objects.count() == 3
    assert (statement.worksheet.kind, statement.worksheet.owner_id) == ("statement", member.pk)
    assert relationship.worksheet.kind == "relationship"
    assert len({statement.worksheet_id, relationship.worksheet_id, other.worksheet_id}) == 3
    share = new.get_model("worksheets", "Share").objects.get()
    assert set(share.worksheets.values_list("pk", flat=True)) == {
        statement.worksheet_id,
        relationship.worksheet_id,
    }
    comment = new.get_model("worksheets", "Comment").objects.get()
    assert comment.worksheet_id == relationship.worksheet_id
    unsaved = new.get_model("worksheets", "UnsavedEdit").objects.get()
    assert unsaved.worksheet_id == statement.worksheet_id
    logs = new.get_model("worksheets", "AccessLogEntry").objects.order_by("pk")
    assert [log.worksheet_id for log in logs] == [statement.worksheet_id, None]


@pytest.mark.django_db(transaction=True)
def test_the_family_migration_can_be_reversed():
    new = _migrate(AFTER)
    User = new.get_model("accounts", "User")
    member = User.objects.create(email="m@example.com", display_name="Sam")
    Worksheet = new.get_model("worksheets", "Worksheet")
    family = Worksheet.objects.create(owner=member, kind="statement")
    new.get_model("worksheets", "NeedsStatement").objects.create(
        pk=3, owner=member, title="Mine", worksheet=family
    )
    new.get_model("worksheets", "UnsavedEdit").objects.create(
        owner=member, worksheet=family, data={}, base_version=1
    )

    old = _migrate(BEFORE)
    assert old.get_model("worksheets", "UnsavedEdit").objects.get().statement_id == 3
    _migrate(AFTER)


@pytest.mark.django_db(transaction=True)
def test_one_unended_share_per_clinician_ends_extra_shares_first():
    old = migrate_to("worksheets", "0005_drop_per_kind_links")
    User = old.get_model("accounts", "User")
    member = User.objects.create(email="m@example.com", display_name="Sam")
    clinician = User.objects.create(email="c@example.com", display_name="Dr. Lee")
    Share = old.get_model("worksheets", "Share")
    now = timezone.now()

    def share(**fields):
        return Share.objects.create(
            owner=member, clinician=clinician, clinician_name="Dr. Lee", **fields
        )

    expired = share(created_at=now - timedelta(days=60), expires_at=now - timedelta(days=30))
    older = share(created_at=now - timedelta(days=2))
    newest = share(created_at=now - timedelta(days=1))

    new = migrate_to("worksheets", "0006_one_unended_share_per_clinician")
    rows = {row.pk: row for row in new.get_model("worksheets", "Share").objects.all()}
    assert (rows[expired.pk].ended_at, rows[expired.pk].end_reason) == (
        expired.expires_at,
        "expired",
    )
    assert rows[older.pk].end_reason == "replaced"
    assert rows[newest.pk].ended_at is None
