from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import ngettext

from helplines.models import SupportLine
from helplines.starter import STARTER_LINES


class Command(BaseCommand):
    help = (
        "Add the starter helplines (crisis lines, national peer-support and referral lines, "
        "and state warmlines: published, needs checking, or closed) that are missing. Safe "
        "to run again: lines that already exist, matched by slug, are left exactly as "
        "admins edited them."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        existing = set(
            SupportLine.objects.filter(
                slug__in=[line["slug"] for line in STARTER_LINES]
            ).values_list("slug", flat=True)
        )
        added = 0
        for data in STARTER_LINES:
            if data["slug"] in existing:
                continue
            line = SupportLine(**data)
            line.full_clean()
            line.save()
            added += 1
        kept = len(existing)
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
