""" "I'm about to do it": the mood before is noted first, the after later."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import ActivityLog, ActivityStart
from activities.services import member_data_export
from tests.activities.test_plans_and_logs import MY_URL, log_data, log_url
from tests.factories import make_activity, make_plan

pytestmark = pytest.mark.django_db


def start_url(activity) -> str:
    return reverse("activities:start", args=[activity.slug])


def test_the_activity_page_offers_to_note_the_mood_before(member_client):
    activity = make_activity()
    html = member_client.get(activity.get_absolute_url()).content.decode()
    assert f'href="{start_url(activity)}"' in html
    assert "Note your mood before" in html
    page = member_client.get(start_url(activity)).content.decode()
    assert page.count('name="mood_before"') == 11
    assert 'name="mood_after"' not in page


def test_noting_the_mood_before_shows_an_open_start_until_the_after_is_noted(member, member_client):
    activity = make_activity(title="Walk to the corner shop")
    response = member_client.post(start_url(activity), {"mood_before": "3"})
    assert response.status_code == 302
    start = ActivityStart.objects.get(owner=member, activity=activity)
    assert start.mood_before == 3
    yesterday = timezone.now() - timedelta(days=1)
    ActivityStart.objects.update(started_at=yesterday)

    my_page = member_client.get(MY_URL).content.decode()
    assert "Waiting for how it went" in my_page
    assert "Walk to the corner shop" in my_page and "Mood before 3" in my_page

    log_page = member_client.get(log_url(activity))
    form = log_page.context["form"]
    assert form["mood_before"].value() == 3
    assert form["done_on"].value() == timezone.localdate(yesterday)
    assert "You noted your mood before" in log_page.content.decode()

    response = member_client.post(log_url(activity), log_data(mood_before="3", mood_after="6"))
    assert response.status_code == 302
    log = ActivityLog.objects.get(owner=member)
    assert (log.mood_before, log.mood_after) == (3, 6)
    assert not ActivityStart.objects.exists()
    assert "Waiting for how it went" not in member_client.get(MY_URL).content.decode()


def test_starting_again_updates_the_one_open_start(member, member_client):
    activity = make_activity()
    member_client.post(start_url(activity), {"mood_before": "2"})
    member_client.post(start_url(activity), {"mood_before": "5"})
    assert list(ActivityStart.objects.values_list("mood_before", flat=True)) == [5]


def test_logging_afterwards_in_one_form_still_works_and_marks_the_plan_done(member, member_client):
    plan = make_plan(owner=member)
    response = member_client.post(log_url(plan.activity), log_data())
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.is_done
    assert not ActivityStart.objects.exists()


def test_a_start_can_be_dismissed_without_a_log(member, member_client):
    activity = make_activity()
    member_client.post(start_url(activity), {"mood_before": "4"})
    start = ActivityStart.objects.get()
    response = member_client.post(reverse("activities:start-dismiss", args=[start.pk]))
    assert response.status_code == 302
    assert not ActivityStart.objects.exists()
    assert not ActivityLog.objects.exists()


@pytest.mark.parametrize(
    "bad", [{}, {"mood_before": "11"}, {"mood_before": "-1"}, {"mood_before": "x"}]
)
def test_a_bad_mood_gets_a_message_and_saves_nothing(member_client, bad):
    response = member_client.post(start_url(make_activity()), bad)
    assert response.status_code == 400
    assert not ActivityStart.objects.exists()


def test_starts_are_private_to_their_owner(member, member_client, other_member_client, client):
    activity = make_activity()
    member_client.post(start_url(activity), {"mood_before": "4"})
    start = ActivityStart.objects.get()
    dismiss = reverse("activities:start-dismiss", args=[start.pk])
    assert other_member_client.post(dismiss).status_code == 404
    assert "Waiting for how it went" not in other_member_client.get(MY_URL).content.decode()
    assert client.post(dismiss)["Location"].startswith(reverse("account_login"))
    assert client.post(start_url(activity), {"mood_before": "1"}).status_code == 302
    assert (
        other_member_client.get(reverse("activities:start-dismiss", args=[start.pk])).status_code
        == 405
    )
    assert ActivityStart.objects.get().mood_before == 4


def test_drafts_cannot_be_started(member_client):
    draft = make_activity(status="draft")
    assert member_client.post(start_url(draft), {"mood_before": "4"}).status_code == 404
    assert not ActivityStart.objects.exists()


def test_open_starts_are_in_the_members_data_export(member, member_client):
    activity = make_activity(slug="corner-shop")
    member_client.post(start_url(activity), {"mood_before": "4"})
    (row,) = member_data_export(owner=member)["started_activities"]
    assert (row["activity_slug"], row["mood_before"]) == ("corner-shop", 4)
