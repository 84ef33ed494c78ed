"""Every email Connect sends goes through `notification_send`.

An email is two templates, `<template>_subject.txt` and `<template>.txt`,
rendered with the context given. The subject gets the site's prefix
("[Connect] "). A link in an email is built by `absolute_url`: from the
request when there is one (so it points at the address the person is using,
in development too), otherwise from `SITE_URL` (for sends with no request,
such as background tasks).

The email is rendered now, in the recipient's language (`language`: their
saved `User.language`; blank means the site's default, English) whatever
the language of the request that sends it, with the request's address, and
handed to `connectapp.lib.mail.email_enqueue`: a worker delivers it,
retrying when the mail server fails, so no request waits on the mail
server and no message is lost.

Emails hold links and fixed wording, never anything a member wrote: not a
worksheet's title or text, not a comment, not a name. Pass no such text in
`context`. A failure to queue is logged and never undoes the change it reports.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation

from .mail import email_enqueue

mail_log = logging.getLogger("connect.mail")


def absolute_url(path: str, *, request: HttpRequest | None = None) -> str:
    """`path` ("/worksheets/...") as a full address for an email."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL.rstrip("/") + path


def notification_message(
    *,
    to: str,
    language: str,
    template: str,
    context: dict[str, Any] | None = None,
    link: str | None = None,
    request: HttpRequest | None = None,
    headers: dict[str, str] | None = None,
) -> EmailMessage:
    """The email `notification_send` queues, for a caller that queues it
    itself (a reminder, whose queueing is part of its own transaction)."""
    context = dict(context or {})
    if link is not None:
        context["link"] = absolute_url(link, request=request)
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    return EmailMessage(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=body,
        to=[to],
        headers=headers,
    )


def notification_send(
    *,
    to: str,
    language: str,
    template: str,
    context: dict[str, Any] | None = None,
    link: str | None = None,
    request: HttpRequest | None = None,
) -> bool:
    """Queue one email to `to`, written in `language` (the recipient's saved
    `User.language`). `link`, a path, reaches the templates as the absolute
    `{{ link }}`. Returns whether the mail was queued."""
    message = notification_message(
        to=to, language=language, template=template, context=context, link=link, request=request
    )
    try:
        email_enqueue(message)
    except Exception:
        mail_log.exception("notification_failed template=%s", template)
        return False
    return True
