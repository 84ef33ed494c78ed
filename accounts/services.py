"""Account-wide services: clinician applications, their review and share
codes, and the account's own part of the data download. (The whole download
and account deletion span apps: see `connectapp/services.py`.)

`ClinicianProfile.status` and `User.role` change together, only here: the
role is "clinician" exactly while the profile is verified, so the MFA
middleware (`User.requires_mfa`), the clinician area and every share follow
the latest decision on the very next request.
"""

import logging
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from allauth.usersessions.models import UserSession
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from connectapp.lib import userdata
from connectapp.lib.notifications import notification_send

from .models import SHARE_CODE_LIFETIME, ClinicianProfile, User, share_code_new
from .signals import clinician_unverified

security_log = logging.getLogger("connect.security")

EXPORT_FORMAT = "connect-export/1"


def clinician_apply(*, user: User, values: dict[str, Any]) -> ClinicianProfile:
    """Store the user's application. A changed or renewed application waits
    for review again; a verified clinician's details change only through an
    admin, so this refuses them."""
    with transaction.atomic():
        profile, _ = ClinicianProfile.objects.select_for_update().get_or_create(
            user=user, defaults=values
        )
        if profile.is_verified:
            raise ValueError("A verified clinician's application cannot be changed here.")
        for name, value in values.items():
            setattr(profile, name, value)
        profile.status = ClinicianProfile.Status.PENDING
        profile.applied_at = timezone.now()
        profile.save()
    security_log.info("clinician_applied user=%s", user.pk)
    return profile


def _decide(profile: ClinicianProfile, *, status: str, by: User) -> int:
    """Record an admin's decision and make the role follow it. Unless the
    decision is "verified", the share code stops working and every share with
    this clinician ends; returns how many ended."""
    verified = status == ClinicianProfile.Status.VERIFIED
    profile.status = status
    profile.reviewed_at = timezone.now()
    profile.reviewed_by = by
    if not verified:
        profile.share_code = None
        profile.share_code_expires_at = None
    profile.save()
    role = User.Role.CLINICIAN if verified else User.Role.MEMBER
    User.objects.filter(pk=profile.user_id).update(role=role)
    userdata.data_changed(profile.user_id)  # an .update() sends no signal
    profile.user.role = role
    security_log.info("clinician_%s user=%s by=%s", status, profile.user_id, by.pk)
    if verified:
        return 0
    ended = clinician_unverified.send(sender=ClinicianProfile, profile=profile)
    return sum(count for _, count in ended)


def clinician_can_be_verified(profile: ClinicianProfile) -> bool:
    """Clinicians see other people's worksheets, so they must already use an
    authenticator app: verification never opens a window without MFA."""
    return profile.user.is_active and is_mfa_enabled(profile.user, [Authenticator.Type.TOTP])


@transaction.atomic
def clinician_verify(*, profile: ClinicianProfile, by: User) -> bool:
    """Verify the application and give the clinician a share code. Returns
    False, changing nothing, when the user has no authenticator yet."""
    if not clinician_can_be_verified(profile):
        return False
    if not profile.is_verified:
        _decide(profile, status=ClinicianProfile.Status.VERIFIED, by=by)
        share_code_regenerate(profile=profile)
        transaction.on_commit(lambda: _email_verified(profile.user))
    return True


def _email_verified(user: User) -> None:
    """Tell the applicant, in their language, with a link to their clinician
    page. A mail failure is logged and never undoes the verification."""
    notification_send(
        to=user.email,
        language=user.language,
        template="accounts/email/clinician_verified",
        link=reverse("accounts:clinician"),
    )


@transaction.atomic
def clinician_reject(*, profile: ClinicianProfile, by: User) -> int:
    return _decide(profile, status=ClinicianProfile.Status.REJECTED, by=by)


@transaction.atomic
def clinician_withdraw(*, profile: ClinicianProfile, by: User) -> int:
    """Take verification away: the role goes back to member, the share code
    stops working, and every share with them ends. Returns how many ended."""
    return _decide(profile, status=ClinicianProfile.Status.WITHDRAWN, by=by)


def share_code_regenerate(*, profile: ClinicianProfile) -> str:
    """A fresh code; the old one stops working at once."""
    for _ in range(5):
        profile.share_code = share_code_new()
        profile.share_code_expires_at = timezone.now() + SHARE_CODE_LIFETIME
        try:
            with transaction.atomic():
                profile.save(update_fields=["share_code", "share_code_expires_at"])
        except IntegrityError:
            continue
        security_log.info("share_code_regenerated user=%s", profile.user_id)
        return profile.share_code
    raise IntegrityError("Could not find an unused share code.")


def account_export(*, user: User) -> dict[str, Any]:
    """The account's own part of the data download."""
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "role": user.get_role_display(),
            "home_state": user.home_state,
            "language": user.language,
            "joined_at": user.date_joined,
            "last_sign_in": user.last_login,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("pk")
            ],
        },
        "clinician_profile": _clinician_profile_export(user),
        # Where and when the account is signed in, as on the "Signed-in
        # devices" page.
        "sign_in_sessions": [
            {
                "ip_address": session.ip,
                "browser": session.user_agent,
                "signed_in_at": session.created_at,
                "last_seen_at": session.last_seen_at,
            }
            for session in UserSession.objects.filter(user=user).order_by("created_at", "pk")
        ],
        # Which kinds of second factor are set up, and when; never a secret.
        "two_factor_authentication": [
            {
                "type": authenticator.get_type_display(),
                "added_at": authenticator.created_at,
                "last_used_at": authenticator.last_used_at,
            }
            for authenticator in Authenticator.objects.filter(user=user).order_by(
                "created_at", "pk"
            )
        ],
    }


def _clinician_profile_export(user: User) -> dict[str, Any] | None:
    profile = ClinicianProfile.objects.filter(user=user).first()
    if profile is None:
        return None
    return {
        **{name: getattr(profile, name) for name in ClinicianProfile.APPLICATION_FIELDS},
        "status": profile.get_status_display(),
        "applied_at": profile.applied_at,
        "reviewed_at": profile.reviewed_at,
    }
