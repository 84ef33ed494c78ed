"""Share codes: easy to read aloud, hard to guess, replaceable, and checked
with the same answer whether or not a code exists, under a rate limit."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from accounts import services as account_services
from accounts.models import (
    SHARE_CODE_ALPHABET,
    SHARE_CODE_LENGTH,
    ClinicianProfile,
    share_code_format,
    share_code_new,
    share_code_normalise,
)
from worksheets.models import Share
from worksheets.views.sharing import SESSION_KEY, TOO_MANY, WRONG_CODE

from ..conftest import sign_in
from ..factories import make_clinician, make_member, make_share

pytestmark = pytest.mark.django_db

START_URL = reverse("worksheets:share-start")


def enter(client: Client, code: str):
    return client.post(START_URL, {"code": code})


def test_codes_use_only_letters_that_cannot_be_confused():
    assert set(SHARE_CODE_ALPHABET).isdisjoint(set("0125678BGILOQSUZ"))
    codes = {share_code_new() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == SHARE_CODE_LENGTH
        assert set(code) <= set(SHARE_CODE_ALPHABET)


def test_codes_read_in_groups_and_accept_any_spacing():
    assert share_code_format("ACDEFHJKMNPR") == "ACDE-FHJK-MNPR"
    assert share_code_normalise(" acde-fhjk mnpr ") == "ACDEFHJKMNPR"


def test_a_member_sees_the_clinician_before_anything_is_shared(member_client, clinician):
    profile = clinician.clinician_profile
    response = enter(member_client, profile.share_code_display.lower().replace("-", " "))

    assert response.status_code == 302
    assert response["Location"] == reverse("worksheets:share-choose")
    page = member_client.get(response["Location"]).content.decode()
    assert clinician.display_name in page
    assert profile.profession in page
    assert not Share.objects.exists()


def _expired_code() -> str:
    clinician = make_clinician()
    code = clinician.clinician_profile.share_code
    ClinicianProfile.objects.filter(user=clinician).update(
        share_code_expires_at=timezone.now() - timedelta(minutes=1)
    )
    return code


def _replaced_code() -> str:
    profile = make_clinician().clinician_profile
    old = profile.share_code
    account_services.share_code_regenerate(profile=profile)
    return old


def _withdrawn_code() -> str:
    clinician = make_clinician()
    code = clinician.clinician_profile.share_code
    ClinicianProfile.objects.filter(user=clinician).update(status=ClinicianProfile.Status.WITHDRAWN)
    return code


def _applicant_code() -> str:
    """A code on a profile that was never verified (it should not have one)."""
    applicant = make_clinician(verified=False)
    ClinicianProfile.objects.filter(user=applicant).update(
        share_code="ACDEFHJKMNPR", share_code_expires_at=timezone.now() + timedelta(days=1)
    )
    return "ACDEFHJKMNPR"


@pytest.mark.parametrize(
    "make_code",
    [lambda: "YYYYXXXXWWWW", _expired_code, _replaced_code, _withdrawn_code, _applicant_code],
    ids=["unknown", "expired", "replaced", "withdrawn", "never-verified"],
)
def test_a_code_that_does_not_work_gets_the_same_message_whatever_the_reason(
    member_client, make_code
):
    response = enter(member_client, make_code())

    assert response.status_code == 400
    assert escape(str(WRONG_CODE)) in response.content.decode()
    assert SESSION_KEY not in member_client.session


def test_a_code_with_the_wrong_length_is_explained(member_client):
    response = enter(member_client, "ACDE-FHJK")
    assert response.status_code == 400
    assert "A share code has 12 letters" in response.content.decode()


def test_a_code_expires_after_its_lifetime(clinician):
    code = clinician.clinician_profile.share_code
    assert ClinicianProfile.objects.with_share_code(code).exists()
    with time_machine.travel(timezone.now() + timedelta(days=91)):
        assert not ClinicianProfile.objects.with_share_code(code).exists()


def test_a_clinician_makes_a_new_code_and_the_old_one_stops_working(
    clinician, clinician_client, member_client
):
    old = clinician.clinician_profile.share_code

    response = clinician_client.post(
        reverse("accounts:share-code"), {"confirm": "yes"}, follow=True
    )

    new = ClinicianProfile.objects.get(user=clinician).share_code
    assert new != old
    assert share_code_format(new) in response.content.decode()
    assert enter(member_client, old).status_code == 400
    assert enter(member_client, new).status_code == 302


def test_a_new_code_keeps_existing_shares(clinician, clinician_client, member):
    make_share(member, clinician)
    clinician_client.post(reverse("accounts:share-code"), {"confirm": "yes"})
    assert Share.objects.active().filter(clinician=clinician).count() == 1


def test_code_lookups_are_limited_per_member_even_for_a_right_code(
    settings, member_client, clinician
):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "share_code": "3/h/user"}
    for _ in range(3):
        assert enter(member_client, "YYYYXXXXWWWW").status_code == 400

    response = enter(member_client, clinician.clinician_profile.share_code)

    assert response.status_code == 429
    assert escape(str(TOO_MANY)) in response.content.decode()
    assert SESSION_KEY not in member_client.session


def test_code_lookups_are_limited_per_address_across_members(settings, clinician):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "share_code": "3/h/ip"}
    for _ in range(3):
        enter(sign_in(Client(), make_member()), "YYYYXXXXWWWW")

    response = enter(sign_in(Client(), make_member()), clinician.clinician_profile.share_code)

    assert response.status_code == 429


def test_the_code_limit_is_configured_per_member_and_per_address(settings):
    rates = settings.ACCOUNT_RATE_LIMITS["share_code"]
    assert "/user" in rates
    assert "/ip" in rates


def test_a_clinician_cannot_share_with_themselves(clinician, clinician_client):
    response = enter(clinician_client, clinician.clinician_profile.share_code)
    assert response.status_code == 400
    assert "your own share code" in response.content.decode()


def test_entering_the_code_of_someone_already_shared_with_opens_that_share(
    member, member_client, clinician
):
    share = make_share(member, clinician)
    response = enter(member_client, clinician.clinician_profile.share_code)
    assert response["Location"] == reverse("worksheets:share-detail", args=[share.pk])


def test_making_a_new_code_asks_first_and_changes_nothing_until_confirmed(
    clinician, clinician_client
):
    old = clinician.clinician_profile.share_code
    dashboard = clinician_client.get(reverse("clinician:dashboard")).content.decode()
    assert f'href="{reverse("accounts:share-code")}"' in dashboard

    page = clinician_client.get(reverse("accounts:share-code"))
    assert page.status_code == 200
    assert "Make a new share code?" in page.content.decode()
    assert share_code_format(old) in page.content.decode()
    # A POST without the confirmation only asks.
    unconfirmed = clinician_client.post(reverse("accounts:share-code"))
    assert unconfirmed.status_code == 200
    assert ClinicianProfile.objects.get(user=clinician).share_code == old
