import logging

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import ClinicianProfile, User
from accounts.services import share_code_regenerate
from worksheets.models import HelpKind, NeedsStatement, Share

DEMO_ACCOUNTS = [
    # (email, password, display name, role, is_staff)
    ("member@example.com", "demo-member-pass", "Sam", User.Role.MEMBER, False),
    ("clinician@example.com", "demo-clinician-pass", "Dr. Rivera", User.Role.CLINICIAN, False),
    ("admin@example.com", "demo-admin-pass", "Admin", User.Role.MEMBER, True),
]

DEMO_CLINICIAN_PROFILE = {
    "profession": "Licensed clinical social worker",
    "licence_number": "LCSW-DEMO-0001",
    "licence_region": "Oregon",
    "practice_name": "Demo Counseling Practice",
}

# A short sample needs statement, so the clinician dashboard has something to show.
DEMO_STATEMENT_TITLE = "Sample: for the people close to me"
DEMO_STATEMENT = {
    "audience": "My sister and my two closest friends.",
    "experience": (
        "Some weeks everything feels heavy and slow, and answering one message can use up "
        "all the energy I have."
    ),
    "warning_signs": "I stop replying, and I say I am busy when I am not.",
    "helps": [HelpKind.BE_WITH_ME, HelpKind.TEXT_CHECK_IN],
    "check_ins": "A short message every few days is plenty. A photo or a joke is perfect.",
}


class Command(BaseCommand):
    help = (
        "Create or refresh the demo logins (a member, a verified clinician with MFA and "
        "a share code, an admin with MFA) and print them, and share a sample needs "
        "statement from the member with the clinician. Development only: refuses to "
        "run when DEBUG is off."
    )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                _(
                    "seed_demo only runs with DEBUG on: "
                    "demo accounts must never exist in production."
                )
            )
        # Do all the work first, then print the block in one go: anything logged
        # along the way (a new share code, say) then comes before it, never inside it.
        lines = [_("Demo logins (development only):")]
        users = {}
        for email, password, name, role, is_staff in DEMO_ACCOUNTS:
            user = users[role, is_staff] = self.ensure_user(email, password, name, role, is_staff)
            lines.append(
                f"  {name:<11} {email:<24} " + _("password: %(password)s") % {"password": password}
            )
            if user.requires_mfa:
                secret, codes = self.ensure_mfa(user)
                lines.append(" " * 14 + _("authenticator key: %(key)s") % {"key": secret})
                lines.append(
                    " " * 14
                    + _("recovery codes (each works once): %(codes)s") % {"codes": " ".join(codes)}
                )
            if user.is_clinician:
                profile = self.ensure_clinician_profile(user)
                lines.append(
                    " " * 14 + _("share code: %(code)s") % {"code": profile.share_code_display}
                )
        member = users[User.Role.MEMBER, False]
        clinician = users[User.Role.CLINICIAN, False]
        self.ensure_sample_share(member, clinician)
        lines.append(
            "  "
            + _("%(member)s shares “%(title)s” with %(clinician)s.")
            % {
                "member": member.display_name,
                "title": DEMO_STATEMENT_TITLE,
                "clinician": clinician.display_name,
            }
        )
        for handler in logging.getLogger().handlers:
            handler.flush()
        self.stdout.write("\n" + "\n".join(lines) + "\n")
        self.stdout.flush()

    @transaction.atomic
    def ensure_user(self, email: str, password: str, name: str, role: str, is_staff: bool) -> User:
        user, _ = User.objects.update_or_create(
            email=email,
            defaults={
                "display_name": name,
                "role": role,
                "is_staff": is_staff,
                "is_superuser": is_staff,
                "is_active": True,
            },
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user

    @transaction.atomic
    def ensure_mfa(self, user: User) -> tuple[str, list[str]]:
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if totp is None:
            totp = TOTP.activate(user, generate_totp_secret()).instance
        recovery = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.RECOVERY_CODES
        ).first()
        if recovery is None:
            recovery = RecoveryCodes.activate(user).instance
        return decrypt(totp.data["secret"]), RecoveryCodes(recovery).get_unused_codes()

    @transaction.atomic
    def ensure_clinician_profile(self, user: User) -> ClinicianProfile:
        profile, _ = ClinicianProfile.objects.update_or_create(
            user=user,
            defaults={**DEMO_CLINICIAN_PROFILE, "status": ClinicianProfile.Status.VERIFIED},
            create_defaults={
                **DEMO_CLINICIAN_PROFILE,
                "status": ClinicianProfile.Status.VERIFIED,
                "reviewed_at": timezone.now(),
            },
        )
        if not profile.share_code_is_current:
            share_code_regenerate(profile=profile)
        return profile

    @transaction.atomic
    def ensure_sample_share(self, member: User, clinician: User) -> None:
        statement, _ = NeedsStatement.objects.get_or_create(
            owner=member, title=DEMO_STATEMENT_TITLE, defaults=DEMO_STATEMENT
        )
        if Share.objects.active().filter(owner=member, clinician=clinician).exists():
            return
        share = Share.objects.create(
            owner=member, clinician=clinician, clinician_name=str(clinician.clinician_profile)
        )
        share.worksheets.add(statement.worksheet)
