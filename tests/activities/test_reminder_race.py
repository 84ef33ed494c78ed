"""Two workers racing for the same reminder, on PostgreSQL: the unique
ReminderSent row lets exactly one of them queue the email."""

import threading
from datetime import time

import pytest
from django.db import connection

from activities.models import Plan, ReminderSettings
from activities.reminders import reminder_send
from tests.factories import make_activity, make_member
from tests.tasks import waiting_tasks

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def test_two_workers_at_once_send_one_reminder():
    member = make_member()
    prefs = ReminderSettings.objects.create(
        owner=member, enabled=True, time_of_day=time(0, 0), time_zone="America/New_York"
    )
    day = prefs.today()
    plan = Plan.objects.create(owner=member, activity=make_activity(), planned_for=day)
    due = prefs.due_at(day).isoformat()
    start = threading.Barrier(2)
    outcomes = []

    def worker() -> None:
        try:
            start.wait()
            outcomes.append(reminder_send.call(plan.pk, day.isoformat(), due))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already sent", "sent"]
    assert waiting_tasks("email_deliver").count() == 1
