from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models

from helplines.states import STATE_CHOICES


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields) -> "User":
        if not email:
            raise ValueError("An email address is required.")
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
        MEMBER = "member", "Member"
        CLINICIAN = "clinician", "Clinician"

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(
        max_length=60,
        help_text="The name other people see. A first name or a nickname is fine.",
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    home_state = models.CharField(
        "your US state",
        max_length=2,
        blank=True,
        choices=STATE_CHOICES,
        help_text="Optional. The helpline finder shows your own state's warmlines first.",
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = UserManager()

    class Meta:
        ordering = ["display_name", "pk"]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name

    @property
    def is_clinician(self) -> bool:
        return self.role == self.Role.CLINICIAN

    @property
    def requires_mfa(self) -> bool:
        """Clinicians and staff see other people's data, so they must use MFA."""
        return self.is_staff or self.is_clinician
