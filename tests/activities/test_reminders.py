"""Reminders: opt-in, at the member's time in their zone, quiet hours
respected, sent once, and never for a plan that is gone or done."""

import uuid
from datetime import UTC, date, datetime, time

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from activities import reminders, services
from activities.models import Plan, ReminderSent, ReminderSettings
from tests.factories import PASSWORD, make_activity, make_log, make_plan
from tests.tasks import run_ready_tasks, waiting_tasks

pytestmark = pytest.mark.django_db

NEW_YORK = "America/New_York"
# A Wednesday in summer: New York is UTC-4.
DAY = date(2026, 6, 10)
MORNING = datetime(2026, 6, 10, 6, 0, tzinfo=UTC)  # 02:00 in New York


def prefs_for(member, **values) -> ReminderSettings:
    values = {"enabled": True, "time_of_day": time(9, 0), "time_zone": NEW_YORK, **values}
    return ReminderSettings.objects.create(owner=member, **values)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


# When a reminder is due


@pytest.mark.parametrize(
    ("zone", "day", "at", "due"),
    [
        (NEW_YORK, date(2026, 6, 10), time(9, 0), utc(2026, 6, 10, 13, 0)),
        ("America/Los_Angeles", date(2026, 6, 10), time(9, 0), utc(2026, 6, 10, 16, 0)),
        ("Europe/Madrid", date(2026, 6, 10), time(9, 0), utc(2026, 6, 10, 7, 0)),
        # Clocks go forward on 8 March 2026 in New York: 9:00 moves an hour in UTC.
        (NEW_YORK, date(2026, 3, 7), time(9, 0), utc(2026, 3, 7, 14, 0)),
        (NEW_YORK, date(2026, 3, 8), time(9, 0), utc(2026, 3, 8, 13, 0)),
        # 2:30 does not exist that night: it goes out at 3:30 instead.
        (NEW_YORK, date(2026, 3, 8), time(2, 30), utc(2026, 3, 8, 7, 30)),
        # Clocks go back on 1 November 2026.
        (NEW_YORK, date(2026, 10, 31), time(9, 0), utc(2026, 10, 31, 13, 0)),
        (NEW_YORK, date(2026, 11, 1), time(9, 0), utc(2026, 11, 1, 14, 0)),
        # 1:30 happens twice that night: it goes out the first time.
        (NEW_YORK, date(2026, 11, 1), time(1, 30), utc(2026, 11, 1, 5, 30)),
    ],
)
def test_the_reminder_is_due_at_the_members_time_in_their_zone(member, zone, day, at, due):
    assert prefs_for(member, time_zone=zone, time_of_day=at).due_at(day) == due


@pytest.mark.parametrize(
    ("quiet", "at", "due_local"),
    [
        ((time(8, 0), time(10, 0)), time(9, 0), time(10, 0)),
        ((time(22, 0), time(7, 0)), time(6, 0), time(7, 0)),
        ((time(22, 0), time(7, 0)), time(23, 0), None),
        ((time(22, 0), time(7, 0)), time(9, 0), time(9, 0)),
    ],
)
def test_quiet_hours_hold_a_reminder_until_they_end_or_drop_it(member, quiet, at, due_local):
    prefs = prefs_for(member, time_of_day=at, quiet_from=quiet[0], quiet_until=quiet[1])
    due = prefs.due_at(DAY)
    if due_local is None:
        assert due is None
    else:
        assert due.astimezone(prefs.zone).time() == due_local
        assert not prefs.in_quiet_hours(due)


# From a plan to an email


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "http://testserver"


def plan_for(client: Client, day: date):
    activity = make_activity(title="Call my sister")
    client.post(reverse("activities:plan-save", args=[activity.slug]), {"planned_for": day})
    return Plan.objects.get(activity=activity)


def test_a_planned_day_gets_one_gentle_email_at_the_chosen_time(member, member_client):
    prefs_for(member)
    with time_machine.travel(MORNING, tick=False) as clock:
        plan = plan_for(member_client, DAY)
        make_log(owner=member, note="A private note about my mood", mood_before=2)
        (task,) = waiting_tasks("reminder_send")
        assert task.run_after == utc(2026, 6, 10, 13, 0)

        run_ready_tasks()
        assert mail.outbox == [], "nothing before 9:00"

        clock.move_to(utc(2026, 6, 10, 13, 0))
        run_ready_tasks()
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert "A gentle reminder from Connect about something you planned today" in message.body
    text = message.subject + message.body
    for private in ("Call my sister", "A private note", "mood", member.display_name):
        assert private not in text
    assert reverse("activities:reminders") in message.body
    header = message.extra_headers["List-Unsubscribe"]
    prefix = "<http://testserver/activities/reminders/unsubscribe/"
    assert header.startswith(prefix)
    assert header.endswith("/>")
    assert reminders.unsubscribe_owner_id(header[len(prefix) : -2]) == member.pk
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert ReminderSent.objects.filter(plan=plan, day=DAY).count() == 1


