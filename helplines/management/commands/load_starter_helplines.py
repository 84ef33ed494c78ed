from django.core.management.base import BaseCommand

from helplines.services import starter_helplines_load


class Command(BaseCommand):
    help = (
        "Add the starter helplines (crisis lines, national peer-support and referral lines, "
        "and state warmlines: published, needs checking, or closed) that are missing. Safe "
        "to run again: lines that already exist, matched by slug, are left as admins "
        "edited them; only their empty Spanish fields get the starter Spanish text."
    )

    def handle(self, *args, **options) -> None:
        added, existing = starter_helplines_load()
        self.stdout.write(
            f"Starter helplines: {added} added, {existing} already there and left as they are."
        )
