import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from connectapp.lib.states import STATE_CHOICES


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields) -> "User":
        if not email:
            raise ValueError(_("An email address is required."))
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in with their email address.

    Others only ever see `display_name`, which may be a pseudonym. Admins are
    `is_staff`; `role` says whether someone is a member or a clinician.
    """

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        CLINICIAN = "clinician", _("Clinician")

    class Language(models.TextChoices):
        # Blank: follow the language cookie, then the browser.
        ENGLISH = "en", "English"
        SPANISH = "es", "Español"

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        help_text=_("The name other people see. A first name or a nickname is fine."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    home_state = models.CharField(
        _("your US state"),
        max_length=2,
        blank=True,
        choices=STATE_CHOICES,
        help_text=_("Optional. The helpline finder shows your own state's warmlines first."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=Language.choices,
        help_text=_(
            "The language Connect uses for you when you are signed in. "
            "Leave it blank to follow the language you pick at the bottom of each page "
            "or your browser's setting."
        ),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = UserManager()

    class Meta:
        ordering = ["display_name", "pk"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name

    def get_session_auth_hash(self) -> str:
        """Django's, or the one the backend worked out when it loaded this user
        without their password (`accounts.backends`). Once the password is set
        on this object, it is worked out from the new one."""
        kept = getattr(self, "kept_session_auth_hash", None)
        if kept is not None and "password" in self.get_deferred_fields():
            return kept
        return super().get_session_auth_hash()

    @property
    def is_clinician(self) -> bool:
        """A verified clinician. Only verification sets this role, and
        withdrawing verification takes it away (see `accounts.services`)."""
        return self.role == self.Role.CLINICIAN

    @property
    def requires_mfa(self) -> bool:
        """Clinicians and staff see other people's data, so they must use MFA."""
        return self.is_staff or self.is_clinician


# Share codes are read aloud and typed by hand, so they use capital letters
# that cannot be mistaken for each other or for digits (no B, G, I, L, O, Q,
# S, U or Z). Twelve of 17 letters is about 49 bits: with lookups rate-limited,
# guessing a live code is hopeless.
SHARE_CODE_ALPHABET = "ACDEFHJKMNPRTVWXY"
SHARE_CODE_LENGTH = 12
SHARE_CODE_GROUP = 4
SHARE_CODE_LIFETIME = timedelta(days=90)


def share_code_new() -> str:
    return "".join(secrets.choice(SHARE_CODE_ALPHABET) for _ in range(SHARE_CODE_LENGTH))


def share_code_normalise(text: str) -> str:
    """What a member typed, without spaces or dashes, in capitals."""
    return "".join(char for char in text.upper() if char.isalnum())


def share_code_format(code: str) -> str:
    return "-".join(code[i : i + SHARE_CODE_GROUP] for i in range(0, len(code), SHARE_CODE_GROUP))


class ClinicianProfileQuerySet(models.QuerySet):
    def verified(self) -> "ClinicianProfileQuerySet":
        """Verified, and still an active clinician account."""
        return self.filter(
            status=ClinicianProfile.Status.VERIFIED,
            user__is_active=True,
            user__role=User.Role.CLINICIAN,
        )

    def with_share_code(self, code: str) -> "ClinicianProfileQuerySet":
        """The verified clinician whose current, unexpired code this is."""
        return self.verified().filter(share_code=code, share_code_expires_at__gt=timezone.now())


class ClinicianProfile(models.Model):
    """A clinician's application, its review, and their share code.

    A user applies; an admin verifies, rejects or withdraws verification from
    the admin site. `status` records the decision and `user.role` follows it:
    the role is "clinician" exactly while the profile is verified.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Not approved")
        WITHDRAWN = "withdrawn", _("Verification withdrawn")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="clinician_profile",
        verbose_name=_("user"),
    )
    profession = models.CharField(
        _("profession"),
        max_length=100,
        help_text=_("For example: licensed clinical social worker, psychologist."),
    )
    # The field names keep their original spelling; what people read says "license".
    licence_number = models.CharField(_("license or registration number"), max_length=60)
    licence_region = models.CharField(
        _("where it was issued"),
        max_length=100,
        help_text=_("The state, country or body that issued your license or registration."),
    )
    practice_name = models.CharField(
        _("practice or organization"), max_length=150, help_text=_("Where you see clients.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    applied_at = models.DateTimeField(_("applied"), default=timezone.now)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
        help_text=_("The admin who made the latest decision."),
    )
    share_code = models.CharField(
        _("share code"), max_length=SHARE_CODE_LENGTH, null=True, blank=True, unique=True
    )
    share_code_expires_at = models.DateTimeField(_("share code expires"), null=True, blank=True)

    objects = ClinicianProfileQuerySet.as_manager()

    APPLICATION_FIELDS = ["profession", "licence_number", "licence_region", "practice_name"]

    class Meta:
        ordering = ["status", "-applied_at"]
        verbose_name = _("clinician profile")
        verbose_name_plural = _("clinician profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(share_code__isnull=True) | Q(share_code_expires_at__isnull=False),
                name="share_code_has_expiry",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user.display_name}, {self.profession}"

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED

    @property
    def share_code_display(self) -> str:
        return share_code_format(self.share_code or "")

    @property
    def share_code_is_current(self) -> bool:
        return bool(self.share_code) and self.share_code_expires_at > timezone.now()
