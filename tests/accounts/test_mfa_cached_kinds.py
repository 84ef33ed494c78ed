"""The MFA rule reads a user's authenticators from the cache: adding or
removing one elsewhere still counts on the very next request."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.test import Client
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import TOTP_SECRET, make_clinician, make_member

pytestmark = pytest.mark.usefixtures("db", "memory_cache")


def test_an_authenticator_added_elsewhere_signs_out_an_old_session_at_once():
    member = make_member()
    client = sign_in(Client(), member, mfa=False)
    for _ in range(2):  # the second read of "no authenticator" comes from the cache
        assert client.get(reverse("mfa_index")).status_code == 200

    TOTP.activate(member, TOTP_SECRET)  # in another session

    response = client.get(reverse("mfa_index"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_clinician_whose_authenticator_is_removed_is_sent_to_set_one_up_at_once():
    clinician = make_clinician()
    client = sign_in(Client(), clinician)
    for _ in range(2):
        assert client.get(reverse("clinician:dashboard")).status_code == 200

    Authenticator.objects.filter(user=clinician).delete()

    response = client.get(reverse("clinician:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_the_kinds_come_from_the_cache_while_nothing_changes(django_assert_num_queries):
    clinician = make_clinician()
    client = sign_in(Client(), clinician)
    client.get(reverse("clinician:dashboard"))
    with django_assert_num_queries(0):  # the user and their kinds, profile and shares are kept
        client.get(reverse("clinician:dashboard"))
