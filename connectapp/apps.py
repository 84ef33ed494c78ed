from django.apps import AppConfig


class ConnectappConfig(AppConfig):
    name = "connectapp"
    verbose_name = "Connect"
