from django.apps import AppConfig


class WorksheetsConfig(AppConfig):
    name = "worksheets"

    def ready(self) -> None:
        from . import kinds  # noqa: F401  (registers every kind of worksheet)
