"""Account-wide services: clinician applications, their review and share
codes; and a member's data download and account deletion.

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
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from activities.services import member_data_export as activities_export
from activities.services import suggestions_delete_for_owner
from worksheets.models import Share
from worksheets.services import member_data_export as worksheets_export
from worksheets.services import share_revoke, shares_end_for_clinician

from .models import SHARE_CODE_LIFETIME, ClinicianProfile, User, share_code_new

security_log = logging.getLogger("connect.security")
mail_log = logging.getLogger("connect.mail")

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
    profile.user.role = role
    security_log.info("clinician_%s user=%s by=%s", status, profile.user_id, by.pk)
    return 0 if verified else shares_end_for_clinician(clinician=profile.user)


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
        transaction.on_commit(lambda: _email_verified(profile.user.email))
    return True


def _email_verified(to: str) -> None:
    """Tell the applicant, with a link to their clinician page. A mail failure
    is logged and never undoes the verification."""
    context = {"link": settings.SITE_URL.rstrip("/") + reverse("accounts:clinician")}
    try:
        send_mail(
            settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + "You are verified as a clinician",
            render_to_string("accounts/email/clinician_verified.txt", context),
            None,
            [to],
        )
    except Exception:
        mail_log.exception("notification_failed template=clinician_verified")


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
    """All of a member's data, as plain values, for the JSON download and the
    printable copy."""
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
        "activities": activities_export(owner=user),
        "worksheets": worksheets_export(owner=user),
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


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Erase the account and everything in it, and end every session it has.

    Everything a member owns is tied to the account with cascading foreign keys,
    so deleting the user erases it all in one transaction. Clinicians they
    still share with are told that the sharing stopped, as when a member
    stops it by hand.
    """
    user_id = user.pk
    for share in Share.objects.owned_by(user).active():
        share_revoke(share=share)
    suggestions_delete_for_owner(owner=user)
    for session in UserSession.objects.filter(user=user):
        session.end()
    user.delete()
    security_log.info("account_deleted user=%s", user_id)
