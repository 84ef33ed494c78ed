"""The worksheet family: every kind registers once, links to one `Worksheet`
row, and everything that hangs off a worksheet goes with it."""

import pytest
from django.urls import reverse

from worksheets import registry
from worksheets.models import Comment, Share, UnsavedEdit, Worksheet

from ..factories import (
    make_clinician,
    make_comment,
    make_relationship,
    make_safety_plan,
    make_share,
    make_statement,
    make_unsaved_edit,
)

pytestmark = pytest.mark.django_db

MAKERS = {
    "statement": make_statement,
    "relationship": make_relationship,
    "safetyplan": make_safety_plan,
}


def test_every_registered_kind_has_a_maker_here():
    assert set(MAKERS) == {kind.key for kind in registry.kinds()}


@pytest.mark.parametrize("key", list(MAKERS))
def test_a_new_worksheet_gets_its_family_row(member, key):
    worksheet = MAKERS[key](member)
    family = Worksheet.objects.get()
    assert (family.kind, family.owner, family.content) == (key, member, worksheet)
    assert worksheet.kind_info is registry.get(key)


@pytest.mark.parametrize("key", list(MAKERS))
def test_every_kind_links_to_its_own_page(member, key):
    worksheet = MAKERS[key](member)
    assert worksheet.get_absolute_url() == reverse(f"worksheets:{key}-detail", args=[worksheet.pk])


@pytest.mark.parametrize("key", list(MAKERS))
def test_deleting_a_worksheet_takes_everything_that_hangs_off_it(member, key):
    worksheet = MAKERS[key](member)
    kept = MAKERS[key](member)
    clinician = make_clinician()
    share = make_share(member, clinician, **{f"{key}s": [worksheet, kept]})
    make_comment(worksheet, clinician)
    make_unsaved_edit(worksheet)

    worksheet.delete()

    assert not registry.get(key).model.objects.filter(pk=worksheet.pk).exists()
    assert list(Worksheet.objects.all()) == [kept.worksheet]
    assert not Comment.objects.exists()
    assert not UnsavedEdit.objects.exists()
    assert Share.objects.get(pk=share.pk).covered() == [kept]


def test_ids_are_per_kind_so_addresses_do_not_change(member, member_client):
    statement = make_statement(member, pk=41)
    relationship = make_relationship(member, pk=41)
    assert statement.worksheet_id != relationship.worksheet_id
    assert member_client.get("/worksheets/statements/41/").context["statement"] == statement
    assert (
        member_client.get("/worksheets/relationships/41/").context["relationship"] == relationship
    )


def test_a_key_cannot_be_registered_for_a_second_model():
    statement = registry.get("statement")
    with pytest.raises(ValueError):
        registry.register(
            registry.WorksheetKind(
                **{**statement.__dict__, "model": registry.get("relationship").model}
            )
        )
