"""The role matrix: every worksheet, sharing and clinician URL, for every persona.

The personas (the role matrix in docs/security.md): anonymous, another member, an unverified
clinician, verified clinicians without a share, with an expired share, with a
revoked share and with an active share, the owner, and an admin; plus a
clinician whose verification was withdrawn while their share was active.

Who may do what is in RULES. Everyone else signed in gets a 404 (so they
cannot tell the object exists), anonymous visitors are sent to sign in, and
after any refused request the database is exactly as it was. Only a
clinician's read of shared content adds an access-log row. To add a URL, add
it to URLS with its rule; `test_every_url_is_in_the_role_matrix` fails until
you do.
"""

import json
from datetime import timedelta

import pytest
import time_machine
from django.core import serializers
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts import services as account_services
from accounts.models import ClinicianProfile
from activities.models import Activity, ActivityStart, Plan, Recommendation, ReminderSettings
from activities.urls import urlpatterns as activity_urlpatterns
from worksheets import models as ws
from worksheets import services
from worksheets.clinician_urls import urlpatterns as clinician_urlpatterns
from worksheets.urls import urlpatterns as worksheet_urlpatterns

from ..conftest import sign_in
from ..factories import (
    make_activity,
    make_clinician,
    make_comment,
    make_plan,
    make_recommendation,
    make_relationship,
    make_security_check,
    make_share,
    make_statement,
    make_test_drive,
    make_unsaved_edit,
)

PERSONAS = [
    "anonymous",
    "other_member",
    "unverified_clinician",
    "clinician_without_share",
    "clinician_expired_share",
    "clinician_revoked_share",
    "clinician_withdrawn",
    "clinician_active_share",
    "owner",
    "admin",
]
VERIFIED_CLINICIANS = {
    "clinician_without_share",
    "clinician_expired_share",
    "clinician_revoked_share",
    "clinician_active_share",
}

# Rules: who may reach a URL, besides being signed in.
READ = "read"  # a worksheet's read-only pages: the owner and a clinician it is shared with
WRITE = "write"  # changing a worksheet: the owner only
COMMENT = "comment"  # a worksheet's comments: the owner and a clinician it is shared with
SHARE = "share"  # the member's own share: the owner only
OWN = "own"  # pages about the signed-in person's own things: everyone signed in
CLINICIAN = "clinician"  # the clinician area: verified clinicians
SHARED_MEMBER = "shared_member"  # acting on a member who shares: that clinician only
RECOMMENDATION = "recommendation"  # a recommendation made to the member: the owner only
STAFF = "staff"  # previewing an unpublished activity: admins only
PLAN = "plan"  # the member's own plan: the owner only

# (URL name, which object's pk it takes, methods to try, rule)
URLS = [
    ("worksheets:overview", None, ["get"], OWN),
    ("worksheets:statement-create", None, ["get"], OWN),
    ("worksheets:relationship-create", None, ["get"], OWN),
    ("worksheets:statement-detail", "statement", ["get", "post"], READ),
    ("worksheets:statement-print", "statement", ["get", "post"], READ),
    ("worksheets:statement-pdf", "statement", ["get", "post"], READ),
    ("worksheets:statement-edit", "statement", ["get", "post"], WRITE),
    ("worksheets:statement-delete", "statement", ["get", "post"], WRITE),
    ("worksheets:statement-comment", "statement", ["get", "post"], COMMENT),
    ("worksheets:relationship-detail", "relationship", ["get", "post"], READ),
    ("worksheets:relationship-edit", "relationship", ["get", "post"], WRITE),
    ("worksheets:relationship-delete", "relationship", ["get", "post"], WRITE),
    ("worksheets:relationship-comment", "relationship", ["get", "post"], COMMENT),
    ("worksheets:check-create", "relationship", ["get", "post"], WRITE),
    ("worksheets:check-delete", "check", ["get", "post"], WRITE),
    ("worksheets:test-drive-create", "relationship", ["get", "post"], WRITE),
    ("worksheets:test-drive-delete", "test_drive", ["get", "post"], WRITE),
    ("worksheets:unsaved-edit", "unsaved", ["get", "post"], WRITE),
    ("worksheets:unsaved-edit-discard", "unsaved", ["post"], WRITE),
    ("worksheets:sharing", None, ["get"], OWN),
    ("worksheets:share-start", None, ["get", "post"], OWN),
    ("worksheets:share-choose", None, ["get", "post"], OWN),
    ("worksheets:share-confirm", None, ["post"], OWN),
    ("worksheets:share-detail", "share", ["get", "post"], SHARE),
    ("worksheets:share-stop", "share", ["get", "post"], SHARE),
    ("clinician:dashboard", None, ["get"], CLINICIAN),
    ("clinician:recommend", "share", ["get", "post"], SHARED_MEMBER),
    ("accounts:clinician", None, ["get", "post"], OWN),
    ("accounts:share-code", None, ["post"], CLINICIAN),
    ("activities:recommendation-dismiss", "recommendation", ["post"], RECOMMENDATION),
    ("activities:plan-remove", "plan", ["post"], WRITE),
    ("activities:preview", "draft_activity", ["get"], STAFF),
    ("activities:plan-calendar", "plan", ["get"], PLAN),
    ("activities:plan-reminder", "plan", ["post"], PLAN),
    ("activities:reminders", None, ["get", "post"], OWN),
    ("activities:feed-change", None, ["post"], OWN),
    ("today", None, ["get"], OWN),
    ("activities:start-dismiss", "start", ["post"], PLAN),
]

