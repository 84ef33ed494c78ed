from django.apps import AppConfig


class HelplinesConfig(AppConfig):
    name = "helplines"

    def ready(self) -> None:
        from .cache import connect_signals

        connect_signals()
