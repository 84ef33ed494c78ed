"""Outbound email through the task queue.

Nothing sends mail inside a request. A caller builds an `EmailMessage` and
hands it to `email_enqueue`; a `db_worker` process delivers it with
`email_deliver`. When the mail server fails, the task schedules the next
attempt with a growing delay before it records the failure, so the message
waits in the task table and is never lost. After `MAX_ATTEMPTS` (about a day)
it gives up and the failed row keeps the message for an operator.

Messages hold only what the caller put in them. Callers keep member text out
of emails (see docs/architecture.md).
"""

import logging
from datetime import datetime, timedelta
from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

mail_log = logging.getLogger("connect.mail")

MAX_ATTEMPTS = 30
FIRST_DELAY = timedelta(seconds=30)
LONGEST_DELAY = timedelta(hours=1)


class DeliveryFailed(Exception):
    """The mail server refused or failed; another attempt is scheduled."""


def retry_delay(attempt: int) -> timedelta:
    """How long to wait after failed attempt number `attempt` (1, 2, …):
    30 seconds, doubling each time, at most an hour."""
    return min(FIRST_DELAY * 2 ** (attempt - 1), LONGEST_DELAY)


def message_to_data(message: EmailMessage) -> dict[str, Any]:
    """A message as plain JSON values, to store in a task."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def message_from_data(data: dict[str, Any]) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data.get("from_email"),
        to=data.get("to", []),
        cc=data.get("cc", []),
        bcc=data.get("bcc", []),
        reply_to=data.get("reply_to", []),
        headers=data.get("headers", {}),
    )
    for content, mimetype in data.get("alternatives", []):
        message.attach_alternative(content, mimetype)
    return message


def email_enqueue(message: EmailMessage, *, deliver_before: datetime | None = None) -> None:
    """Queue `message` for delivery by a worker. With `deliver_before`, a
    message still undelivered by then (a reminder for a day that is over) is
    dropped instead of sent late."""
    data = message_to_data(message)
    if deliver_before is not None:
        data["deliver_before"] = deliver_before.isoformat()
    email_deliver.enqueue(data)


@task()
def email_deliver(message_data: dict[str, Any], attempt: int = 1) -> str:
    """Send one queued message. On failure, queue the next attempt, then raise
    so the failed attempt is on record."""
    deliver_before = message_data.get("deliver_before")
    if deliver_before and timezone.now() >= datetime.fromisoformat(deliver_before):
        mail_log.info("email_expired attempt=%s", attempt)
        return "expired"
    try:
        message_from_data(message_data).send()
    except Exception as error:
        if attempt >= MAX_ATTEMPTS:
            mail_log.error("email_gave_up attempts=%s", attempt)
            raise
        delay = retry_delay(attempt)
        email_deliver.using(run_after=timezone.now() + delay).enqueue(message_data, attempt + 1)
        mail_log.warning("email_retry_scheduled attempt=%s delay=%s", attempt, delay)
        raise DeliveryFailed(f"attempt {attempt} failed; retrying in {delay}") from error
    return "sent"
