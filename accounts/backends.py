"""How a signed-in request gets its user: from the shared cache, not a query.

Every signed-in page needs the user, and clinicians' and admins' pages need
their kinds of authenticator too (the MFA rule). Both are kept in the cache
under the user's data version (`connectapp.lib.userdata`), which any save or
delete of the user or of one of their authenticators bumps. So a new
password, a deactivation or a new role counts on the very next request, on
every server, as with a query. A change made without a signal counts within
USER_RECORD_SECONDS.

The cache never holds the password hash. The user comes back with `password`
deferred (anything that asks for it, such as checking a password, reads it
from the database) and with the session hash that Django compares with the
session's worked out beforehand (`User.get_session_auth_hash`).
"""

import functools
import time

from allauth.account.auth_backends import AuthenticationBackend
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.utils.crypto import salted_hmac

from connectapp.lib import userdata

from .models import User

# (field values but the password, session hash, kinds of authenticator, when made)
UserRecord = tuple[dict, str, frozenset[str], float]
# A change that sends no signal (an `.update()` without
# `userdata.data_changed`, or SQL by hand) counts after this long at most.
USER_RECORD_SECONDS = 5 * 60


class UserBackend(AuthenticationBackend):
    """allauth's backend (email and password, for the site and the admin
    alike), with the request's user read from the cache (see the module's
    docstring). It is the only backend: allauth records it for every sign-in,
    with or without a code, and a wrong password is checked once, not once
    per backend."""

    def get_user(self, user_id) -> User | None:
        name = f"signed-in-user:{_secret_tag(settings.SECRET_KEY)}"
        record = userdata.stamped(
            name,
            user_id,
            functools.partial(_record, user_id),
            fresh=lambda kept: kept is None or time.time() < kept[3] + USER_RECORD_SECONDS,
            seconds=USER_RECORD_SECONDS,
        )
        if record is None:
            return None
        fields, session_hash, kinds, _ = record
        user = User.from_db(User._default_manager.db, fields.keys(), list(fields.values()))
        user.kept_session_auth_hash = session_hash
        user.authenticator_kinds = kinds
        return user if self.user_can_authenticate(user) else None


def _record(user_id) -> UserRecord | None:
    user = User._default_manager.filter(pk=user_id).first()
    if user is None:
        return None
    fields = {
        field.attname: getattr(user, field.attname)
        for field in User._meta.concrete_fields
        if field.attname != "password"
    }
    kinds = frozenset(Authenticator.objects.filter(user_id=user_id).values_list("type", flat=True))
    return fields, user.get_session_auth_hash(), kinds, time.time()


@functools.cache
def _secret_tag(secret: str) -> str:
    """Names the secret key that the kept session hashes were made with,
    without saying anything about it: after a new SECRET_KEY, none is used."""
    return salted_hmac("accounts.backends.secret_tag", "", secret=secret).hexdigest()[:12]
