"""Calendar: an .ics file per dated plan, and a private feed that needs no
session and answers 404 for any token but the current one."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from activities.models import ReminderSettings
from tests.factories import make_activity, make_plan

pytestmark = pytest.mark.django_db

FEED_CHANGE = reverse("activities:feed-change")


def events(body: bytes) -> list:
    return list(Calendar.from_ical(body).walk("VEVENT"))


def feed_path(member) -> str:
    token = ReminderSettings.objects.get(owner=member).feed_token
    return reverse("activities:calendar-feed", args=[token])


def test_a_dated_plan_downloads_as_an_ics_file(member, member_client):
    day = timezone.localdate() + timedelta(days=2)
    plan = make_plan(owner=member, activity=make_activity(title="Walk with Sam"), planned_for=day)
    response = member_client.get(reverse("activities:plan-calendar", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    (event,) = events(response.content)
    assert event.decoded("dtstart") == day
    assert event.decoded("dtend") == day + timedelta(days=1)
    assert str(event["summary"]) == "Connect: Walk with Sam"


def test_a_plan_without_a_day_or_someone_elses_has_no_ics(member, other_member_client):
    undated = make_plan(owner=member)
    dated = make_plan(owner=member, planned_for=timezone.localdate())
    assert (
        other_member_client.get(reverse("activities:plan-calendar", args=[dated.pk])).status_code
        == 404
    )
    owner = Client()
    owner.force_login(member)
    assert owner.get(reverse("activities:plan-calendar", args=[undated.pk])).status_code == 404


def test_my_activities_offers_add_to_calendar_for_dated_plans(member, member_client):
    plan = make_plan(owner=member, planned_for=timezone.localdate() + timedelta(days=1))
    page = member_client.get(reverse("activities:my")).content.decode()
    assert reverse("activities:plan-calendar", args=[plan.pk]) in page
    assert "Add to calendar" in page


def test_the_feed_is_off_until_turned_on_and_then_needs_no_session(member, member_client):
    assert not ReminderSettings.objects.filter(feed_token__isnull=False).exists()
    member_client.post(FEED_CHANGE, {"action": "new"})
    token = ReminderSettings.objects.get(owner=member).feed_token
    assert len(token) >= 40
    make_plan(
        owner=member,
        activity=make_activity(title="Walk with Sam"),
        planned_for=timezone.localdate(),
    )
    make_plan(owner=member)  # no day: not in the feed

    response = Client().get(feed_path(member))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert not response.cookies
    (event,) = events(response.content)
    assert str(event["summary"]) == "Connect: something you planned"
    assert b"Walk with Sam" not in response.content

    settings_page = member_client.get(reverse("activities:reminders")).content.decode()
    assert f"webcal://testserver{feed_path(member)}" in settings_page


def test_the_feed_names_activities_only_when_the_member_chose_it(member, member_client):
    member_client.post(FEED_CHANGE, {"action": "new"})
    member_client.post(FEED_CHANGE, {"action": "titles", "feed_shows_titles": "on"})
    make_plan(
        owner=member,
        activity=make_activity(title="Walk with Sam"),
        planned_for=timezone.localdate(),
    )
    (event,) = events(Client().get(feed_path(member)).content)
    assert str(event["summary"]) == "Connect: Walk with Sam"


def test_the_feed_leaves_out_done_plans_and_other_members(member, other_member, member_client):
    member_client.post(FEED_CHANGE, {"action": "new"})
    done = make_plan(owner=member, planned_for=timezone.localdate())
    done.done_at = timezone.now()
    done.save()
    make_plan(owner=other_member, planned_for=timezone.localdate())
    assert events(Client().get(feed_path(member)).content) == []


def test_a_replaced_token_is_refused(member, member_client):
    member_client.post(FEED_CHANGE, {"action": "new"})
    old = feed_path(member)
    member_client.post(FEED_CHANGE, {"action": "new"})
    assert Client().get(old).status_code == 404
    assert Client().get(feed_path(member)).status_code == 200


def test_a_turned_off_feed_is_refused(member, member_client):
    member_client.post(FEED_CHANGE, {"action": "new"})
    old = feed_path(member)
    member_client.post(FEED_CHANGE, {"action": "off"})
    assert Client().get(old).status_code == 404


@pytest.mark.parametrize("token", ["wrong", "x" * 43, "%00"])
def test_a_wrong_token_is_refused(member, member_client, token):
    member_client.post(FEED_CHANGE, {"action": "new"})
    assert Client().get(f"/activities/calendar/{token}.ics").status_code == 404


def test_an_unknown_feed_action_changes_nothing(member, member_client):
    response = member_client.post(FEED_CHANGE, {"action": "explode"})
    assert response.status_code == 302
    assert not ReminderSettings.objects.exists()


def test_the_feed_speaks_the_members_saved_language(member, member_client):
    member.language = "es"
    member.save()
    member_client.post(FEED_CHANGE, {"action": "new"})
    make_plan(owner=member, planned_for=timezone.localdate())
    # A calendar app sends no cookie, and here no Accept-Language either.
    body = Client().get(feed_path(member)).content
    (event,) = events(body)
    assert str(event["summary"]) == "Connect: algo que planeaste"
    assert str(Calendar.from_ical(body)["x-wr-calname"]) == "Planes de Connect"


def test_the_feed_follows_the_calendar_app_when_the_member_chose_no_language(member, member_client):
    member_client.post(FEED_CHANGE, {"action": "new"})
    make_plan(owner=member, planned_for=timezone.localdate())
    (event,) = events(Client(headers={"accept-language": "es"}).get(feed_path(member)).content)
    assert str(event["summary"]) == "Connect: algo que planeaste"
    (event,) = events(Client().get(feed_path(member)).content)
    assert str(event["summary"]) == "Connect: something you planned"