CASES = [
    pytest.param(
        name, target, method, rule, persona, id=f"{name.split(':')[-1]}-{method}-{persona}"
    )
    for name, target, methods, rule in URLS
    for method in methods
    for persona in PERSONAS
]

SECRETS = [b"Letter for Quill", b"Mornings are the hardest part", b"We met at school"]


@pytest.fixture
def world(member):
    """The owner's worksheets, shared with one clinician, and what hangs off
    them: a comment, a recommendation, an unsaved edit."""
    statement = make_statement(
        member, title="Letter for Quill", experience="Mornings are the hardest part."
    )
    relationship = make_relationship(member, notes="We met at school.")
    active = make_clinician(display_name="Dr. Active")
    share = services.share_create(
        owner=member,
        clinician=active,
        worksheets=[statement, relationship],
        expiry=ws.Share.Expiry.DAYS_90,
        token="2b8a4c5e-0000-4000-8000-000000000001",
    )
    make_comment(statement, active, text="A first comment.")
    return {
        "owner": member,
        "clinician_active_share": active,
        "statement": statement,
        "relationship": relationship,
        "check": make_security_check(relationship),
        "test_drive": make_test_drive(relationship),
        "unsaved": make_unsaved_edit(statement, data={"title": "A refused save"}),
        "share": share,
        "recommendation": make_recommendation(owner=member, clinician=active),
        "plan": make_plan(owner=member, planned_for=timezone.localdate()),
        "draft_activity": make_activity(status="draft", title="Draft of Quill"),
        "start": ActivityStart.objects.create(
            owner=member, activity=make_activity(), mood_before=2
        ),
    }


def _persona_user(persona: str, world, request):
    """The user for a persona, made with exactly the history its name says."""
    owner, statement = world["owner"], world["statement"]
    if persona in world:
        return world[persona]
    if persona == "other_member":
        return request.getfixturevalue("other_member")
    if persona == "admin":
        return request.getfixturevalue("admin_user")
    if persona == "unverified_clinician":
        # An applicant, with a share row that names them: it must not count.
        applicant = make_clinician(verified=False)
        make_share(owner, applicant, statements=[statement])
        return applicant
    clinician = make_clinician()
    if persona == "clinician_expired_share":
        with time_machine.travel(timezone.now() - timedelta(days=40)):
            services.share_create(
                owner=owner,
                clinician=clinician,
                worksheets=[statement, world["relationship"]],
                expiry=ws.Share.Expiry.DAYS_30,
                token="2b8a4c5e-0000-4000-8000-000000000002",
            )
    elif persona == "clinician_revoked_share":
        share = make_share(owner, clinician, statements=[statement])
        services.share_revoke(share=share)
    elif persona == "clinician_withdrawn":
        make_share(owner, clinician, statements=[statement])
        account_services.clinician_withdraw(
            profile=clinician.clinician_profile, by=request.getfixturevalue("admin_user")
        )
    return clinician


def client_for(persona: str, world, request) -> Client:
    if persona == "anonymous":
        return Client()
    return sign_in(Client(), _persona_user(persona, world, request))


def snapshot() -> str:
    rows = []
    for model in (
        ws.NeedsStatement,
        ws.Relationship,
        ws.SecurityCheck,
        ws.TestDrive,
        ws.UnsavedEdit,
        ws.Share,
        ws.Worksheet,
        ws.Share.worksheets.through,
        ws.Comment,
        ws.AccessLogEntry,
        ClinicianProfile,
        Recommendation,
        Plan,
        Activity,
        ReminderSettings,
        ActivityStart,
    ):
        rows.extend(json.loads(serializers.serialize("json", model.objects.order_by("pk"))))
    return json.dumps(rows, sort_keys=True)