def test_the_title_is_in_the_email_only_when_the_member_chose_it(member, member_client):
    prefs_for(member, show_title=True)
    with time_machine.travel(MORNING, tick=False) as clock:
        plan_for(member_client, DAY)
        clock.move_to(utc(2026, 6, 10, 13, 0))
        run_ready_tasks()
    (message,) = mail.outbox
    assert "Call my sister" in message.subject
    assert "Call my sister" in message.body


def test_reminders_are_off_until_the_member_turns_them_on(member, member_client):
    with time_machine.travel(MORNING, tick=False):
        plan_for(member_client, DAY)
    assert not waiting_tasks("reminder_send").exists()


def test_a_plan_made_after_the_reminder_time_gets_none_that_day(member, member_client):
    prefs_for(member)
    with time_machine.travel(utc(2026, 6, 10, 15, 0), tick=False):
        plan_for(member_client, DAY)
    assert not waiting_tasks("reminder_send").exists()


def remove(client, plan):
    client.post(reverse("activities:plan-remove", args=[plan.pk]))


def mark_done(client, plan):
    client.post(
        reverse("activities:log", args=[plan.activity.slug]) + f"?plan={plan.pk}",
        {
            "plan": plan.pk,
            "submission": uuid.uuid4(),
            "done_on": DAY,
            "mood_before": 3,
            "mood_after": 5,
        },
    )


def turn_off_for_plan(client, plan):
    client.post(reverse("activities:plan-reminder", args=[plan.pk]), {"reminder": "off"})


def turn_off_reminders(client, plan):
    ReminderSettings.objects.update(enabled=False)


def delete_account(client, plan):
    # Account deletion erases the member and, by cascade, their plans.
    plan.owner.delete()


@pytest.mark.parametrize(
    "change", [remove, mark_done, turn_off_for_plan, turn_off_reminders, delete_account]
)
def test_nothing_is_sent_for_a_plan_that_no_longer_wants_a_reminder(member, member_client, change):
    prefs_for(member)
    with time_machine.travel(MORNING, tick=False) as clock:
        plan = plan_for(member_client, DAY)
        change(member_client, plan)
        clock.move_to(utc(2026, 6, 10, 13, 0))
        run_ready_tasks()
    assert mail.outbox == []


def test_a_new_time_replaces_the_old_one(member, member_client):
    prefs = prefs_for(member)
    with time_machine.travel(MORNING, tick=False) as clock:
        plan_for(member_client, DAY)
        prefs.time_of_day = time(11, 0)
        services.reminder_settings_save(prefs=prefs)
        clock.move_to(utc(2026, 6, 10, 13, 0))
        run_ready_tasks()
        assert mail.outbox == [], "not at the old time"
        clock.move_to(utc(2026, 6, 10, 15, 0))
        run_ready_tasks()
    assert len(mail.outbox) == 1


def test_two_workers_with_the_same_reminder_send_it_once(member, member_client):
    prefs = prefs_for(member)
    with time_machine.travel(MORNING, tick=False) as clock:
        plan = plan_for(member_client, DAY)
        # The same reminder queued twice, as when a plan is saved twice.
        reminders.reminder_schedule(plan)
        assert waiting_tasks("reminder_send").count() == 2
        clock.move_to(prefs.due_at(DAY))
        run_ready_tasks()
    assert len(mail.outbox) == 1


def test_a_reminder_whose_day_is_over_is_not_sent(member, member_client):
    prefs_for(member)
    with time_machine.travel(MORNING, tick=False) as clock:
        plan_for(member_client, DAY)
        # The workers were down all day.
        clock.move_to(utc(2026, 6, 11, 5, 0))
        run_ready_tasks()
    assert mail.outbox == []


# Settings


