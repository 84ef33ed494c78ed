import uuid

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from worksheets.models import HelpKind, NeedsStatement, UnsavedEdit

from ..factories import make_statement


def statement_post(**overrides) -> dict:
    data = {
        "title": "For my partner",
        "audience": "Sam",
        "experience": "It feels like walking through deep water.",
        "warning_signs": "I go quiet.",
        "helps": [HelpKind.BE_WITH_ME, HelpKind.LISTEN],
        "helps_other": "Tea.",
        "unhelpful": "Advice I did not ask for.",
        "check_ins": "A text on Sundays.",
        "if_unavailable": "Say so, kindly.",
        "crisis_contacts": "My GP.",
        "with_therapist": "on",
        "therapist_note": "We did this in session.",
    }
    data.update(overrides)
    return data


def test_member_writes_a_statement_and_sees_it(member, member_client):
    create = reverse("worksheets:statement-create")
    form_page = member_client.get(create)
    token = form_page.context["form"]["token"].value()

    response = member_client.post(create, statement_post(token=token), follow=True)

    statement = NeedsStatement.objects.get(owner=member)
    assert statement.helps == [HelpKind.BE_WITH_ME, HelpKind.LISTEN]
    assert statement.with_therapist is True
    assert response.redirect_chain[-1][0] == reverse(
        "worksheets:statement-detail", args=[statement.pk]
    )
    page = response.content.decode()
    assert "It feels like walking through deep water." in page
    assert "Listen to me without jumping in to fix things" in page
    assert "Last saved" in page
    assert "call or text 988" in page


def test_every_section_is_optional_but_a_name(member, member_client):
    response = member_client.post(
        reverse("worksheets:statement-create"),
        {"title": "Short", "token": str(uuid.uuid4())},
    )
    assert response.status_code == 302
    assert NeedsStatement.objects.get(owner=member).experience == ""


def test_a_double_submit_creates_one_statement(member, member_client):
    data = statement_post(token=str(uuid.uuid4()))
    first = member_client.post(reverse("worksheets:statement-create"), data)
    second = member_client.post(reverse("worksheets:statement-create"), data)

    assert NeedsStatement.objects.filter(owner=member).count() == 1
    assert first["Location"] == second["Location"]


@pytest.mark.parametrize("token", [None, "", "not-a-uuid"])
def test_a_create_form_with_a_missing_token_still_saves(member, member_client, token):
    data = statement_post() if token is None else statement_post(token=token)
    response = member_client.post(reverse("worksheets:statement-create"), data)
    assert response.status_code == 302
    assert NeedsStatement.objects.filter(owner=member).count() == 1


