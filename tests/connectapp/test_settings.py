"""Production settings, checked in a fresh process as an operator would run them."""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DEBUG": "False",
    "SECRET_KEY": "a-production-like-secret-key-that-is-long-enough-and-random-0123456789",
    "ALLOWED_HOSTS": "connect.example.org",
    "ENV_FILE": "/nonexistent",
    "MFA_ENCRYPTION_KEY": "7Gd0Ww0SbXK1e8jHqU3eK6t3o6wJ8rY1b2c3d4e5f6g=",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # Only what an operator would set: nothing leaks in from the test process
    # or from a developer's .env.
    clean = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_check_passes_with_production_values():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_an_mfa_encryption_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "MFA_ENCRYPTION_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "MFA_ENCRYPTION_KEY is not set" in result.stderr


def test_production_refuses_an_mfa_key_that_is_the_secret_key_or_malformed():
    same = {**PRODUCTION_ENV, "MFA_ENCRYPTION_KEY": PRODUCTION_ENV["SECRET_KEY"]}
    result = manage("check", env=same)
    assert result.returncode != 0
    assert "must differ from SECRET_KEY" in result.stderr
    result = manage("check", env={**PRODUCTION_ENV, "MFA_ENCRYPTION_KEY": "too-short"})
    assert result.returncode != 0
    assert "must be Fernet keys" in result.stderr


def test_production_refuses_optional_email_verification():
    result = manage("check", env={**PRODUCTION_ENV, "ACCOUNT_EMAIL_VERIFICATION": "optional"})
    assert result.returncode != 0
    assert "Email verification must be mandatory" in result.stderr


def test_production_settings_harden_cookies_and_transport():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_HSTS_INCLUDE_SUBDOMAINS,"
        " s.DATABASES['default']['CONN_HEALTH_CHECKS'], s.CACHES['default']['BACKEND'])"
    )
    result = manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "True",
        "True",
        "True",
        "True",
        "True",
        "django.core.cache.backends.db.DatabaseCache",
    ]


def test_the_minimum_age_can_be_raised_but_not_lowered_below_13():
    assert manage("check", env={**PRODUCTION_ENV, "MINIMUM_AGE": "18"}).returncode == 0
    result = manage("check", env={**PRODUCTION_ENV, "MINIMUM_AGE": "12"})
    assert result.returncode != 0
    assert "MINIMUM_AGE cannot be lower than 13" in result.stderr
