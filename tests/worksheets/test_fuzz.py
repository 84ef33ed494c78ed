"""Hypothesis drives every worksheet form through its view with arbitrary
text: no input may cause a 5xx, and what a member wrote is always escaped."""

import uuid

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from worksheets.models import NeedsStatement

from ..factories import make_relationship, make_statement, make_unsaved_edit

MARKER = "<i>m</i>"
ESCAPED_MARKER = "&lt;i&gt;m&lt;/i&gt;"

fuzz = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
text = st.text(max_size=120).map(lambda s: s + MARKER)
# Any character a database can store; the forms refuse NUL before it gets there.
stored_text = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]))


def assert_safe(response) -> None:
    assert response.status_code < 500
    if response.status_code == 200:
        html = response.content.decode()
        assert MARKER not in html


def assert_shown_escaped(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert MARKER not in html
    assert ESCAPED_MARKER in html


STATEMENT_TEXT_FIELDS = [
    "audience",
    "experience",
    "warning_signs",
    "helps_other",
    "unhelpful",
    "check_ins",
    "if_unavailable",
    "crisis_contacts",
    "therapist_note",
]


@fuzz
@given(title=st.text(max_size=60), body=text, helps=st.lists(st.text(max_size=12), max_size=3))
def test_statement_create_survives_any_text(member_client, title, body, helps):
    data = {"title": title + MARKER, "helps": helps, "token": str(uuid.uuid4())}
    data.update(dict.fromkeys(STATEMENT_TEXT_FIELDS, body))
    response = member_client.post(reverse("worksheets:statement-create"), data)
    assert_safe(response)
    if response.status_code == 302:
        assert_shown_escaped(member_client, response["Location"])


@fuzz
@given(body=text, version=st.text(max_size=6))
def test_statement_edit_survives_any_text(member, member_client, body, version):
    statement = make_statement(member)
    data = {"title": "Mine", "version": version}
    data.update(dict.fromkeys(STATEMENT_TEXT_FIELDS, body))
    response = member_client.post(reverse("worksheets:statement-edit", args=[statement.pk]), data)
    assert_safe(response)
    if response.status_code == 302:
        assert_shown_escaped(member_client, response["Location"])


@fuzz
@given(name=st.text(max_size=40), notes=text, kind=st.text(max_size=10) | st.just("friend"))
def test_relationship_create_and_edit_survive_any_text(member, member_client, name, notes, kind):
    data = {"name": name + MARKER, "kind": kind, "notes": notes, "token": str(uuid.uuid4())}
    response = member_client.post(reverse("worksheets:relationship-create"), data)
    assert_safe(response)
    if response.status_code == 302:
        assert_shown_escaped(member_client, response["Location"])
    relationship = make_relationship(member)
    data["version"] = str(relationship.version)
    response = member_client.post(
        reverse("worksheets:relationship-edit", args=[relationship.pk]), data
    )
    assert_safe(response)


@fuzz
@given(
    note=text,
    rating=st.sampled_from(["0", "1", "2", "3", "4", "-1", "", "x"]),
    checked_on=st.text(max_size=12) | st.just("2026-05-01"),
)
def test_security_check_survives_any_text(member, member_client, note, rating, checked_on):
    relationship = make_relationship(member)
    data = {"checked_on": checked_on, "token": str(uuid.uuid4())}
    for key in ("consistency", "availability", "reliability", "responsiveness", "predictability"):
        data[key] = rating
        data[f"{key}_note"] = note
    response = member_client.post(reverse("worksheets:check-create", args=[relationship.pk]), data)
    assert_safe(response)
    if response.status_code == 302:
        assert_shown_escaped(member_client, response["Location"])


@fuzz
@given(ask=text, answer=text, asked_on=st.text(max_size=12) | st.just("2026-05-01"))
def test_test_drive_survives_any_text(member, member_client, ask, answer, asked_on):
    relationship = make_relationship(member)
    data = {"asked_on": asked_on, "ask": ask, "response": answer, "token": str(uuid.uuid4())}
    response = member_client.post(
        reverse("worksheets:test-drive-create", args=[relationship.pk]), data
    )
    assert_safe(response)
    if response.status_code == 302:
        assert_shown_escaped(
            member_client, reverse("worksheets:relationship-detail", args=[relationship.pk])
        )


@fuzz
@given(
    stored=stored_text.map(lambda s: s[:120] + MARKER),
    body=text,
    version=st.text(max_size=6),
)
def test_resolving_an_unsaved_edit_survives_any_text(member, member_client, stored, body, version):
    statement = make_statement(member, version=3)
    unsaved = make_unsaved_edit(
        statement, data={"title": "Mine", "experience": stored}, base_version=1
    )
    assert_shown_escaped(member_client, reverse("worksheets:unsaved-edit", args=[unsaved.pk]))
    data = {"title": "Mine", "version": version}
    data.update(dict.fromkeys(STATEMENT_TEXT_FIELDS, body))
    response = member_client.post(reverse("worksheets:unsaved-edit", args=[unsaved.pk]), data)
    assert_safe(response)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=stored_text.map(lambda s: s[:100]), body=stored_text)
def test_pdf_download_never_fails_on_any_text(member, member_client, title, body):
    statement = make_statement(member, title=title)
    NeedsStatement.objects.filter(pk=statement.pk).update(
        **dict.fromkeys(STATEMENT_TEXT_FIELDS, body)
    )
    response = member_client.get(reverse("worksheets:statement-pdf", args=[statement.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


@pytest.mark.parametrize(
    "awkward",
    [
        "\u202eRight-to-left override",
        "e\u0301\u0301\u0301\u0301 stacked accents",
        "\U0001f469\u200d\U0001f469\u200d\U0001f467 family emoji",
        "\ufeff\u200b\u2028\u2029 invisible ones",
        "\U0010fffd private use",
        "W" * 3000,
    ],
)
def test_pdf_handles_awkward_text(member, member_client, awkward):
    statement = make_statement(member, title=awkward[:100], experience=awkward)
    response = member_client.get(reverse("worksheets:statement-pdf", args=[statement.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
