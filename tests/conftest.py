"""Personas and shared fixtures.

The personas: `member` (the owner of whatever a test creates), `other_member`,
`clinician` (verified, with MFA), and `admin` (staff, with MFA). The
`*_client` fixtures are signed in as each, with MFA passed where the role
needs it.
"""

import os
import re
import time

import pytest
from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from accounts.models import User
from connectapp.lib import frame

from .factories import make_admin, make_clinician, make_member


def pytest_collection_modifyitems(config, items):
    """Leave out PostgreSQL-only tests on SQLite. They are deselected rather
    than skipped, because CI counts a skip as a failure; .ci/run's second pass
    runs them on PostgreSQL."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    kept = [item for item in items if not item.get_closest_marker("postgresql")]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.fixture(scope="session", autouse=True)
def _cache_per_worker():
    """Under pytest-xdist (`-n 2`), give each worker its own Redis database:
    the one CACHE_URL names, plus the worker's number. Tests empty the cache,
    and one worker's flush must not clear the other's rate-limit counters."""
    from django.conf import settings
    from django.test import override_settings

    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    default = settings.CACHES["default"]
    match = re.fullmatch(r"(redis://.*/)(\d+)", str(default.get("LOCATION", "")))
    if worker == "gw0" or not match:
        yield
        return
    database = int(match[2]) + int(worker.removeprefix("gw"))
    default = {**default, "LOCATION": f"{match[1]}{database}"}
    with override_settings(CACHES={**settings.CACHES, "default": default}):
        yield


@pytest.fixture(autouse=True)
def _isolate(request, settings):
    """Each test gets plain static storage, so templates render without a
    collectstatic manifest; a fast password hasher; and an empty cache:
    rate-limit counters live there, and Redis would keep them from one test to
    the next."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Kept HTML lives in this process's memory: each test starts without any.
    frame.kept_clear()
    # A request in another language leaves it active in this thread; each test
    # starts in English, as a fresh process does.
    translation.activate(settings.LANGUAGE_CODE)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    uses_db = request.node.get_closest_marker("django_db") or {
        "db",
        "transactional_db",
        "live_server",
    } & set(request.fixturenames)
    if uses_db:
        request.getfixturevalue("db")
        cache.clear()
    yield
    if uses_db:
        cache.clear()


def sign_in(client: Client, user: User, *, mfa: bool | None = None) -> Client:
    """Sign `client` in as `user`. With `mfa`, the session counts as having
    passed a TOTP check, as after a real sign-in with a code. By default MFA is
    passed for the roles that need it."""
    client.force_login(user)
    if mfa is None:
        mfa = user.requires_mfa
    if mfa:
        session = client.session
        session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {"method": "password", "at": time.time(), "email": user.email},
            {"method": "mfa", "at": time.time(), "type": "totp"},
        ]
        session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
        session.save()
    return client


@pytest.fixture
def member(db) -> User:
    return make_member(display_name="Robin")


@pytest.fixture
def other_member(db) -> User:
    return make_member(display_name="Alex")


@pytest.fixture
def clinician(db) -> User:
    return make_clinician(display_name="Dr. Lee")


@pytest.fixture
def admin_user(db) -> User:
    return make_admin(display_name="Admin")


@pytest.fixture
def member_client(member) -> Client:
    return sign_in(Client(), member)


@pytest.fixture
def other_member_client(other_member) -> Client:
    return sign_in(Client(), other_member)


@pytest.fixture
def clinician_client(clinician) -> Client:
    return sign_in(Client(), clinician)


@pytest.fixture
def admin_client(admin_user) -> Client:
    return sign_in(Client(), admin_user)


@pytest.fixture
def memory_cache(settings) -> None:
    """A per-process cache, so query counts hold only the page's own queries,
    not the database cache's (production uses Redis)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
