"""Becoming a clinician: applying, admin review, withdrawal, and how the role
follows the decision (with MFA, the clinician area and every share)."""

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse

from accounts.admin import ClinicianProfileAdmin, UserAdmin
from accounts.models import ClinicianProfile, User
from tests.tasks import run_ready_tasks
from worksheets.models import Share

from ..conftest import sign_in
from ..factories import make_clinician, make_member, make_share, make_statement

pytestmark = pytest.mark.django_db

APPLY_URL = reverse("accounts:clinician")
CHANGELIST = reverse("admin:accounts_clinicianprofile_changelist")
APPLICATION = {
    "profession": "Licensed professional counselor",
    "licence_number": "LPC-12345",
    "licence_region": "Oregon",
    "practice_name": "Hillside Counselling",
}


def admin_action(admin_client: Client, action: str, *profiles: ClinicianProfile):
    return admin_client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [profile.pk for profile in profiles]},
        follow=True,
    )


def test_a_member_with_mfa_applies_and_waits_for_review():
    applicant = make_member(totp=True)
    client = sign_in(Client(), applicant)

    response = client.post(APPLY_URL, APPLICATION)

    assert response.status_code == 302
    profile = ClinicianProfile.objects.get(user=applicant)
    assert profile.status == ClinicianProfile.Status.PENDING
    assert profile.profession == "Licensed professional counselor"
    assert profile.share_code is None
    applicant.refresh_from_db()
    assert applicant.role == User.Role.MEMBER
    assert "waiting for an admin" in client.get(APPLY_URL).content.decode()


def test_applying_needs_an_authenticator_app_first(member_client, member):
    page = member_client.get(APPLY_URL).content.decode()
    assert "set up an authenticator app" in page

    response = member_client.post(APPLY_URL, APPLICATION)

    assert response.status_code == 400
    assert "set up two-factor authentication first" in response.content.decode()
    assert not ClinicianProfile.objects.exists()


def test_the_application_cannot_set_its_own_status_role_or_code():
    applicant = make_member(totp=True)
    client = sign_in(Client(), applicant)

    client.post(
        APPLY_URL,
        {**APPLICATION, "status": "verified", "role": "clinician", "share_code": "ACDEFHJKMNPR"},
    )

    profile = ClinicianProfile.objects.get(user=applicant)
    assert profile.status == ClinicianProfile.Status.PENDING
    assert profile.share_code is None
    applicant.refresh_from_db()
    assert applicant.role == User.Role.MEMBER


def test_a_missing_field_is_refused_with_a_message():
    client = sign_in(Client(), make_member(totp=True))
    response = client.post(APPLY_URL, {**APPLICATION, "licence_number": ""})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert not ClinicianProfile.objects.exists()


def test_admin_verifies_and_the_action_records_who_and_when(admin_client, admin_user):
    applicant = make_clinician(verified=False)
    profile = applicant.clinician_profile

    response = admin_action(admin_client, "verify", profile)

    assert "Verified: 1." in response.content.decode()
    profile.refresh_from_db()
    assert profile.status == ClinicianProfile.Status.VERIFIED
    assert profile.reviewed_by == admin_user
    assert profile.reviewed_at is not None
    assert profile.share_code_is_current
    applicant.refresh_from_db()
    assert applicant.role == User.Role.CLINICIAN
    assert applicant.requires_mfa
    assert LogEntry.objects.filter(object_id=str(profile.pk), user=admin_user).exists()


def test_verification_waits_until_the_applicant_has_an_authenticator(admin_client):
    applicant = make_clinician(verified=False, totp=False)

    response = admin_action(admin_client, "verify", applicant.clinician_profile)

    assert "no authenticator app set up yet" in response.content.decode()
    applicant.clinician_profile.refresh_from_db()
    assert applicant.clinician_profile.status == ClinicianProfile.Status.PENDING
    applicant.refresh_from_db()
    assert applicant.role == User.Role.MEMBER


def test_a_rejected_applicant_stays_a_member_and_may_apply_again(admin_client, admin_user):
    applicant = make_clinician(verified=False)
    admin_action(admin_client, "reject", applicant.clinician_profile)

    profile = ClinicianProfile.objects.get(user=applicant)
    assert profile.status == ClinicianProfile.Status.REJECTED
    assert profile.reviewed_by == admin_user
    applicant.refresh_from_db()
    assert applicant.role == User.Role.MEMBER

    client = sign_in(Client(), applicant)
    assert "could not verify" in client.get(APPLY_URL).content.decode()
    client.post(APPLY_URL, APPLICATION)
    profile.refresh_from_db()
    assert profile.status == ClinicianProfile.Status.PENDING


