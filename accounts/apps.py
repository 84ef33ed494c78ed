from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    # allauth's "account" app is already called "Accounts" in the admin.
    verbose_name = "People and clinicians"

    def ready(self) -> None:
        from . import signals  # noqa: F401
