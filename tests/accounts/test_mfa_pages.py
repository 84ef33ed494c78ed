"""Which allauth pages a session that has not passed MFA may reach.

Every allauth page is classified here by hand. When allauth gains a view, the
classification test fails until someone decides which list it belongs to.
"""

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.test import Client
from django.urls import reverse

from accounts.middleware import MFA_EXEMPT_URL_NAMES, MFA_SETUP_URL_NAMES
from accounts.models import User
from tests.conftest import sign_in
from tests.factories import PASSWORD, TOTP_SECRET, make_admin, make_clinician, make_member
from tests.test_public_urls import iter_patterns

# Any signed-in session may sign out.
ALWAYS = {"account_logout"}
# Only while the user has no authenticator at all: setting up the first one.
# Enrolling can ask for the password again and needs a verified email address.
FIRST_AUTHENTICATOR_SETUP = {
    "account_reauthenticate",
    "account_email",
    "account_email_verification_sent",
    "account_confirm_email",
    "mfa_index",
    "mfa_activate_totp",
}
# Never before MFA: second factors, recovery codes, anything that stands in for
# a second factor, and account changes.
NEVER = {
    "account_login",
    "account_inactive",
    "account_signup",
    "account_change_password",
    "account_set_password",
    "account_reset_password",
    "account_confirm_login_code",
    "account_reset_password_from_key_done",
    "account_reset_password_from_key",
    "account_reset_password_done",
    "mfa_authenticate",
    "mfa_reauthenticate",
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "usersessions_list",
}
SECOND_FACTOR_PAGES = {
    name for name in NEVER | FIRST_AUTHENTICATOR_SETUP if name.startswith("mfa_")
}
# Pages whose URL carries a key: any key will do to reach the view.
URL_KWARGS = {
    "account_confirm_email": {"key": "not-a-real-key"},
    "account_reset_password_from_key": {"uidb36": "1", "key": "not-a-real-key"},
}


def allauth_url_names() -> set[str]:
    return {
        name
        for name, _route, callback in iter_patterns()
        if name and callback.__module__.startswith("allauth.")
    }


def url_for(name: str) -> str:
    return reverse(name, kwargs=URL_KWARGS.get(name))


def is_signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_every_allauth_page_is_classified():
    assert not ALWAYS & FIRST_AUTHENTICATOR_SETUP
    assert not ALWAYS & NEVER
    assert not FIRST_AUTHENTICATOR_SETUP & NEVER
    assert allauth_url_names() == ALWAYS | FIRST_AUTHENTICATOR_SETUP | NEVER


def test_middleware_lists_match_the_classification():
    assert MFA_EXEMPT_URL_NAMES & allauth_url_names() == ALWAYS
    assert MFA_SETUP_URL_NAMES == FIRST_AUTHENTICATOR_SETUP


@pytest.mark.parametrize("name", sorted(ALWAYS | FIRST_AUTHENTICATOR_SETUP | NEVER))
@pytest.mark.parametrize("make_user", [make_clinician, make_admin], ids=["clinician", "staff"])
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.django_db
def test_session_that_skipped_mfa_reaches_only_sign_out(make_user, name, method):
    user = make_user(totp=True)
    client = sign_in(Client(), user, mfa=False)
    response = getattr(client, method)(url_for(name))
    if name in ALWAYS:
        assert is_signed_in(client) or method == "post"
    else:
        assert not is_signed_in(client), name
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", sorted(ALWAYS | FIRST_AUTHENTICATOR_SETUP | NEVER))
@pytest.mark.django_db
def test_user_without_an_authenticator_reaches_only_setup(name):
    client = sign_in(Client(), make_clinician(totp=False), mfa=False)
    response = client.get(url_for(name))
    sent_to_setup = response.status_code == 302 and response["Location"] == reverse(
        "mfa_activate_totp"
    )
    assert sent_to_setup == (name in NEVER), name
    assert is_signed_in(client)


@pytest.mark.parametrize("name", sorted(SECOND_FACTOR_PAGES))
@pytest.mark.django_db
def test_members_old_session_cannot_reach_second_factor_pages(name):
    """A member's session from before they added an authenticator elsewhere
    must not read or change their second factor with the password alone."""
    client = sign_in(Client(), make_member(totp=True), mfa=False)
    client.get(url_for(name))
    assert not is_signed_in(client), name


@pytest.mark.django_db
def test_members_old_session_still_reaches_ordinary_pages():
    client = sign_in(Client(), make_member(totp=True), mfa=False)
    assert client.get("/accounts/profile/").status_code == 200


@pytest.mark.django_db
def test_old_password_session_cannot_get_recovery_codes_after_a_role_needing_mfa():
    """The reported attack: a password-only session, then the account gets an
    authenticator and the clinician role. The old session re-enters the
    password and asks for the recovery codes."""
    user = make_member()
    client = sign_in(Client(), user, mfa=False)
    TOTP.activate(user, TOTP_SECRET)
    RecoveryCodes.activate(user)
    User.objects.filter(pk=user.pk).update(role=User.Role.CLINICIAN)
    download = reverse("mfa_download_recovery_codes")
    client.get(download)
    client.post(f"{reverse('account_reauthenticate')}?next={download}", {"password": PASSWORD})
    response = client.get(download)
    assert not is_signed_in(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
