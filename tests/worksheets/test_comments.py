"""Comments: a clinician comments on a shared worksheet, the member reads and
replies, a clinician can never edit, and comments outlive the share."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from worksheets import services
from worksheets.models import Comment, Relationship, Share

from ..conftest import sign_in
from ..factories import make_clinician, make_comment
from ..tasks import run_ready_tasks
from .conftest import STATEMENT_TEXT

pytestmark = pytest.mark.django_db


def comment_url(worksheet) -> str:
    return reverse(f"worksheets:{worksheet.kind_info.key}-comment", args=[worksheet.pk])


def detail_url(worksheet) -> str:
    return worksheet.get_absolute_url()


@pytest.mark.parametrize("which", ["statement", "relationship"])
def test_a_clinician_comments_and_the_member_sees_it(
    request, share, member_client, clinician_client, clinician, which
):
    worksheet = request.getfixturevalue(which)

    response = clinician_client.post(
        comment_url(worksheet), {"text": "Could we look at this together?", "token": uuid.uuid4()}
    )

    assert response["Location"] == detail_url(worksheet) + "#comments"
    comment = Comment.objects.get()
    assert comment.from_clinician
    assert comment.clinician == clinician
    assert comment.owner == worksheet.owner
    page = member_client.get(detail_url(worksheet)).content.decode()
    assert "Could we look at this together?" in page
    assert f"With {clinician.display_name}, Psychologist" in page


def test_the_member_replies_and_the_clinician_reads_the_reply(
    share, statement, member_client, clinician_client, clinician
):
    make_comment(statement, clinician, text="How did this week go?")

    response = member_client.post(
        comment_url(statement),
        {"text": "Better, thank you.", "clinician": clinician.pk, "token": uuid.uuid4()},
    )

    assert response.status_code == 302
    reply = Comment.objects.get(from_clinician=False)
    assert reply.clinician == clinician
    page = clinician_client.get(detail_url(statement)).content.decode()
    assert "How did this week go?" in page
    assert "Better, thank you." in page


def test_a_clinician_sees_only_their_own_conversation(member, statement, share, clinician):
    other = make_clinician(display_name="Dr. Other")
    services.share_create(
        owner=member,
        clinician=other,
        worksheets=[statement],
        expiry=Share.Expiry.UNTIL_STOPPED,
        token=uuid.uuid4(),
    )
    make_comment(statement, clinician, text="From the first clinician.")
    make_comment(statement, other, text="A reply to the other one.", from_clinician=False)

    page = sign_in(Client(), other).get(detail_url(statement)).content.decode()

    assert "A reply to the other one." in page
    assert "From the first clinician." not in page


def test_the_member_sees_every_conversation_and_can_start_one(
    member, member_client, statement, share, clinician
):
    page = member_client.get(detail_url(statement)).content.decode()
    assert f"With {clinician.display_name}, Psychologist" in page
    assert "No comments yet." in page
    assert "Send message" in page


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("worksheets:statement-edit", {"title": "Changed", "version": "1"}),
        ("worksheets:statement-delete", {}),
    ],
)
def test_a_clinician_can_comment_but_never_edit(clinician_client, share, statement, name, data):
    response = clinician_client.post(reverse(name, args=[statement.pk]), data)
    assert response.status_code == 404
    statement.refresh_from_db()
    assert statement.title == "For my sister"
    assert statement.version == 1
    page = clinician_client.get(detail_url(statement)).content.decode()
    assert reverse("worksheets:statement-edit", args=[statement.pk]) not in page
    assert reverse("worksheets:statement-delete", args=[statement.pk]) not in page
    assert "Send comment" in page


def test_a_clinician_sees_no_edit_controls_on_a_relationship(clinician_client, share, relationship):
    page = clinician_client.get(detail_url(relationship)).content.decode()
    assert "Check again" not in page
    assert "Do a first check" not in page
    assert "Log a test drive" not in page
    assert reverse("worksheets:relationship-edit", args=[relationship.pk]) not in page


def test_an_empty_comment_is_refused_with_a_message(clinician_client, share, statement):
    response = clinician_client.post(comment_url(statement), {"text": "   ", "token": uuid.uuid4()})
    assert response.status_code == 400
    assert "Please write something before sending." in response.content.decode()
    assert not Comment.objects.exists()


def test_a_comment_that_is_too_long_is_kept_in_the_form(clinician_client, share, statement):
    text = "x" * 2001
    response = clinician_client.post(comment_url(statement), {"text": text, "token": uuid.uuid4()})
    assert response.status_code == 400
    assert text in response.content.decode()
    assert not Comment.objects.exists()


def test_a_double_submit_adds_one_comment(clinician_client, share, statement, mailoutbox):
    data = {"text": "Once only.", "token": str(uuid.uuid4())}
    clinician_client.post(comment_url(statement), data)
    clinician_client.post(comment_url(statement), data)
    run_ready_tasks()
    assert Comment.objects.count() == 1
    assert len([m for m in mailoutbox if "new comment" in m.subject]) == 1


def test_after_the_share_ends_the_clinician_sees_nothing_and_the_member_keeps_the_comments(
    member_client, clinician_client, share, statement, clinician
):
    make_comment(statement, clinician, text="Worth keeping.")
    services.share_revoke(share=share)

    assert clinician_client.get(detail_url(statement)).status_code == 404
    assert clinician_client.post(comment_url(statement), {"text": "Hello?"}).status_code == 404
    page = member_client.get(detail_url(statement)).content.decode()
    assert "Worth keeping." in page
    assert "can no longer see this worksheet" in page
    assert "Send message" not in page


def test_the_member_cannot_reply_to_a_clinician_who_no_longer_reads_along(
    member_client, share, statement, clinician
):
    make_comment(statement, clinician)
    Share.objects.filter(pk=share.pk).update(ended_at=timezone.now())

    response = member_client.post(
        comment_url(statement),
        {"text": "Are you there?", "clinician": clinician.pk, "token": uuid.uuid4()},
    )

    assert response.status_code == 400
    assert "can no longer see this worksheet" in response.content.decode()
    assert not Comment.objects.filter(from_clinician=False).exists()


def test_the_member_cannot_write_to_a_clinician_they_do_not_share_with(
    member_client, statement, share
):
    stranger = make_clinician()
    response = member_client.post(
        comment_url(statement), {"text": "Hi", "clinician": stranger.pk, "token": uuid.uuid4()}
    )
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_comments_are_the_members_and_go_with_their_account(member, share, statement, clinician):
    make_comment(statement, clinician)
    member.delete()
    assert not Comment.objects.exists()


def test_a_clinicians_page_shows_whose_worksheet_it_is_and_that_reads_are_seen(
    clinician_client, share, statement, member
):
    page = clinician_client.get(detail_url(statement)).content.decode()
    assert f"{member.display_name}</strong> shared this with you" in page
    assert f"{member.display_name} can see each time you open" in page
    assert STATEMENT_TEXT in page


def test_a_relationship_comment_goes_to_the_relationship(clinician_client, share, relationship):
    clinician_client.post(comment_url(relationship), {"text": "Noted.", "token": uuid.uuid4()})
    assert Comment.objects.get().worksheet.content == relationship
    assert Relationship.objects.get().comments.count() == 1
