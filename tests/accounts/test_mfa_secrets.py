"""Second-factor secrets: encrypted at rest, never shown or editable in the admin."""

import importlib
import io
import json

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from accounts.adapter import is_encrypted
from tests.factories import PASSWORD, TOTP_SECRET, current_totp_code, make_clinician, make_member

pytestmark = pytest.mark.django_db


def stored_data(authenticator: Authenticator) -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE id = %s", [authenticator.pk])
        raw = cursor.fetchone()[0]
    return raw if isinstance(raw, dict) else json.loads(raw)


def test_totp_secret_and_recovery_seed_are_stored_encrypted():
    user = make_member(totp=True)
    RecoveryCodes.activate(user)
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    codes = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    assert is_encrypted(stored_data(totp)["secret"])
    assert TOTP_SECRET not in str(stored_data(totp))
    assert is_encrypted(stored_data(codes)["seed"])


def test_the_key_is_not_the_secret_key(settings):
    assert settings.MFA_ENCRYPTION_KEY != settings.SECRET_KEY
    Fernet(settings.MFA_ENCRYPTION_KEY)


def test_sign_in_with_an_encrypted_secret_still_works(client):
    clinician = make_clinician()
    client.post(reverse("account_login"), {"login": clinician.email, "password": PASSWORD})
    response = client.post(reverse("mfa_authenticate"), {"code": current_totp_code()})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def plain_authenticator(user) -> Authenticator:
    return Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": TOTP_SECRET}
    )


def test_the_data_migration_encrypts_existing_plain_secrets():
    authenticator = plain_authenticator(make_member())
    migration = importlib.import_module("accounts.migrations.0004_encrypt_mfa_secrets")
    migration.encrypt_secrets(apps, None)
    assert is_encrypted(stored_data(authenticator)["secret"])
    authenticator.refresh_from_db()
    assert TOTP(authenticator).validate_code(current_totp_code())


def test_rotating_the_key_keeps_every_authenticator_working(settings):
    user = make_member(totp=True)
    old = settings.MFA_ENCRYPTION_KEY
    new = Fernet.generate_key().decode()
    settings.MFA_ENCRYPTION_KEY = new
    settings.MFA_ENCRYPTION_OLD_KEYS = [old]
    call_command("reencrypt_mfa_secrets", stdout=io.StringIO())
    settings.MFA_ENCRYPTION_OLD_KEYS = []
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    token = stored_data(authenticator)["secret"]
    assert Fernet(new).decrypt(token.encode()).decode() == TOTP_SECRET


def test_admin_shows_no_secret_and_changes_nothing(admin_client):
    user = make_member(totp=True)
    authenticator = Authenticator.objects.get(user=user)
    token = stored_data(authenticator)["secret"]
    changelist = admin_client.get(reverse("admin:mfa_authenticator_changelist"))
    assert changelist.status_code == 200
    page = admin_client.get(reverse("admin:mfa_authenticator_change", args=[authenticator.pk]))
    assert page.status_code == 200
    for response in (changelist, page):
        html = response.content.decode()
        assert token not in html
        assert TOTP_SECRET not in html
        assert "secret" not in html.lower()
    admin_client.post(
        reverse("admin:mfa_authenticator_change", args=[authenticator.pk]),
        {"user": user.pk, "type": "totp", "data": '{"secret": "AAAA"}'},
    )
    assert stored_data(authenticator)["secret"] == token
    assert admin_client.get(reverse("admin:mfa_authenticator_add")).status_code == 403
    response = admin_client.post(
        reverse("admin:mfa_authenticator_delete", args=[authenticator.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Authenticator.objects.filter(pk=authenticator.pk).exists()


def test_recovery_codes_still_work_from_an_encrypted_seed():
    user = make_member(totp=True)
    codes = RecoveryCodes.activate(user)
    unused = codes.get_unused_codes()
    assert len(unused) == 10
    assert codes.validate_code(unused[0])
