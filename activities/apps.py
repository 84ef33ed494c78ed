from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activities")

    def ready(self) -> None:
        from connectapp.lib.userdata import track

        from .cache import connect_signals
        from .models import (
            ActivityLog,
            ActivityStart,
            Plan,
            Recommendation,
            ReminderSettings,
            Suggestion,
        )

        connect_signals()
        # What a member's own pages show (docs/performance.md).
        for model in (ActivityLog, ActivityStart, Plan, ReminderSettings, Suggestion):
            track(model, "owner_id")
        track(Recommendation, "owner_id", "clinician_id")
