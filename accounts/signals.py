"""Security events, logged with time, user and IP, never with member content."""

import logging

from allauth.account.signals import user_logged_in, user_logged_out, user_signed_up
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.contrib.auth.signals import user_login_failed
from django.dispatch import Signal, receiver

from .middleware import MFA_ENROLLED_SESSION_KEY
from .security import client_ip

security_log = logging.getLogger("connect.security")

# Sent with `profile` when a clinician stops being verified (rejected or
# withdrawn). Apps above accounts react to it (connectapp connects the
# receivers); each receiver returns how many shares it ended.
clinician_unverified = Signal()


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs) -> None:
    security_log.info("login user=%s ip=%s", user.pk, client_ip(request))


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs) -> None:
    if user is not None:
        security_log.info("logout user=%s ip=%s", user.pk, client_ip(request))


@receiver(user_login_failed)
def log_login_failed(sender, credentials, request=None, **kwargs) -> None:
    # The credentials hold the email typed; it is not logged, to keep
    # mistyped passwords typed into the email box out of the logs.
    ip = client_ip(request) if request is not None else "unknown"
    security_log.warning("login_failed ip=%s", ip)


@receiver(user_signed_up)
def log_signup(sender, request, user, **kwargs) -> None:
    security_log.info("signup user=%s ip=%s", user.pk, client_ip(request))


@receiver(authenticator_added)
def mark_session_enrolled(sender, request, user, authenticator, **kwargs) -> None:
    """Activating TOTP takes a valid code, which proves this session holds it."""
    if authenticator.type == Authenticator.Type.TOTP:
        request.session[MFA_ENROLLED_SESSION_KEY] = user.pk
    security_log.info(
        "authenticator_added user=%s type=%s ip=%s", user.pk, authenticator.type, client_ip(request)
    )
