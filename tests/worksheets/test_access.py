"""The role matrix: every worksheet URL, for every persona.

Only the owner gets in. Everyone else signed in gets a 404 (so they cannot
tell the object exists), anonymous visitors are sent to sign in, and after a
refused POST the database is exactly as it was. To add a persona, add it to
PERSONAS and say what it may do in `expected_status`.
"""

import json

import pytest
from django.core import serializers
from django.test import Client
from django.urls import reverse

from worksheets import models as ws
from worksheets.urls import urlpatterns

from ..conftest import sign_in
from ..factories import (
    make_relationship,
    make_security_check,
    make_statement,
    make_test_drive,
    make_unsaved_edit,
)

PERSONAS = ["anonymous", "owner", "other_member", "clinician", "admin"]

# (URL name, which object's pk it takes, methods to try)
WORKSHEET_URLS = [
    ("worksheets:statement-detail", "statement", ["get", "post"]),
    ("worksheets:statement-edit", "statement", ["get", "post"]),
    ("worksheets:statement-print", "statement", ["get", "post"]),
    ("worksheets:statement-pdf", "statement", ["get", "post"]),
    ("worksheets:statement-delete", "statement", ["get", "post"]),
    ("worksheets:relationship-detail", "relationship", ["get", "post"]),
    ("worksheets:relationship-edit", "relationship", ["get", "post"]),
    ("worksheets:relationship-delete", "relationship", ["get", "post"]),
    ("worksheets:check-create", "relationship", ["get", "post"]),
    ("worksheets:check-delete", "check", ["get", "post"]),
    ("worksheets:test-drive-create", "relationship", ["get", "post"]),
    ("worksheets:test-drive-delete", "test_drive", ["get", "post"]),
    ("worksheets:unsaved-edit", "unsaved", ["get", "post"]),
    ("worksheets:unsaved-edit-discard", "unsaved", ["post"]),
]

CASES = [
    pytest.param(name, target, method, persona, id=f"{name.split(':')[1]}-{method}-{persona}")
    for name, target, methods in WORKSHEET_URLS
    for method in methods
    for persona in PERSONAS
]


@pytest.fixture
def worksheet_objects(member):
    statement = make_statement(
        member, title="Letter for Quill", experience="Mornings are the hardest part."
    )
    relationship = make_relationship(member, notes="We met at school.")
    return {
        "statement": statement,
        "relationship": relationship,
        "check": make_security_check(relationship),
        "test_drive": make_test_drive(relationship),
        "unsaved": make_unsaved_edit(statement, data={"title": "A refused save"}),
    }


def client_for(persona: str, request) -> Client:
    users = {
        "owner": "member",
        "other_member": "other_member",
        "clinician": "clinician",
        "admin": "admin_user",
    }
    if persona == "anonymous":
        return Client()
    return sign_in(Client(), request.getfixturevalue(users[persona]))


def snapshot() -> str:
    rows = []
    for model in (
        ws.NeedsStatement,
        ws.Relationship,
        ws.SecurityCheck,
        ws.TestDrive,
        ws.UnsavedEdit,
    ):
        rows.extend(json.loads(serializers.serialize("json", model.objects.order_by("pk"))))
    return json.dumps(rows, sort_keys=True)


# A POST that would change something if it were allowed.
HOSTILE_POST = {
    "title": "Overwritten",
    "name": "Overwritten",
    "kind": "other",
    "notes": "Overwritten",
    "version": "1",
    "token": "9b2f3c1e-1111-4a4a-8888-000000000001",
    "checked_on": "2026-01-01",
    "consistency": "0",
    "availability": "0",
    "reliability": "0",
    "responsiveness": "0",
    "predictability": "0",
    "ask": "Overwritten",
}


@pytest.mark.parametrize(("name", "target", "method", "persona"), CASES)
def test_only_the_owner_reaches_a_worksheet_url(
    request, worksheet_objects, name, target, method, persona
):
    url = reverse(name, args=[worksheet_objects[target].pk])
    client = client_for(persona, request)
    before = snapshot()

    response = client.post(url, HOSTILE_POST) if method == "post" else client.get(url)

    if persona == "owner":
        assert response.status_code in (200, 302), response.status_code
        return
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == 404
        assert b"Mornings are the hardest part" not in response.content
        assert b"A refused save" not in response.content
    assert snapshot() == before


@pytest.mark.parametrize(
    "name",
    [
        "worksheets:overview",
        "worksheets:statement-create",
        "worksheets:relationship-create",
    ],
)
@pytest.mark.parametrize("persona", PERSONAS)
def test_list_and_create_pages_show_only_the_signed_in_persons_own_worksheets(
    request, worksheet_objects, name, persona
):
    response = client_for(persona, request).get(reverse(name))
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
        return
    assert response.status_code == 200
    shown = worksheet_objects["statement"].title.encode() in response.content
    assert shown == (persona == "owner" and name == "worksheets:overview")
    assert (b"We met at school" in response.content) is False


def test_every_worksheet_url_is_in_the_role_matrix():
    covered = {name.split(":")[1] for name, _, _ in WORKSHEET_URLS}
    covered |= {"overview", "statement-create", "relationship-create"}
    assert {pattern.name for pattern in urlpatterns} == covered


@pytest.mark.parametrize(
    ("name", "target"),
    [
        (name, target)
        for name, target, _ in WORKSHEET_URLS
        if name != "worksheets:unsaved-edit-discard"
    ],
)
def test_owner_pages_are_never_cached(member_client, worksheet_objects, name, target):
    response = member_client.get(reverse(name, args=[worksheet_objects[target].pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_overview_is_never_cached(member_client):
    response = member_client.get(reverse("worksheets:overview"))
    assert "no-store" in response["Cache-Control"]
