from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    # allauth's "account" app is already called "Accounts" in the admin.
    verbose_name = _("People and clinicians")

    def ready(self) -> None:
        from allauth.mfa.models import Authenticator

        from connectapp.lib.userdata import track

        from . import signals  # noqa: F401
        from .models import ClinicianProfile, User

        # A name, a role or a share code shows on pages cached per person.
        track(User, "pk")
        track(ClinicianProfile, "user_id")
        # The MFA rule reads a user's authenticators from the cache (middleware.py).
        track(Authenticator, "user_id")
