"""A signed-in request reads its user from the cache (`accounts.backends`):
no query, no password hash in the cache, and every change to the user still
counts on the very next request."""

import pickle

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts.backends import UserBackend
from accounts.models import User

from ..conftest import sign_in
from ..factories import PASSWORD, current_totp_code, make_clinician, make_member

pytestmark = pytest.mark.usefixtures("db", "memory_cache")

MY_ACTIVITIES = reverse("activities:my")


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_a_signed_in_page_reads_the_user_from_the_cache(
    member, member_client, django_assert_num_queries
):
    member_client.get(MY_ACTIVITIES)
    with django_assert_num_queries(0):
        response = member_client.get(MY_ACTIVITIES)
    assert response.status_code == 200
    assert response.wsgi_request.user == member


@pytest.mark.parametrize("with_code", [False, True])
def test_a_real_sign_in_reads_the_user_from_the_cache_afterwards(
    with_code, django_assert_num_queries
):
    user = make_clinician() if with_code else make_member()
    client = Client()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    if with_code:
        assert response["Location"] == reverse("mfa_authenticate")
        response = client.post(reverse("mfa_authenticate"), {"code": current_totp_code()})
    assert response.status_code == 302
    page = reverse("clinician:dashboard") if with_code else MY_ACTIVITIES
    assert client.get(page).status_code == 200
    with django_assert_num_queries(0):
        assert client.get(page).status_code == 200


def test_a_wrong_password_is_checked_once(member, monkeypatch):
    checked = []
    original = User.check_password

    def counting(self, raw_password):
        checked.append(raw_password)
        return original(self, raw_password)

    monkeypatch.setattr(User, "check_password", counting)
    response = Client().post(
        reverse("account_login"), {"login": member.email, "password": "not-my-password"}
    )
    assert response.status_code == 200
    assert checked == ["not-my-password"]


def test_the_cache_never_holds_the_password_hash(member, member_client):
    assert member_client.get(MY_ACTIVITIES).status_code == 200
    kept = [pickle.loads(value) for value in cache._cache.values()]  # noqa: S301
    records = [
        value[1]
        for value in kept
        if isinstance(value, tuple) and isinstance(value[1], tuple) and len(value[1]) == 4
    ]
    assert [fields["email"] for fields, _, _, _ in records] == [member.email]
    assert member.password
    assert not any(member.password.encode() in value for value in cache._cache.values())


def test_the_password_is_read_from_the_database_when_something_needs_it(
    member, django_assert_num_queries
):
    UserBackend().get_user(member.pk)
    user = UserBackend().get_user(member.pk)
    assert "password" in user.get_deferred_fields()
    with django_assert_num_queries(1):
        assert user.check_password(PASSWORD)


def test_a_password_changed_elsewhere_signs_this_session_out_at_once(member, member_client):
    assert member_client.get(MY_ACTIVITIES).status_code == 200
    assert member_client.get(MY_ACTIVITIES).status_code == 200

    changed = User.objects.get(pk=member.pk)  # in another session
    changed.set_password("a-new-long-password-7")
    changed.save()

    response = member_client.get(MY_ACTIVITIES)
    assert response.status_code == 302
    assert not signed_in(member_client)


def test_changing_my_own_password_keeps_me_signed_in(member, member_client):
    assert member_client.get(MY_ACTIVITIES).status_code == 200
    response = member_client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "a-new-long-password-7",
            "password2": "a-new-long-password-7",
        },
    )
    assert response.status_code == 302
    assert member_client.get(MY_ACTIVITIES).status_code == 200
    assert signed_in(member_client)
    member.refresh_from_db()
    assert member.check_password("a-new-long-password-7")


def test_a_deactivated_user_is_signed_out_at_once(member, member_client):
    assert member_client.get(MY_ACTIVITIES).status_code == 200
    member.is_active = False
    member.save()

    response = member_client.get(MY_ACTIVITIES)
    assert response.status_code == 302
    assert not response.wsgi_request.user.is_authenticated


def test_a_new_name_shows_at_once(member, member_client):
    assert member_client.get(reverse("accounts:profile")).status_code == 200
    member.display_name = "Sam"
    member.save()
    assert member_client.get(reverse("accounts:profile")).wsgi_request.user.display_name == "Sam"


def test_a_new_secret_key_signs_out_every_session_it_does_not_fall_back_to(settings):
    old_key = settings.SECRET_KEY
    kept_out, kept_in = make_member(), make_member()
    clients = {user: sign_in(Client(), user) for user in (kept_out, kept_in)}
    for client in clients.values():
        assert client.get(MY_ACTIVITIES).status_code == 200

    settings.SECRET_KEY = "a-brand-new-secret-key-" + "x" * 40
    assert clients[kept_out].get(MY_ACTIVITIES).status_code == 302
    assert not signed_in(clients[kept_out])

    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert clients[kept_in].get(MY_ACTIVITIES).status_code == 200
    assert signed_in(clients[kept_in])
