"""No admin page shows what a member wrote in their worksheets, comments or
mood notes: not the lists, not the change pages, not the confirmation page
for deleting their account (which lists every related object by `__str__`)."""

import pytest
from django.contrib import admin
from django.urls import reverse

from worksheets import models as ws
from worksheets import registry
from worksheets.services import access_log_record

from ..factories import (
    make_activity,
    make_clinician,
    make_comment,
    make_log,
    make_plan,
    make_relationship,
    make_safety_plan,
    make_security_check,
    make_share,
    make_statement,
    make_test_drive,
    make_unsaved_edit,
)

pytestmark = pytest.mark.django_db

SECRETS = [
    "Quill-title-5531",
    "Mornings-5531",
    "Sam-friend-5531",
    "Sunday-calls-5531",
    "check-note-5531",
    "asked-5531",
    "unsaved-5531",
    "comment-5531",
    "mood-note-5531",
    "plan-title-5531",
    "reasons-5531",
    "helper-5531",
    "message-5531",
]


@pytest.fixture
def members_writing(member):
    statement = make_statement(member, title="Quill-title-5531", experience="Mornings-5531")
    relationship = make_relationship(member, name="Sam-friend-5531", notes="Sunday-calls-5531")
    make_security_check(relationship, consistency_note="check-note-5531")
    make_test_drive(relationship, ask="asked-5531")
    make_safety_plan(
        member,
        title="plan-title-5531",
        reasons="reasons-5531",
        helpers=[{"name": "helper-5531", "phone": "555-0100", "message": "message-5531"}],
    )
    make_unsaved_edit(statement, data={"title": "unsaved-5531"})
    clinician = make_clinician()
    make_share(member, clinician, statements=[statement], relationships=[relationship])
    make_comment(statement, clinician, text="comment-5531")
    access_log_record(reader=clinician, worksheet=statement, kind="page")
    activity = make_activity()
    make_plan(owner=member, activity=activity)
    make_log(owner=member, activity=activity, note="mood-note-5531")
    return member


def admin_urls(member) -> list[str]:
    urls = [reverse("admin:index"), reverse("admin:accounts_user_delete", args=[member.pk])]
    for model in admin.site._registry:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls.append(reverse(f"{name}_changelist"))
        for pk in model._default_manager.values_list("pk", flat=True):
            urls.append(reverse(f"{name}_change", args=[pk]))
    return urls


def test_no_admin_page_shows_what_a_member_wrote(admin_client, members_writing):
    urls = admin_urls(members_writing)
    assert reverse("admin:accounts_user_change", args=[members_writing.pk]) in urls
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        for secret in SECRETS:
            assert secret not in page, (url, secret)


def test_no_worksheet_str_shows_what_a_member_wrote(members_writing):
    for model in (
        *[kind.model for kind in registry.kinds()],
        ws.SecurityCheck,
        ws.TestDrive,
        ws.UnsavedEdit,
        ws.Comment,
        ws.Share,
        ws.Worksheet,
        ws.AccessLogEntry,
    ):
        for row in model.objects.all():
            for secret in SECRETS:
                assert secret not in str(row)
