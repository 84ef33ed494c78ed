from django.core.management.base import BaseCommand
from django.db import transaction

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
        self.stdout.write(
            f"Starter helplines: {added} added, {len(existing)} already there and left as they are."
        )
