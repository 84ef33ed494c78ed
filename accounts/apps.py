from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    # allauth's "account" app is already called "Accounts" in the admin.
    verbose_name = _("People and clinicians")

    def ready(self) -> None:
        from . import signals  # noqa: F401
