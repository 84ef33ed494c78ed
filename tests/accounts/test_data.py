"""A member can take all their data with them, and erase their account."""

import json
import uuid

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from allauth.usersessions.models import UserSession
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from activities.models import Activity, ActivityLog, ActivityStart, Plan, Suggestion
from activities.services import start_save, suggestion_create
from tests.conftest import sign_in
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    make_comment,
    make_log,
    make_plan,
    make_recommendation,
    make_relationship,
    make_security_check,
    make_share,
    make_statement,
    make_test_drive,
)
from tests.tasks import run_ready_tasks
from worksheets import models as worksheets
from worksheets.services import access_log_record


def reauthenticate(client: Client) -> None:
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


@pytest.fixture
def members_data(member, other_member):
    make_statement(member, title="For my sister", experience="Mornings are the hardest.")
    relationship = make_relationship(member, name="Sam", notes="Old school friend.")
    make_security_check(relationship, consistency=0, consistency_note="We drift apart.")
    make_test_drive(relationship, response="Came right away.")
    make_plan(owner=member)
    make_log(owner=member, note="Felt lighter after the walk.", mood_before=2, mood_after=6)
    make_statement(other_member, title="Someone else's", experience="Not yours to see.")
    return member


def test_download_holds_every_kind_of_member_data(member_client, members_data):
    reauthenticate(member_client)
    response = member_client.get(reverse("accounts:data-download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="connect-data-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == members_data.email
    statement = data["worksheets"]["needs_statements"][0]
    assert statement["title"] == "For my sister"
    assert statement["experience"] == "Mornings are the hardest."
    relationship = data["worksheets"]["relationships"][0]
    assert relationship["notes"] == "Old school friend."
    assert relationship["security_checks"][0]["Consistency"] == {
        "rating": "Not yet",
        "note": "We drift apart.",
    }
    assert relationship["test_drives"][0]["response"] == "Came right away."
    assert len(data["activities"]["plans"]) == 1
    log = data["activities"]["mood_logs"][0]
    assert (log["mood_before"], log["mood_after"], log["note"]) == (
        2,
        6,
        "Felt lighter after the walk.",
    )
    assert "Not yours to see." not in response.content.decode()


def test_printable_copy_shows_the_same_data_escaped(member_client, members_data):
    worksheets.NeedsStatement.objects.filter(owner=members_data).update(audience="<b>Family</b>")
    reauthenticate(member_client)
    response = member_client.get(reverse("accounts:data-print"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Mornings are the hardest." in html
    assert "Felt lighter after the walk." in html
    assert "&lt;b&gt;Family&lt;/b&gt;" in html
    assert "Not yours to see." not in html
    assert 'href="tel:988"' in html


def test_data_page_links_to_download_print_and_delete(member_client):
    html = member_client.get(reverse("accounts:data")).content.decode()
    for name in ("accounts:data-download", "accounts:data-print", "accounts:delete"):
        assert reverse(name) in html


def test_delete_needs_the_box_ticked(member_client, members_data):
    reauthenticate(member_client)
    response = member_client.post(reverse("accounts:delete"), {})
    assert response.status_code == 200
    assert "Please check the box to confirm." in response.content.decode()
    assert User.objects.filter(pk=members_data.pk).exists()


def test_delete_asks_for_the_password_again(member_client, members_data):
    response = member_client.post(reverse("accounts:delete"), {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert User.objects.filter(pk=members_data.pk).exists()


def test_a_get_never_deletes(member_client, members_data):
    reauthenticate(member_client)
    assert member_client.get(reverse("accounts:delete")).status_code == 200
    assert User.objects.filter(pk=members_data.pk).exists()


def test_delete_erases_everything_and_ends_every_session(member_client, members_data, other_member):
    member = members_data
    other_device = sign_in(Client(), member)
    other_device.get("/")
    member_client.get("/")
    assert UserSession.objects.filter(user=member).count() == 2

    reauthenticate(member_client)
    response = member_client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    for model in (
        worksheets.NeedsStatement,
        worksheets.Relationship,
        worksheets.SecurityCheck,
        worksheets.TestDrive,
        Plan,
        ActivityLog,
    ):
        assert not model.objects.filter(owner_id=member.pk).exists(), model
    assert not UserSession.objects.filter(user_id=member.pk).exists()
    assert "_auth_user_id" not in member_client.session
    assert other_device.get(reverse("accounts:profile")).status_code == 302
    # Someone else's data is untouched.
    assert worksheets.NeedsStatement.objects.filter(owner=other_member).count() == 1
    run_ready_tasks()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]
    assert "Mornings" not in mail.outbox[0].body


def test_delete_removes_suggestions_awaiting_review(member_client, member):
    suggestion_create(
        owner=member,
        submission=uuid.uuid4(),
        title="Board games night",
        description="Play with neighbours.",
        setting="out",
        effort="high",
    )
    reauthenticate(member_client)
    member_client.post(reverse("accounts:delete"), {"confirm": "on"})
    assert not Suggestion.objects.exists()
    assert not Activity.objects.filter(title="Board games night").exists()


@pytest.mark.django_db
def test_anonymous_visitors_cannot_download_anything(client):
    response = client.get(reverse("accounts:data-download"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.fixture
def shared_data(members_data, clinician):
    member = members_data
    statement = worksheets.NeedsStatement.objects.get(owner=member)
    make_share(member, clinician, statements=[statement])
    make_comment(statement, clinician, text="Shall we look at mornings next time?")
    make_recommendation(owner=member, clinician=clinician)
    access_log_record(reader=clinician, worksheet=statement, kind="page")
    return member


def test_download_holds_shares_comments_access_log_and_recommendations(
    member_client, shared_data, clinician
):
    reauthenticate(member_client)
    data = json.loads(member_client.get(reverse("accounts:data-download")).content)
    sheets = data["worksheets"]
    assert sheets["shares"][0]["clinician"] == f"{clinician.display_name}, Psychologist"
    assert sheets["shares"][0]["needs_statements"] == ["For my sister"]
    assert sheets["comments"][0]["text"] == "Shall we look at mornings next time?"
    assert sheets["access_log"][0]["worksheet"] == "For my sister"
    assert len(data["activities"]["recommendations"]) == 1


def test_clinicians_download_their_application(clinician):
    client = sign_in(Client(), clinician)
    reauthenticate(client)
    data = json.loads(client.get(reverse("accounts:data-download")).content)
    assert data["clinician_profile"]["profession"] == "Psychologist"
    assert data["clinician_profile"]["status"] == "Verified"


def test_delete_ends_shares_tells_the_clinician_and_erases_the_log(
    member_client, shared_data, clinician
):
    member = shared_data
    reauthenticate(member_client)
    member_client.post(reverse("accounts:delete"), {"confirm": "on"})
    assert not User.objects.filter(pk=member.pk).exists()
    for model in (worksheets.Share, worksheets.Comment, worksheets.AccessLogEntry):
        assert not model.objects.filter(owner_id=member.pk).exists(), model
    run_ready_tasks()
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([clinician.email, member.email])
    for message in mail.outbox:
        assert "mornings" not in message.body.lower()
        assert "For my sister" not in message.body


def test_delete_keeps_a_suggested_activity_someone_else_planned(
    member_client, member, other_member
):
    suggestion, _ = suggestion_create(
        owner=member,
        submission=uuid.uuid4(),
        title="Board games night",
        description="Play with neighbours.",
        setting="out",
        effort="high",
    )
    activity = Activity.objects.get(suggestion=suggestion)
    make_plan(owner=other_member, activity=activity)
    start_save(owner=other_member, activity=activity, mood_before=3)
    make_plan(owner=member, activity=activity)
    make_log(owner=member, activity=activity)
    suggestion_create(
        owner=member,
        submission=uuid.uuid4(),
        title="Sing in the car",
        description="Loudly.",
        setting="home",
        effort="low",
    )

    reauthenticate(member_client)
    response = member_client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not Suggestion.objects.exists()
    # The other member's plan keeps its activity, no longer linked to anyone.
    activity.refresh_from_db()
    assert not Suggestion.objects.filter(activity=activity).exists()
    assert Plan.objects.get(owner=other_member).activity == activity
    assert ActivityStart.objects.get(owner=other_member).activity == activity
    assert not Plan.objects.filter(owner_id=member.pk).exists()
    # A suggestion nobody else used goes with the account.
    assert not Activity.objects.filter(title="Sing in the car").exists()
    assert "_auth_user_id" not in member_client.session


def test_a_failed_delete_says_so_and_leaves_the_member_signed_in(
    member_client, member, monkeypatch
):
    from django.db import OperationalError

    from connectapp import services

    def broken(**kwargs):
        raise OperationalError("database went away")

    monkeypatch.setattr(services, "account_delete", broken)
    reauthenticate(member_client)
    response = member_client.post(reverse("accounts:delete"), {"confirm": "on"})
    assert response.status_code == 503
    assert "nothing was deleted" in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()
    assert member_client.session["_auth_user_id"] == str(member.pk)
    assert not mail.outbox
    # Trying again works.
    monkeypatch.undo()
    reauthenticate(member_client)
    assert member_client.post(reverse("accounts:delete"), {"confirm": "on"}).status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()


@pytest.mark.parametrize("name", ["accounts:data-download", "accounts:data-print"])
def test_taking_a_copy_asks_for_the_password_again(member, name):
    client = Client()
    client.force_login(member)
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    reauthenticate(client)
    assert client.get(reverse(name)).status_code == 200


def test_download_holds_sign_in_sessions_and_two_factor_status(member):
    TOTP.activate(member, TOTP_SECRET)
    RecoveryCodes.activate(member)
    client = Client(HTTP_USER_AGENT="Firefox on a phone", REMOTE_ADDR="203.0.113.9")
    sign_in(client, member)
    client.get("/")
    reauthenticate(client)
    response = client.get(reverse("accounts:data-download"))
    data = json.loads(response.content)
    session = data["sign_in_sessions"][0]
    assert session["ip_address"] == "203.0.113.9"
    assert session["browser"] == "Firefox on a phone"
    assert session["signed_in_at"] and session["last_seen_at"]
    kinds = sorted(item["type"] for item in data["two_factor_authentication"])
    assert kinds == sorted(
        str(label)
        for label in (Authenticator.Type.RECOVERY_CODES.label, Authenticator.Type.TOTP.label)
    )
    assert all(item["added_at"] for item in data["two_factor_authentication"])
    body = response.content.decode()
    assert TOTP_SECRET not in body
    for authenticator in Authenticator.objects.filter(user=member):
        for value in authenticator.data.values():
            if isinstance(value, str) and len(value) > 8:
                assert value not in body


def test_clinicians_download_their_work_with_members(shared_data, clinician):
    member = shared_data
    statement = worksheets.NeedsStatement.objects.get(owner=member)
    make_comment(statement, clinician, text="A reply from the member.", from_clinician=False)
    client = sign_in(Client(), clinician)
    reauthenticate(client)
    response = client.get(reverse("accounts:data-download"))
    work = json.loads(response.content)["clinician_work"]
    assert [share["member"] for share in work["shares_received"]] == [member.display_name]
    assert work["shares_received"][0]["worksheets"] == 1
    assert [comment["text"] for comment in work["comments_written"]] == [
        "Shall we look at mornings next time?"
    ]
    assert work["comments_written"][0]["worksheet"] == "needs statement"
    assert [item["member"] for item in work["recommendations_made"]] == [member.display_name]
    assert [item["member"] for item in work["worksheets_read"]] == [member.display_name]
    # Members' own words and titles stay theirs.
    assert "For my sister" not in response.content.decode()
    assert "A reply from the member." not in response.content.decode()


def test_members_download_has_no_clinician_part(member_client, members_data):
    reauthenticate(member_client)
    data = json.loads(member_client.get(reverse("accounts:data-download")).content)
    assert "clinician_work" not in data


def test_printable_copy_uses_the_words_people_see_elsewhere(member_client, members_data, member):
    suggestion_create(
        owner=member,
        submission=uuid.uuid4(),
        title="Board games night",
        description="Play with neighbours.",
        setting="out",
        effort="high",
    )
    worksheets.NeedsStatement.objects.filter(owner=member).update(
        helps_other="Tea", unhelpful="Advice", check_ins="Weekly"
    )
    reauthenticate(member_client)
    html = member_client.get(reverse("accounts:data-print")).content.decode()
    for developer_words in (
        "Activity slug",
        "Helps other",
        "Check ins",
        "Unhelpful",
        "Setting",
        "Mood logs",
        ">out<",
    ):
        assert developer_words not in html, developer_words
    for label in ("Other things that help", "What does not help", "How and how often to check in"):
        assert label in html
