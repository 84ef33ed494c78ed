from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorksheetsConfig(AppConfig):
    name = "worksheets"
    verbose_name = _("Worksheets")

    def ready(self) -> None:
        from connectapp.lib.userdata import track, track_m2m, viewers_of

        from . import (
            kinds,  # noqa: F401  (registers every kind of worksheet)
            models,
            registry,
        )

        # What a member's pages and their clinicians' dashboards show
        # (docs/performance.md).
        for model in (
            models.Worksheet,
            models.SecurityCheck,
            models.TestDrive,
            models.UnsavedEdit,
            *(kind.model for kind in registry.kinds()),
        ):
            track(model, "owner_id")
        for model in (models.Share, models.Comment, models.AccessLogEntry):
            track(model, "owner_id", "clinician_id")
        track(models.ClientLabel, "owner_id", "member_id")
        track_m2m(models.Share.worksheets.through, ("owner_id", "clinician_id"))
        # A clinician's dashboard shows their members' names and worksheets.
        viewers_of(models.Share.objects.clinicians_of)
