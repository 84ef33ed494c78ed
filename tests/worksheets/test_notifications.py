"""Emails: the clinician hears about new and stopped shares and the member's
replies, the member about new comments. Every email goes through the task
queue and holds a link and nothing a member wrote."""

import uuid

import pytest
from django.urls import reverse

from connectapp.lib import notifications
from tests.tasks import run_ready_tasks, waiting_tasks
from worksheets import services

from .conftest import RELATIONSHIP_NOTES, STATEMENT_TEXT

pytestmark = pytest.mark.django_db

SITE = "https://connect.example.org"
COMMENT = "Let us talk about the Sunday calls."


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


def assert_private(message, member, worksheets) -> None:
    text = message.subject + message.body
    for secret in (STATEMENT_TEXT, RELATIONSHIP_NOTES, COMMENT, member.display_name):
        assert secret not in text
    for worksheet in worksheets:
        assert worksheet.display_title not in text


def test_the_clinician_is_told_of_a_new_share_with_a_link_only(
    share, clinician, member, statement, relationship, mailoutbox
):
    assert not mailoutbox, "nothing is sent inside the request"
    run_ready_tasks()
    (message,) = mailoutbox
    assert message.to == [clinician.email]
    assert "shared worksheets with you" in message.subject
    assert f"{SITE}{reverse('clinician:dashboard')}" in message.body
    assert_private(message, member, [statement, relationship])


def test_the_clinician_is_told_when_sharing_stops(
    share, clinician, member, statement, relationship, mailoutbox
):
    services.share_revoke(share=share)
    run_ready_tasks()

    message = mailoutbox[-1]
    assert message.to == [clinician.email]
    assert "stopped sharing" in message.subject
    assert f"{SITE}{reverse('clinician:dashboard')}" in message.body
    assert_private(message, member, [statement, relationship])


def test_the_member_is_told_of_a_new_comment_with_a_link_only(
    share, clinician_client, member, statement, relationship, mailoutbox
):
    clinician_client.post(
        reverse("worksheets:statement-comment", args=[statement.pk]),
        {"text": COMMENT, "token": uuid.uuid4()},
    )
    run_ready_tasks()

    message = mailoutbox[-1]
    assert message.to == [member.email]
    assert "new comment" in message.subject
    # Built from the request, so it points where the clinician is using Connect.
    link = f"http://testserver{reverse('worksheets:statement-detail', args=[statement.pk])}"
    assert f"{link}#comments" in message.body
    assert_private(message, member, [statement, relationship])


def test_a_members_reply_tells_the_clinician_through_the_queue_with_a_link_only(
    share, member_client, member, clinician, statement, relationship, mailoutbox
):
    run_ready_tasks()
    sent = len(mailoutbox)
    member_client.post(
        reverse("worksheets:statement-comment", args=[statement.pk]),
        {"text": COMMENT, "clinician": clinician.pk, "token": uuid.uuid4()},
    )
    assert len(mailoutbox) == sent, "nothing is sent inside the request"
    assert waiting_tasks("email_deliver").count() == 1

    run_ready_tasks()

    (message,) = mailoutbox[sent:]
    assert message.to == [clinician.email]
    assert "replied" in message.subject
    # Built from the request, as every link in an email sent from a page is.
    link = f"http://testserver{reverse('worksheets:statement-detail', args=[statement.pk])}"
    assert f"{link}#comments" in message.body
    assert_private(message, member, [statement, relationship])


def test_a_mail_failure_never_undoes_the_share(
    settings, member, clinician, statement, caplog, monkeypatch
):
    def refuse(*args, **kwargs):
        raise OSError("mail server unreachable")

    monkeypatch.setattr(notifications, "email_enqueue", refuse)
    share = services.share_create(
        owner=member,
        clinician=clinician,
        worksheets=[statement],
        expiry="30",
        token=uuid.uuid4(),
    )
    assert share.is_active
    assert "notification_failed template=worksheets/email/share_created" in caplog.text
    assert STATEMENT_TEXT not in caplog.text


@pytest.mark.parametrize(
    ("saved", "subject", "words"),
    [
        ("es", "Tienes un comentario nuevo", "dejó un comentario"),
        ("", "You have a new comment", "left a comment"),
    ],
)
def test_the_member_is_written_to_in_their_own_language_whatever_the_request(
    share, clinician_client, member, statement, mailoutbox, saved, subject, words
):
    member.language = saved
    member.save(update_fields=["language"])
    clinician_client.post(
        reverse("worksheets:statement-comment", args=[statement.pk]),
        {"text": COMMENT, "token": uuid.uuid4()},
        headers={"accept-language": "en" if saved else "es"},
    )
    run_ready_tasks()

    message = mailoutbox[-1]
    assert message.to == [member.email]
    assert message.subject.endswith(subject)
    assert words in message.body


def test_the_clinician_is_told_of_a_share_in_their_own_language(
    member, clinician, statement, mailoutbox
):
    clinician.language = "es"
    clinician.save(update_fields=["language"])
    services.share_create(
        owner=member, clinician=clinician, worksheets=[statement], expiry="30", token=uuid.uuid4()
    )
    run_ready_tasks()

    (message,) = mailoutbox
    assert "compartió hojas de trabajo contigo" in message.subject
    assert "panel" in message.body
    assert "shared" not in message.body
