import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, make_member
from tests.tasks import run_ready_tasks

SIGNUP = {
    "email": "new.person@example.com",
    "display_name": "Jo",
    "password1": "a-fresh-long-password-7",
    "password2": "a-fresh-long-password-7",
    "age_confirmed": "on",
}


@pytest.mark.django_db
def test_signup_creates_a_member_with_a_display_name_and_signs_them_in(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.com")
    assert user.display_name == "Jo"
    assert user.role == User.Role.MEMBER
    assert not user.is_staff
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_signup_with_mandatory_verification_waits_for_the_email(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 0, "the email waits for a worker, outside the request"
    run_ready_tasks()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.person@example.com"]


@pytest.mark.django_db
def test_signup_ignores_attempts_to_set_role_or_staff(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    client.post(
        reverse("account_signup"),
        {**SIGNUP, "role": "clinician", "is_staff": "on", "is_superuser": "on"},
    )
    user = User.objects.get(email="new.person@example.com")
    assert user.role == User.Role.MEMBER
    assert not user.is_staff
    assert not user.is_superuser


@pytest.mark.django_db
def test_signup_needs_a_display_name(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "display_name": "   "})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


@pytest.mark.django_db
def test_signup_needs_the_age_confirmation(client):
    data = {key: value for key, value in SIGNUP.items() if key != "age_confirmed"}
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert "Connect is for people aged 13 or over" in response.content.decode()
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


@pytest.mark.django_db
def test_a_deployment_can_raise_the_minimum_age(client, settings):
    settings.MINIMUM_AGE = 18
    html = client.get(reverse("account_signup")).content.decode()
    assert "I am 18 or older" in html
    assert "I am 13 or older" not in html
    response = client.post(reverse("account_signup"), {**SIGNUP, "age_confirmed": ""})
    assert "Connect is for people aged 18 or over" in response.content.decode()
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


@pytest.mark.django_db
def test_signup_page_sums_up_privacy_and_links_to_the_notice(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert "Your privacy, in short" in html
    assert f'href="{reverse("privacy")}"' in html
    # The confirmation comes after the passwords, just before the button.
    assert html.index('name="password2"') < html.index('name="age_confirmed"')


@pytest.mark.django_db
def test_login_and_logout(client):
    member = make_member()
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_gets_a_fresh_session_id(client):
    member = make_member()
    client.get(reverse("account_login"))
    client.session["probe"] = 1
    session = client.session
    session["probe"] = 1
    session.save()
    before = session.session_key
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert client.session.session_key != before


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_message(client):
    member = make_member()
    response = client.post(reverse("account_login"), {"login": member.email, "password": "nope"})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_failed_logins_are_rate_limited(client):
    member = make_member()
    pages = [
        client.post(
            reverse("account_login"), {"login": member.email, "password": f"wrong-{i}"}
        ).content.decode()
        for i in range(6)
    ]
    assert "Too many failed login attempts" not in pages[0]
    assert "Too many failed login attempts" in pages[-1]
    # Even the right password is refused while the limit holds.
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_password_reset_does_not_reveal_whether_an_account_exists(client):
    make_member(email="known@example.com")
    known = client.post(reverse("account_reset_password"), {"email": "known@example.com"})
    unknown = client.post(reverse("account_reset_password"), {"email": "unknown@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


@pytest.mark.django_db
def test_security_events_are_logged_without_the_typed_email(client, caplog):
    member = make_member(email="private.person@example.com")
    with caplog.at_level("INFO", logger="connect.security"):
        client.post(reverse("account_login"), {"login": member.email, "password": "wrong"})
        client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    messages = [r.getMessage() for r in caplog.records if r.name == "connect.security"]
    assert any(m.startswith("login_failed ip=") for m in messages)
    assert any(m == f"login user={member.pk} ip=127.0.0.1" for m in messages)
    assert not any("private.person" in m for m in messages)


def test_profile_changes_only_the_display_name(member_client, member):
    response = member_client.post(
        reverse("accounts:profile"),
        {"display_name": "Robin B", "role": "clinician", "email": "x@example.com"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == "Robin B"
    assert member.role == User.Role.MEMBER
    assert member.email != "x@example.com"


def test_account_settings_link_to_sessions_and_mfa(member_client):
    html = member_client.get(reverse("accounts:profile")).content.decode()
    assert reverse("usersessions_list") in html
    assert reverse("mfa_index") in html
    assert reverse("account_change_password") in html


def test_member_can_see_their_signed_in_devices(member_client):
    assert member_client.get(reverse("usersessions_list")).status_code == 200


@pytest.mark.django_db
def test_too_many_signups_get_a_friendly_pause_page(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/m/ip"}
    client.post(reverse("account_signup"), SIGNUP)
    response = client.post(reverse("account_signup"), {**SIGNUP, "email": "other@example.com"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait a moment" in html
    assert 'href="tel:988"' in html
    assert not User.objects.filter(email="other@example.com").exists()


def test_adding_an_email_asks_for_the_password_again(member_client, member):
    response = member_client.post(
        reverse("account_email"), {"action_add": "", "email": "second@example.com"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not member.emailaddress_set.filter(email="second@example.com").exists()


def test_changing_the_password_needs_the_current_one(member_client, member):
    response = member_client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "not-my-password",
            "password1": "another-long-password-9",
            "password2": "another-long-password-9",
        },
    )
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_sessions_end_after_a_quiet_spell_and_requests_renew_them(settings):
    # Renewal is tested in tests/connectapp/test_session_refresh.py.
    assert "connectapp.middleware.SessionRefreshMiddleware" in settings.MIDDLEWARE
    assert 0 < settings.SESSION_REFRESH_SECONDS <= 15 * 60
    assert 0 < settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
