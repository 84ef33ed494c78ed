from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelplinesConfig(AppConfig):
    name = "helplines"
    verbose_name = _("Helplines")

    def ready(self) -> None:
        from .cache import connect_signals

        connect_signals()
