"""Gentle reminders for planned activities.

Each dated plan of a member who turned reminders on gets one task, due at
their chosen time on the planned day (`reminder_schedule`). The task checks
everything again when it runs (`reminder_send`): a plan that was removed or
done, an account that was deleted, reminders or this plan's reminder turned
off, or settings that changed since (another task now carries the new time)
all send nothing. The `ReminderSent` row is the claim that makes a reminder go
out once, however many workers race for it.

The email says little on purpose: no notes, no moods, no worksheet text, and
the activity's title only when the member asked for it.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from accounts.models import User
from connectapp.lib.mail import email_enqueue
from connectapp.lib.notifications import notification_message
from connectapp.lib.userdata import data_changed

from .models import Plan, ReminderSent, ReminderSettings

log = logging.getLogger("connect.reminders")

UNSUBSCRIBE_SALT = "activities.reminders.unsubscribe"


def unsubscribe_token(owner: User) -> str:
    return signing.dumps({"member": owner.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_owner_id(token: str) -> int | None:
    """The member a one-click unsubscribe token names, or None if it is forged."""
    try:
        value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    member = value.get("member") if isinstance(value, dict) else None
    return member if isinstance(member, int) else None


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def reminder_schedule(plan: Plan) -> datetime | None:
    """Queue the reminder for `plan`, if it should have one. Returns when it
    is due. A time already past is not queued: a plan made after the
    reminder time needs no reminder that day."""
    if plan.planned_for is None or plan.is_done or not plan.reminder:
        return None
    prefs = ReminderSettings.objects.filter(owner_id=plan.owner_id, enabled=True).first()
    if prefs is None:
        return None
    due = prefs.due_at(plan.planned_for)
    if due is None or due <= timezone.now():
        return None
    reminder_send.using(run_after=due).enqueue(
        plan.pk, plan.planned_for.isoformat(), due.isoformat()
    )
    return due


def reminders_schedule_for(owner: User) -> int:
    """Queue reminders for every open plan from today on, after the member
    changed their settings. Tasks queued before carry the old time and stand
    down when they run. Returns how many were queued."""
    # From yesterday in the site's zone, which covers today in every zone;
    # reminder_schedule leaves out any whose time has passed.
    since = timezone.localdate() - timedelta(days=1)
    plans = Plan.objects.open().filter(owner=owner, planned_for__gte=since, reminder=True)
    return sum(1 for plan in plans if reminder_schedule(plan))


@task()
def reminder_send(plan_id: int, day: str, due: str) -> str:
    """Send the reminder for one plan on one day, if it is still wanted.
    Returns what happened, for the task record."""
    plan = Plan.objects.select_related("activity", "owner").filter(pk=plan_id).first()
    if plan is None:
        return "plan gone"
    if plan.is_done or plan.planned_for is None or plan.planned_for.isoformat() != day:
        return "plan done or moved"
    if not plan.reminder or not plan.owner.is_active:
        return "reminder off"
    prefs = ReminderSettings.objects.filter(owner=plan.owner, enabled=True).first()
    if prefs is None:
        return "reminders off"
    expected = prefs.due_at(plan.planned_for)
    if expected is None or expected.isoformat() != due:
        return "settings changed"
    now = timezone.now()
    if now >= prefs.day_ends_at(plan.planned_for):
        return "day over"
    if prefs.in_quiet_hours(now):
        return "quiet hours"
    try:
        with transaction.atomic():
            ReminderSent.objects.create(plan=plan, day=plan.planned_for)
            email_enqueue(
                reminder_message(plan, prefs), deliver_before=prefs.day_ends_at(plan.planned_for)
            )
    except IntegrityError:
        return "already sent"
    log.info("reminder_sent plan=%s", plan.pk)
    return "sent"


def reminder_message(plan: Plan, prefs: ReminderSettings):
    """The reminder email, with a one-click unsubscribe header."""
    unsubscribe = _absolute(
        reverse("activities:reminders-unsubscribe", args=[unsubscribe_token(plan.owner)])
    )
    context = {
        "title": plan.activity.title if prefs.show_title else "",
        "plans_link": _absolute(reverse("today")),
        "settings_link": _absolute(reverse("activities:reminders")),
        "unsubscribe_link": unsubscribe,
    }
    # Sent from a background task: in the member's own language.
    return notification_message(
        to=plan.owner.email,
        language=plan.owner.language,
        template="activities/email/reminder",
        context=context,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def reminders_turn_off(*, owner_id: int) -> bool:
    """One-click unsubscribe. Returns False when there was nothing to turn off."""
    updated = ReminderSettings.objects.filter(owner_id=owner_id, enabled=True).update(enabled=False)
    data_changed(owner_id)
    return bool(updated)