def hostile_post(world) -> dict:
    """A POST that would change something if it were allowed."""
    return {
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
        "text": "Overwritten",
        "clinician": str(world["clinician_active_share"].pk),
        "statements": [str(world["statement"].pk)],
        "expiry": "never",
        "code": "ACDE-FHJK-MNPR",
        "activity": str(make_activity().pk),
        "profession": "Overwritten",
        "licence_number": "Overwritten",
        "licence_region": "Overwritten",
        "practice_name": "Overwritten",
        "reminder": "off",
        "action": "new",
        "enabled": "on",
        "time_of_day": "09:00",
        "time_zone": "America/New_York",
    }


def allowed(rule: str, persona: str) -> bool:
    return {
        READ: persona in ("owner", "clinician_active_share"),
        WRITE: persona == "owner",
        COMMENT: persona in ("owner", "clinician_active_share"),
        SHARE: persona == "owner",
        OWN: True,
        CLINICIAN: persona in VERIFIED_CLINICIANS,
        SHARED_MEMBER: persona == "clinician_active_share",
        RECOMMENDATION: persona == "owner",
        STAFF: persona == "admin",
        PLAN: persona == "owner",
    }[rule]


def may_see_secrets(rule: str, persona: str) -> bool:
    if persona == "owner":
        return True
    return persona == "clinician_active_share" and rule in (READ, CLINICIAN)


@pytest.mark.parametrize(("name", "target", "method", "rule", "persona"), CASES)
def test_each_persona_reaches_only_what_the_rules_allow(
    request, world, name, target, method, rule, persona
):
    url = reverse(name, args=[world[target].pk] if target else [])
    client = client_for(persona, world, request)
    data = hostile_post(world)
    before = snapshot()
    logged = ws.AccessLogEntry.objects.count()

    response = client.post(url, data) if method == "post" else client.get(url)

    status = response.status_code
    read_only_post = rule in (READ,) and method == "post"
    comment_get = rule == COMMENT and method == "get"
    if persona == "anonymous":
        assert status == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif read_only_post or comment_get:
        # These pages only read, or only take comments: any other method is refused.
        assert status == 405
    elif allowed(rule, persona):
        assert status in (200, 302, 400), status
    else:
        assert status == 404, status
    if persona == "anonymous" or status in (404, 405):
        assert snapshot() == before
    if not may_see_secrets(rule, persona):
        for secret in SECRETS:
            assert secret not in response.content
    clinician_read = persona == "clinician_active_share" and rule == READ and method == "get"
    assert ws.AccessLogEntry.objects.count() == logged + (1 if clinician_read else 0)


def test_every_url_is_in_the_role_matrix():
    covered = {name for name, _, _, _ in URLS}
    worksheet_names = {f"worksheets:{pattern.name}" for pattern in worksheet_urlpatterns}
    clinician_names = {f"clinician:{pattern.name}" for pattern in clinician_urlpatterns}
    # Every activities URL that takes an id: each reaches one person's object.
    activity_id_names = {
        f"activities:{pattern.name}"
        for pattern in activity_urlpatterns
        if "<int:" in str(pattern.pattern)
    }
    sharing_names = {
        "accounts:clinician",
        "accounts:share-code",
        "activities:reminders",
        "activities:feed-change",
        "today",
    }
    assert covered == worksheet_names | clinician_names | sharing_names | activity_id_names


READ_PAGES = [name for name, _, _, rule in URLS if rule == READ]


@pytest.mark.parametrize("name", READ_PAGES)
@pytest.mark.parametrize("persona", ["owner", "clinician_active_share"])
def test_worksheet_pages_are_never_cached(request, world, name, persona):
    target = "statement" if "statement" in name else "relationship"
    client = client_for(persona, world, request)
    response = client.get(reverse(name, args=[world[target].pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "name",
    [
        "worksheets:overview",
        "worksheets:sharing",
        "worksheets:share-detail",
        "worksheets:share-stop",
        "clinician:dashboard",
    ],
)
def test_sharing_pages_are_never_cached(request, world, name):
    persona = "clinician_active_share" if name.startswith("clinician") else "owner"
    args = [world["share"].pk] if name.startswith("worksheets:share-") else []
    response = client_for(persona, world, request).get(reverse(name, args=args))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_dashboard_shows_a_member_only_to_the_clinician_they_share_with(request, world):
    for persona in VERIFIED_CLINICIANS:
        page = client_for(persona, world, request).get(reverse("clinician:dashboard"))
        assert (b"Letter for Quill" in page.content) == (persona == "clinician_active_share")
