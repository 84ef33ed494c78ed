from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = (
        "Show the background task queue: how many tasks wait, the oldest one "
        "that is due, how many are scheduled for later, running or failed."
    )

    def handle(self, *args, **options) -> None:
        now = timezone.now()
        ready = DBTaskResult.objects.ready()
        oldest = ready.aggregate(oldest=Min("enqueued_at"))["oldest"]
        waiting = ready.count()
        scheduled = DBTaskResult.objects.filter(status="READY").count() - waiting
        day_ago = now - timedelta(days=1)
        failed = DBTaskResult.objects.failed().filter(finished_at__gte=day_ago)
        lines = [
            f"Waiting (due now): {waiting}",
            "Oldest waiting: "
            + (f"{oldest:%Y-%m-%d %H:%M:%S %Z}, {_age(now - oldest)} ago" if oldest else "none"),
            f"Scheduled for later: {scheduled}",
            f"Running: {DBTaskResult.objects.running().count()}",
            f"Failed attempts in the last 24 hours: {failed.count()}",
        ]
        self.stdout.write("\n".join(lines))


def _age(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 120:
        return f"{seconds} seconds"
    if seconds < 7200:
        return f"{seconds // 60} minutes"
    return f"{seconds // 3600} hours"