def test_turning_reminders_on_in_settings(member, member_client):
    page = member_client.get(reverse("activities:reminders"))
    assert page.status_code == 200
    assert not ReminderSettings.objects.exists(), "a GET changes nothing"
    response = member_client.post(
        reverse("activities:reminders"),
        {"enabled": "on", "time_of_day": "18:30", "time_zone": "America/Chicago"},
    )
    assert response.status_code == 302
    prefs = ReminderSettings.objects.get(owner=member)
    assert prefs.enabled
    assert prefs.time_of_day == time(18, 30)
    assert prefs.time_zone == "America/Chicago"
    assert not prefs.show_title


@pytest.mark.parametrize(
    "data",
    [
        {"enabled": "on", "time_of_day": "09:00", "time_zone": "Mars/Olympus_Mons"},
        {"enabled": "on", "time_of_day": "25:00", "time_zone": NEW_YORK},
        {"enabled": "on", "time_of_day": "09:00", "time_zone": NEW_YORK, "quiet_from": "22:00"},
    ],
)
def test_bad_settings_get_a_clear_message_and_change_nothing(member, member_client, data):
    prefs_for(member, enabled=False)
    response = member_client.post(reverse("activities:reminders"), data)
    assert response.status_code == 400
    assert not ReminderSettings.objects.get(owner=member).enabled


# One-click unsubscribe


def test_one_click_unsubscribe_works_without_a_session(member):
    prefs_for(member)
    url = reverse("activities:reminders-unsubscribe", args=[reminders.unsubscribe_token(member)])
    client = Client(enforce_csrf_checks=True)
    page = client.get(url)
    assert page.status_code == 200
    assert ReminderSettings.objects.get().enabled, "opening the link only asks"

    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not ReminderSettings.objects.get().enabled
    assert "sessionid" not in response.cookies


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        reminders.signing.dumps({"member": 1}, salt="another-purpose"),
        reminders.signing.dumps({"member": 1}, salt=reminders.UNSUBSCRIBE_SALT, key="x" * 50),
    ],
    # Signed tokens hold the time: named, so every test process collects the same tests.
    ids=["not-a-token", "another-purpose", "another-key"],
)
def test_a_forged_unsubscribe_token_is_refused(member, token):
    prefs_for(member)
    response = Client().post(reverse("activities:reminders-unsubscribe", args=[token]))
    assert response.status_code == 404
    assert ReminderSettings.objects.get().enabled


def test_an_unsubscribe_token_names_only_its_own_member(member, other_member):
    prefs_for(member)
    prefs_for(other_member)
    url = reverse("activities:reminders-unsubscribe", args=[reminders.unsubscribe_token(member)])
    Client().post(url)
    assert not ReminderSettings.objects.get(owner=member).enabled
    assert ReminderSettings.objects.get(owner=other_member).enabled


def test_a_plan_can_be_made_with_a_plan_factory_too(member):
    # reminder_schedule is also safe to call on any plan.
    assert reminders.reminder_schedule(make_plan(owner=member)) is None


def test_a_late_reminder_that_would_land_in_quiet_hours_is_not_sent(member, member_client):
    prefs_for(member, quiet_from=time(10, 0), quiet_until=time(22, 0))
    with time_machine.travel(MORNING, tick=False) as clock:
        plan_for(member_client, DAY)
        # The workers were down from 9:00 until 11:00, inside quiet hours.
        clock.move_to(utc(2026, 6, 10, 15, 0))
        run_ready_tasks()
    assert mail.outbox == []


def test_turning_a_plans_reminder_back_on_queues_it_again(member, member_client):
    prefs_for(member)
    with time_machine.travel(MORNING, tick=False) as clock:
        plan = plan_for(member_client, DAY)
        turn_off_for_plan(member_client, plan)
        member_client.post(reverse("activities:plan-reminder", args=[plan.pk]), {"reminder": "on"})
        clock.move_to(utc(2026, 6, 10, 13, 0))
        run_ready_tasks()
    assert len(mail.outbox) == 1


def test_reminder_settings_are_in_the_data_download_without_the_feed_address(member, member_client):
    prefs_for(member, feed_token="a-secret-feed-token-that-stays-private")
    member_client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = member_client.get(reverse("accounts:data-download"))
    exported = response.json()["activities"]["reminder_settings"]
    assert exported["reminders_on"] is True
    assert exported["time_zone"] == NEW_YORK
    assert exported["calendar_feed_on"] is True
    assert b"a-secret-feed-token" not in response.content
