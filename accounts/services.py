"""Writes and reads that span a member's whole account: download and deletion."""

import logging
from typing import Any

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.db import transaction
from django.utils import timezone

from activities.services import member_data_export as activities_export
from activities.services import suggestions_delete_for_owner
from worksheets.services import member_data_export as worksheets_export

from .models import User

security_log = logging.getLogger("connect.security")

EXPORT_FORMAT = "connect-export/1"


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
            "joined_at": user.date_joined,
            "last_sign_in": user.last_login,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("pk")
            ],
        },
        "activities": activities_export(owner=user),
        "worksheets": worksheets_export(owner=user),
    }


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Erase the account and everything in it, and end every session it has.

    Everything a member owns is tied to the account with cascading foreign keys,
    so deleting the user erases it all in one transaction.
    """
    user_id = user.pk
    suggestions_delete_for_owner(owner=user)
    for session in UserSession.objects.filter(user=user):
        session.end()
    user.delete()
    security_log.info("account_deleted user=%s", user_id)
