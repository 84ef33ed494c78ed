from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User

DEMO_ACCOUNTS = [
    # (email, password, display name, role, is_staff)
    ("member@example.com", "demo-member-pass", "Sam", User.Role.MEMBER, False),
    ("clinician@example.com", "demo-clinician-pass", "Dr. Rivera", User.Role.CLINICIAN, False),
    ("admin@example.com", "demo-admin-pass", "Admin", User.Role.MEMBER, True),
]


class Command(BaseCommand):
    help = (
        "Create or refresh the demo logins (a member, a clinician with MFA, an admin "
        "with MFA) and print them. Development only: refuses to run when DEBUG is off."
    )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo only runs with DEBUG on: demo accounts must never exist in production."
            )
        self.stdout.write("Demo logins (development only):")
        for email, password, name, role, is_staff in DEMO_ACCOUNTS:
            user = self.ensure_user(email, password, name, role, is_staff)
            self.stdout.write(f"  {name:<11} {email:<24} password: {password}")
            if user.requires_mfa:
                secret, codes = self.ensure_mfa(user)
                self.stdout.write(f"{'':<14}authenticator key: {secret}")
                self.stdout.write(f"{'':<14}recovery codes (each works once): {' '.join(codes)}")

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
