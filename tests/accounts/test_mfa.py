"""Clinicians and staff must set up MFA and pass it in every session."""

import pytest
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.test import Client
from django.urls import reverse

from accounts.middleware import MFA_EXEMPT_URL_NAMES, MFA_SETUP_URL_NAMES
from tests.conftest import sign_in
from tests.factories import (
    PASSWORD,
    current_totp_code,
    has_totp,
    make_admin,
    make_clinician,
    make_member,
)

PROTECTED_PAGES = ["/", "/accounts/profile/", "/helplines/", "/admin/"]


def password_login(client: Client, user) -> None:
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.parametrize("make_user", [make_clinician, make_admin], ids=["clinician", "staff"])
@pytest.mark.django_db
def test_user_without_an_authenticator_is_sent_to_set_one_up(client, make_user):
    user = make_user(totp=False)
    sign_in(client, user, mfa=False)
    for path in PROTECTED_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == reverse("mfa_activate_totp"), path


@pytest.mark.parametrize("make_user", [make_clinician, make_admin], ids=["clinician", "staff"])
@pytest.mark.django_db
def test_session_that_skipped_mfa_is_signed_out(client, make_user):
    user = make_user(totp=True)
    sign_in(client, user, mfa=False)
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_user_without_mfa_can_still_sign_out(client):
    user = make_clinician(totp=False)
    sign_in(client, user, mfa=False)
    assert client.get(reverse("account_logout")).status_code == 200
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_members_do_not_need_mfa(client):
    sign_in(client, make_member(), mfa=False)
    assert client.get("/accounts/profile/").status_code == 200


@pytest.mark.django_db
def test_clinician_signs_in_with_a_code_and_reaches_every_page(client):
    clinician = make_clinician()
    response = client.post(
        reverse("account_login"), {"login": clinician.email, "password": PASSWORD}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": current_totp_code()})
    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200
    assert client.get("/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_clinician_who_enrols_keeps_their_session(client):
    """Activating TOTP proves the code in this session; the middleware must not
    sign the clinician out straight after enrolling. allauth announces the new
    authenticator when its transaction commits, so this test really commits."""
    clinician = make_clinician(totp=False)
    password_login(client, clinician)
    assert client.get("/").status_code == 302
    activate = reverse("mfa_activate_totp")
    # Turning on MFA asks for the password once more first.
    response = client.get(activate)
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    response = client.post(
        f"{reverse('account_reauthenticate')}?next={activate}", {"password": PASSWORD}
    )
    assert response["Location"] == activate
    page = client.get(activate)
    assert page.status_code == 200
    assert 'alt="QR code for your authenticator app' in page.content.decode()
    secret = client.session[SECRET_SESSION_KEY]
    assert secret not in page.content.decode().split("<img", 1)[1].split(">", 1)[0]
    response = client.post(activate, {"code": current_totp_code(secret)})
    assert response.status_code == 302
    assert has_totp(clinician)
    assert client.get("/").status_code == 200
    assert client.get("/accounts/profile/").status_code == 200


@pytest.mark.django_db
def test_staff_with_mfa_reach_the_admin(admin_client):
    assert admin_client.get("/admin/").status_code == 200


def test_exempt_pages_are_only_sign_out_public_resources_and_first_setup():
    assert {
        "account_logout",
        "healthz",
        "service-worker",
        "manifest",
        "offline",
        "set_language",
    } == MFA_EXEMPT_URL_NAMES
    assert "mfa_activate_totp" in MFA_SETUP_URL_NAMES
    assert not {name for name in MFA_SETUP_URL_NAMES if "recovery" in name}


@pytest.mark.django_db
def test_setup_page_offers_a_link_to_tap_on_the_phone_with_the_app(client):
    member = make_member()
    password_login(client, member)
    activate = reverse("mfa_activate_totp")
    client.post(f"{reverse('account_reauthenticate')}?next={activate}", {"password": PASSWORD})
    html = client.get(activate).content.decode()
    secret = client.session[SECRET_SESSION_KEY]
    link = html.split('href="otpauth://totp/', 1)[1].split('"', 1)[0]
    assert f"secret={secret}" in link
    assert "Open in my authenticator app" in html


@pytest.mark.django_db
def test_setup_waits_for_a_confirmed_email(client):
    member = make_member(verified_email=False)
    password_login(client, member)
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("mfa_index")
    assert "until you have verified your email address" in response.content.decode()


@pytest.mark.django_db
def test_the_code_prompt_says_a_recovery_code_works_and_one_does(client):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    clinician = make_clinician()
    client.post(reverse("account_login"), {"login": clinician.email, "password": PASSWORD})
    page = client.get(reverse("mfa_authenticate")).content.decode()
    assert "recovery codes works here too" in page

    code = RecoveryCodes.activate(clinician).get_unused_codes()[0]
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200


@pytest.mark.django_db
def test_a_clinician_setting_up_mfa_still_gets_the_offline_crisis_card(client):
    clinician = make_clinician(totp=False)
    password_login(client, clinician)
    assert client.get(reverse("accounts:profile")).status_code == 302
    for name in ("service-worker", "manifest", "offline"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert clinician.display_name not in response.content.decode()