def test_withdrawing_verification_takes_everything_away_on_the_next_request(
    admin_client, admin_user, member
):
    clinician = make_clinician()
    statement = make_statement(member)
    make_share(member, clinician, statements=[statement])
    client = sign_in(Client(), clinician)
    statement_url = reverse("worksheets:statement-detail", args=[statement.pk])
    assert client.get(statement_url).status_code == 200
    assert client.get(reverse("clinician:dashboard")).status_code == 200
    old_code = clinician.clinician_profile.share_code

    response = admin_action(admin_client, "withdraw", clinician.clinician_profile)

    assert "Shares ended: 1." in response.content.decode()
    assert client.get(statement_url).status_code == 404
    assert client.get(reverse("clinician:dashboard")).status_code == 404
    clinician.refresh_from_db()
    assert clinician.role == User.Role.MEMBER
    profile = clinician.clinician_profile
    assert profile.status == ClinicianProfile.Status.WITHDRAWN
    assert profile.reviewed_by == admin_user
    assert profile.share_code is None
    assert not ClinicianProfile.objects.with_share_code(old_code).exists()
    share = Share.objects.get(clinician=clinician)
    assert share.end_reason == Share.EndReason.CLINICIAN_NOT_VERIFIED
    assert not share.is_active


def test_a_share_does_not_count_once_the_profile_is_no_longer_verified(member):
    """Withdrawal ends shares; `Share.objects.active()` also checks the
    profile, in case a role and a profile ever disagree."""
    clinician = make_clinician()
    make_share(member, clinician)
    ClinicianProfile.objects.filter(user=clinician).update(status=ClinicianProfile.Status.WITHDRAWN)
    assert not Share.objects.active().exists()


def test_a_verified_clinician_must_have_passed_mfa_in_this_session():
    clinician = make_clinician()
    client = sign_in(Client(), clinician, mfa=False)
    response = client.get(reverse("clinician:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_verified_clinician_cannot_change_their_checked_details(clinician, clinician_client):
    response = clinician_client.post(APPLY_URL, {**APPLICATION, "licence_number": "NEW-1"})
    assert response.status_code == 302
    profile = ClinicianProfile.objects.get(user=clinician)
    assert profile.licence_number != "NEW-1"
    assert profile.status == ClinicianProfile.Status.VERIFIED
    page = clinician_client.get(APPLY_URL).content.decode()
    assert "You are a verified clinician" in page
    assert 'name="licence_number"' not in page


def test_nobody_sets_a_role_or_a_decision_by_hand_in_the_admin(admin_client, member):
    assert "role" in UserAdmin.readonly_fields
    page = admin_client.get(reverse("admin:accounts_user_change", args=[member.pk]))
    assert 'name="role"' not in page.content.decode()
    assert set(ClinicianProfileAdmin.fields) == set(ClinicianProfileAdmin.readonly_fields)
    assert admin_client.get(reverse("admin:accounts_clinicianprofile_add")).status_code == 403


def test_the_admin_list_shows_whether_an_applicant_has_mfa(admin_client):
    make_clinician(verified=False, display_name="Ready Applicant")
    make_clinician(verified=False, totp=False, display_name="Not Ready")
    page = admin_client.get(CHANGELIST).content.decode()
    assert "Ready Applicant" in page
    assert page.count('alt="True"') == 1
    assert page.count('alt="False"') == 1


def test_admin_verifies_from_the_application_page_and_the_applicant_is_emailed(
    admin_client, admin_user, django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.SITE_URL = "https://connect.example.org"
    applicant = make_clinician(verified=False)
    profile = applicant.clinician_profile
    page_url = reverse("admin:accounts_clinicianprofile_change", args=[profile.pk])
    verify_url = reverse("admin:accounts_clinicianprofile_verify", args=[profile.pk])
    assert f'action="{verify_url}"' in admin_client.get(page_url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(verify_url, follow=True)

    assert "Verified: 1." in response.content.decode()
    profile.refresh_from_db()
    assert (profile.status, profile.reviewed_by) == (ClinicianProfile.Status.VERIFIED, admin_user)
    assert verify_url not in response.content.decode()
    run_ready_tasks()
    (message,) = mailoutbox
    assert message.to == [applicant.email]
    assert "verified as a clinician" in message.subject
    assert f"https://connect.example.org{APPLY_URL}" in message.body


def test_the_application_page_says_why_it_cannot_be_verified_yet(admin_client, mailoutbox):
    applicant = make_clinician(verified=False, totp=False)
    profile = applicant.clinician_profile
    page = admin_client.get(
        reverse("admin:accounts_clinicianprofile_change", args=[profile.pk])
    ).content.decode()
    assert "need an authenticator app" in page
    admin_client.post(reverse("admin:accounts_clinicianprofile_verify", args=[profile.pk]))
    profile.refresh_from_db()
    assert profile.status == ClinicianProfile.Status.PENDING
    assert not mailoutbox


def test_verifying_is_post_only_and_for_staff(admin_client, member_client):
    profile = make_clinician(verified=False).clinician_profile
    verify_url = reverse("admin:accounts_clinicianprofile_verify", args=[profile.pk])
    assert admin_client.get(verify_url).status_code == 405
    assert member_client.post(verify_url).status_code == 302
    profile.refresh_from_db()
    assert profile.status == ClinicianProfile.Status.PENDING


def test_the_verification_action_emails_each_applicant_once(
    admin_client, django_capture_on_commit_callbacks, mailoutbox
):
    first, second = make_clinician(verified=False), make_clinician(verified=False)
    with django_capture_on_commit_callbacks(execute=True):
        admin_action(admin_client, "verify", first.clinician_profile, second.clinician_profile)
        admin_action(admin_client, "verify", first.clinician_profile)
    run_ready_tasks()
    assert sorted(message.to[0] for message in mailoutbox) == sorted([first.email, second.email])
