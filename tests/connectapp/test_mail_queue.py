"""Every email goes through the task queue: delivered by a worker, retried
with a growing delay when the mail server fails, and never lost."""

import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from connectapp.lib import mail as queue
from tests.tasks import run_ready_tasks, waiting_tasks

pytestmark = pytest.mark.django_db


class FailingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("The mail server is down.")


def message(**extra) -> EmailMessage:
    return EmailMessage(
        "Hello",
        "A link: https://connect.example.org/today/",
        None,
        ["someone@example.com"],
        headers={"List-Unsubscribe": "<https://connect.example.org/u/>"},
        **extra,
    )


def test_a_queued_email_is_sent_by_the_worker_not_the_caller():
    queue.email_enqueue(message())
    assert mail.outbox == []
    assert run_ready_tasks() == 1
    (sent,) = mail.outbox
    assert sent.to == ["someone@example.com"]
    assert sent.subject == "Hello"
    assert sent.extra_headers["List-Unsubscribe"] == "<https://connect.example.org/u/>"


def test_a_failing_mail_server_loses_nothing_and_retries_with_growing_delays(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        queue.email_enqueue(message())
        delays = []
        for _ in range(4):
            run_ready_tasks()
            (waiting,) = waiting_tasks("email_deliver")
            delays.append(waiting.run_after - timezone.now())
            clock.move_to(waiting.run_after)
        assert delays == [timedelta(seconds=s) for s in (30, 60, 120, 240)]
        assert DBTaskResult.objects.failed().count() == 4
        assert mail.outbox == []

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        run_ready_tasks()
    (sent,) = mail.outbox
    assert sent.subject == "Hello"
    assert not waiting_tasks().exists()


def test_the_delay_between_attempts_stops_growing_at_an_hour():
    assert queue.retry_delay(1) == timedelta(seconds=30)
    assert queue.retry_delay(20) == timedelta(hours=1)


def test_after_the_last_attempt_the_message_stays_on_record(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    queue.email_deliver.enqueue(queue.message_to_data(message()), queue.MAX_ATTEMPTS)
    run_ready_tasks()
    assert not waiting_tasks().exists()
    (failed,) = DBTaskResult.objects.failed()
    assert failed.args_kwargs["args"][0]["to"] == ["someone@example.com"]


def test_a_message_past_its_deadline_is_dropped_rather_than_sent_late():
    queue.email_enqueue(message(), deliver_before=timezone.now() - timedelta(minutes=1))
    run_ready_tasks()
    assert mail.outbox == []
    assert DBTaskResult.objects.successful().get().return_value == "expired"


def test_show_task_queue_reports_depth_and_the_oldest_waiting_task(capsys):
    with time_machine.travel(timezone.now() - timedelta(minutes=10)):
        queue.email_enqueue(message())
    queue.email_enqueue(message())
    queue.email_deliver.using(run_after=timezone.now() + timedelta(hours=1)).enqueue({})
    call_command("show_task_queue")
    out = capsys.readouterr().out
    assert "Waiting (due now): 2" in out
    assert "Scheduled for later: 1" in out
    assert "10 minutes ago" in out