def test_an_unknown_help_choice_is_refused_with_a_message(member_client):
    response = member_client.post(
        reverse("worksheets:statement-create"),
        statement_post(token=str(uuid.uuid4()), helps=["shout_at_me"]),
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not NeedsStatement.objects.exists()


def test_saving_bumps_the_version_and_the_last_saved_time(member, member_client):
    statement = make_statement(member, updated_at=timezone.now() - timezone.timedelta(days=3))
    before = statement.updated_at

    response = member_client.post(
        reverse("worksheets:statement-edit", args=[statement.pk]),
        statement_post(version=statement.version),
    )

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.version == 2
    assert statement.updated_at > before
    assert statement.title == "For my partner"


def test_a_stale_save_is_refused_and_both_texts_are_kept(member, member_client):
    statement = make_statement(member, experience="The text from my phone.")
    edit = reverse("worksheets:statement-edit", args=[statement.pk])
    # Another device saves first.
    member_client.post(edit, statement_post(experience="The text from my laptop.", version=1))

    response = member_client.post(
        edit, statement_post(experience="The text from my phone, edited.", version=1)
    )

    statement.refresh_from_db()
    assert statement.experience == "The text from my laptop."
    assert statement.version == 2
    unsaved = UnsavedEdit.objects.get(worksheet=statement.worksheet)
    assert unsaved.data["experience"] == "The text from my phone, edited."
    assert response["Location"] == reverse("worksheets:unsaved-edit", args=[unsaved.pk])

    page = member_client.get(response["Location"]).content.decode()
    assert "The text from my laptop." in page
    assert "The text from my phone, edited." in page
    assert "Your unsaved version" in page
    assert "The saved version" in page


def test_unsaved_text_survives_navigating_away(member, member_client):
    statement = make_statement(member)
    edit = reverse("worksheets:statement-edit", args=[statement.pk])
    member_client.post(edit, statement_post(experience="Saved elsewhere.", version=1))
    member_client.post(edit, statement_post(experience="Refused but kept.", version=1))

    page = member_client.get(reverse("worksheets:statement-detail", args=[statement.pk]))

    assert "You have changes that were not saved" in page.content.decode()
    unsaved = UnsavedEdit.objects.get(worksheet=statement.worksheet)
    assert reverse("worksheets:unsaved-edit", args=[unsaved.pk]) in page.content.decode()


def test_choosing_the_unsaved_version_saves_it_and_clears_the_conflict(member, member_client):
    statement = make_statement(member)
    edit = reverse("worksheets:statement-edit", args=[statement.pk])
    member_client.post(edit, statement_post(experience="Saved elsewhere.", version=1))
    member_client.post(edit, statement_post(experience="Mine, refused.", version=1))
    unsaved = UnsavedEdit.objects.get()

    form = member_client.get(reverse("worksheets:unsaved-edit", args=[unsaved.pk])).context["form"]
    assert form["experience"].value() == "Mine, refused."
    assert form["version"].value() == 2
    response = member_client.post(
        reverse("worksheets:unsaved-edit", args=[unsaved.pk]),
        statement_post(experience="Mine, refused. Plus a line from the other one.", version=2),
    )

    assert response["Location"] == reverse("worksheets:statement-detail", args=[statement.pk])
    statement.refresh_from_db()
    assert statement.experience == "Mine, refused. Plus a line from the other one."
    assert statement.version == 3
    assert not UnsavedEdit.objects.exists()


def test_resolving_against_a_newer_save_again_keeps_the_text(member, member_client):
    statement = make_statement(member)
    edit = reverse("worksheets:statement-edit", args=[statement.pk])
    member_client.post(edit, statement_post(experience="Second.", version=1))
    member_client.post(edit, statement_post(experience="Refused.", version=1))
    unsaved = UnsavedEdit.objects.get()
    member_client.post(edit, statement_post(experience="Third, from yet another tab.", version=2))

    response = member_client.post(
        reverse("worksheets:unsaved-edit", args=[unsaved.pk]),
        statement_post(experience="My merged text.", version=2),
    )

    assert response["Location"] == reverse("worksheets:unsaved-edit", args=[unsaved.pk])
    statement.refresh_from_db()
    assert statement.experience == "Third, from yet another tab."
    unsaved.refresh_from_db()
    assert unsaved.data["experience"] == "My merged text."
    assert unsaved.base_version == 2
    assert UnsavedEdit.objects.count() == 1


def test_discarding_the_unsaved_version_keeps_the_saved_one(member, member_client):
    statement = make_statement(member)
    edit = reverse("worksheets:statement-edit", args=[statement.pk])
    member_client.post(edit, statement_post(experience="Saved.", version=1))
    member_client.post(edit, statement_post(experience="Refused.", version=1))
    unsaved = UnsavedEdit.objects.get()

    assert (
        member_client.get(reverse("worksheets:unsaved-edit-discard", args=[unsaved.pk])).status_code
        == 405
    )
    assert UnsavedEdit.objects.exists()
    member_client.post(reverse("worksheets:unsaved-edit-discard", args=[unsaved.pk]))

    statement.refresh_from_db()
    assert statement.experience == "Saved."
    assert not UnsavedEdit.objects.exists()


def test_a_double_click_on_save_is_not_a_conflict(member, member_client):
    statement = make_statement(member)
    edit = reverse("worksheets:statement-edit", args=[statement.pk])
    data = statement_post(version=1)

    member_client.post(edit, data)
    response = member_client.post(edit, data)

    assert response["Location"] == reverse("worksheets:statement-detail", args=[statement.pk])
    assert not UnsavedEdit.objects.exists()
    statement.refresh_from_db()
    assert statement.version == 2


@pytest.mark.parametrize("version", [None, "", "x", "-1", "99999999999999"])
def test_an_edit_with_a_mangled_version_is_kept_for_comparison(member, member_client, version):
    statement = make_statement(member)
    data = statement_post(experience="Kept, not lost.")
    if version is not None:
        data["version"] = version
    response = member_client.post(reverse("worksheets:statement-edit", args=[statement.pk]), data)
    unsaved = UnsavedEdit.objects.get(worksheet=statement.worksheet)
    assert response["Location"] == reverse("worksheets:unsaved-edit", args=[unsaved.pk])
    assert unsaved.data["experience"] == "Kept, not lost."
    statement.refresh_from_db()
    assert statement.version == 1


def test_an_invalid_edit_keeps_the_members_text_on_the_page(member, member_client):
    statement = make_statement(member)
    response = member_client.post(
        reverse("worksheets:statement-edit", args=[statement.pk]),
        # A name is optional now; one longer than 100 characters is still refused.
        statement_post(title="x" * 101, experience="Please do not lose this.", version=1),
    )
    assert response.status_code == 200
    assert "Please do not lose this." in response.content.decode()
    statement.refresh_from_db()
    assert statement.version == 1


def test_no_one_can_set_the_owner_or_version_through_the_form(member, other_member, member_client):
    statement = make_statement(member)
    member_client.post(
        reverse("worksheets:statement-edit", args=[statement.pk]),
        statement_post(version=1, owner=other_member.pk, creation_token=str(uuid.uuid4())),
    )
    statement.refresh_from_db()
    assert statement.owner == member
    assert statement.version == 2
    assert statement.creation_token is None


def test_delete_asks_first_and_a_get_never_deletes(member, member_client):
    statement = make_statement(member)
    url = reverse("worksheets:statement-delete", args=[statement.pk])

    page = member_client.get(url)
    assert "Delete this needs statement?" in page.content.decode()
    assert NeedsStatement.objects.filter(pk=statement.pk).exists()

    response = member_client.post(url)
    assert response["Location"] == reverse("worksheets:overview")
    assert not NeedsStatement.objects.filter(pk=statement.pk).exists()


@pytest.mark.parametrize("count", [1, 8])
def test_overview_query_count_does_not_grow_with_worksheets(
    member, member_client, django_assert_max_num_queries, memory_cache, count
):
    from ..factories import make_relationship, make_safety_plan, make_security_check

    for n in range(count):
        make_statement(member, title=f"Statement {n}")
        make_safety_plan(member, title=f"Plan {n}")
        relationship = make_relationship(member, name=f"Friend {n}")
        make_security_check(relationship)
        make_security_check(relationship, consistency=0)

    # One query per section of the page (statements, safety plans, relationships), never
    # per row; and the user with their authenticators, whose kept copy the new rows replaced.
    with django_assert_max_num_queries(16):
        response = member_client.get(reverse("worksheets:overview"))
    assert response.status_code == 200
    assert response.content.decode().count("Consistency: not yet") == count


def test_a_statement_without_a_name_is_saved_with_a_dated_one(member, member_client):
    """The form says every part is optional: the name is too."""
    form_page = member_client.get(reverse("worksheets:statement-create")).content.decode()
    assert "Every part is optional" in form_page

    response = member_client.post(
        reverse("worksheets:statement-create"),
        {"title": "  ", "experience": "Heavy.", "token": str(uuid.uuid4())},
    )

    assert response.status_code == 302
    statement = NeedsStatement.objects.get(owner=member)
    today = timezone.localdate()
    assert statement.title == f"My needs statement, {date_format(today, 'DATE_FORMAT')}"


def test_clearing_the_name_on_edit_gives_a_dated_name(member, member_client):
    statement = make_statement(member, title="Old name")
    member_client.post(
        reverse("worksheets:statement-edit", args=[statement.pk]),
        statement_post(title="", version=statement.version),
    )
    statement.refresh_from_db()
    assert statement.title.startswith("My needs statement, ")
