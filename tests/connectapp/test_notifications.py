"""Every email Connect sends is built by `connectapp.lib.notifications` (or
allauth's adapter) and delivered through the task queue in
`connectapp.lib.mail`, and none holds anything a member wrote."""

import ast
import uuid
from pathlib import Path

import pytest
from django.urls import reverse

from accounts.models import User

from ..accounts.test_data import reauthenticate
from ..conftest import sign_in
from ..factories import make_clinician, make_member, make_relationship, make_statement
from ..tasks import run_ready_tasks

ROOT = Path(__file__).resolve().parents[2]
SECRETS = [
    "Quill-title-8341",
    "Mornings are heavy-8341",
    "Sam-the-friend-8341",
    "Sunday calls-8341",
    "Robin-8341",
    "A reply from Robin-8341",
]


def test_only_the_notification_module_sends_mail():
    senders = []
    for package in ("accounts", "activities", "helplines", "worksheets", "connectapp"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.ImportFrom) and node.module == "django.core.mail":
                    senders.append(str(path.relative_to(ROOT)))
    assert sorted(senders) == ["connectapp/lib/mail.py", "connectapp/lib/notifications.py"]


@pytest.mark.django_db
def test_no_email_holds_text_a_member_wrote(client, mailoutbox, settings):
    settings.SITE_URL = "https://connect.example.org"
    member = make_member(display_name="Robin-8341")
    statement = make_statement(
        member, title="Quill-title-8341", experience="Mornings are heavy-8341"
    )
    relationship = make_relationship(member, name="Sam-the-friend-8341")
    clinician = make_clinician(display_name="Dr. Lee")
    member_client = sign_in(client, member)
    services_share = reverse("worksheets:share-confirm")
    session = member_client.session
    session["connect_share_code"] = clinician.clinician_profile.share_code
    session.save()
    member_client.post(
        services_share,
        {
            "statements": [statement.pk],
            "relationships": [relationship.pk],
            "expiry": "30",
            "token": str(uuid.uuid4()),
        },
    )
    clinician_client = sign_in(type(client)(), clinician)
    clinician_client.post(
        reverse("worksheets:statement-comment", args=[statement.pk]),
        {"text": "Sunday calls-8341", "token": str(uuid.uuid4())},
    )
    member_client.post(
        reverse("worksheets:statement-comment", args=[statement.pk]),
        {"text": "A reply from Robin-8341", "clinician": clinician.pk, "token": str(uuid.uuid4())},
    )
    reauthenticate(member_client)
    member_client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert not User.objects.filter(pk=member.pk).exists()
    run_ready_tasks()
    templates = [message.subject for message in mailoutbox]
    # shared, comment, reply, stopped (by deletion), deleted
    assert len(mailoutbox) == 5, templates
    for message in mailoutbox:
        assert message.subject.startswith("[Connect] ")
        text = message.subject + message.body
        for secret in SECRETS:
            assert secret not in text
