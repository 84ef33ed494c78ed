from django.apps import AppConfig


class ConnectappConfig(AppConfig):
    name = "connectapp"
    verbose_name = "Connect"

    def ready(self) -> None:
        from .services import connect_receivers

        connect_receivers()
