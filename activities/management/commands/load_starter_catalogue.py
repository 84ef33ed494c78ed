from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from activities.services import starter_catalogue_load


class Command(BaseCommand):
    help = (
        "Load the starter activity catalogue. Safe to run again: it adds only the "
        "activities and kinds that are missing, and never changes ones that exist, "
        "apart from filling in their Spanish text where it is still empty."
    )

    def handle(self, *args, **options) -> None:
        added, kept = starter_catalogue_load()
        self.stdout.write(
            ngettext(
                "Starter catalogue: added %(added)d activity;",
                "Starter catalogue: added %(added)d activities;",
                added,
            )
            % {"added": added}
            + " "
            + ngettext(
                "%(kept)d was already there and was left as it is.",
                "%(kept)d were already there and were left as they are.",
                kept,
            )
            % {"kept": kept}
        )
