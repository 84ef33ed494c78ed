from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from helplines.services import starter_helplines_load


class Command(BaseCommand):
    help = (
        "Add the starter helplines (crisis lines, national peer-support and referral lines, "
        "and state warmlines: published, needs checking, or closed) that are missing. Safe "
        "to run again: lines that already exist, matched by slug, are left as admins "
        "edited them; only their empty Spanish fields get the starter Spanish text."
    )

    def handle(self, *args, **options) -> None:
        added, kept = starter_helplines_load()
        self.stdout.write(
            ngettext(
                "Starter helplines: %(added)d added,",
                "Starter helplines: %(added)d added,",
                added,
            )
            % {"added": added}
            + " "
            + ngettext(
                "%(kept)d already there and left as it is.",
                "%(kept)d already there and left as they are.",
                kept,
            )
            % {"kept": kept}
        )
