import uuid
from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from activities.models import ActivityLog, ActivityStart, Plan
from tests.factories import make_activity, make_log, make_plan, make_recommendation

pytestmark = pytest.mark.django_db

MY_URL = reverse("activities:my")
PROGRESS_URL = reverse("activities:progress")


def save_url(activity) -> str:
    return reverse("activities:plan-save", args=[activity.slug])


def log_url(activity) -> str:
    return reverse("activities:log", args=[activity.slug])


def log_data(**overrides) -> dict:
    data = {
        "submission": str(uuid.uuid4()),
        "done_on": timezone.localdate().isoformat(),
        "mood_before": "3",
        "mood_after": "6",
        "note": "Felt lighter after.",
    }
    data.update(overrides)
    return data


def test_member_saves_an_activity_without_a_date(member, member_client):
    activity = make_activity()
    response = member_client.post(save_url(activity), {"planned_for": ""})
    assert response.status_code == 302
    assert response["Location"] == activity.get_absolute_url()
    plan = Plan.objects.get(owner=member)
    assert plan.activity == activity and plan.planned_for is None


def test_member_plans_an_activity_for_a_day(member, member_client):
    activity = make_activity()
    day = timezone.localdate() + timedelta(days=2)
    member_client.post(save_url(activity), {"planned_for": day.isoformat()})
    assert Plan.objects.get(owner=member).planned_for == day


def test_saving_twice_keeps_one_plan_and_updates_its_day(member, member_client):
    activity = make_activity()
    day = timezone.localdate() + timedelta(days=1)
    member_client.post(save_url(activity), {"planned_for": ""})
    member_client.post(save_url(activity), {"planned_for": day.isoformat()})
    member_client.post(save_url(activity), {"planned_for": day.isoformat()})
    assert Plan.objects.get(owner=member).planned_for == day


def test_a_day_in_the_past_is_refused_with_a_message(member, member_client):
    activity = make_activity()
    response = member_client.post(save_url(activity), {"planned_for": "2000-01-01"})
    assert response.status_code == 400
    assert "Please pick today or a later day." in response.content.decode()
    assert not Plan.objects.exists()


def test_a_nonsense_day_is_refused_with_a_message(member, member_client):
    activity = make_activity()
    response = member_client.post(save_url(activity), {"planned_for": "soon"})
    assert response.status_code == 400
    assert not Plan.objects.exists()


def test_saving_needs_a_post(member_client):
    activity = make_activity()
    assert member_client.get(save_url(activity)).status_code == 405
    assert not Plan.objects.exists()


def test_drafts_cannot_be_saved(member_client):
    activity = make_activity(status="draft")
    assert member_client.post(save_url(activity), {"planned_for": ""}).status_code == 404
    assert not Plan.objects.exists()


def test_logging_records_moods_and_marks_the_plan_done(member, member_client):
    plan = make_plan(owner=member)
    response = member_client.post(
        log_url(plan.activity), log_data(plan=str(plan.pk), mood_before="2", mood_after="7")
    )
    assert response.status_code == 302
    assert response["Location"] == PROGRESS_URL
    log = ActivityLog.objects.get(owner=member)
    assert (log.mood_before, log.mood_after, log.plan) == (2, 7, plan)
    plan.refresh_from_db()
    assert plan.is_done


def test_logging_without_naming_the_plan_still_marks_the_open_plan_done(member, member_client):
    plan = make_plan(owner=member)
    member_client.post(log_url(plan.activity), log_data())
    plan.refresh_from_db()
    assert plan.is_done


def test_logging_an_activity_never_saved_works_too(member, member_client):
    activity = make_activity()
    member_client.post(log_url(activity), log_data())
    assert ActivityLog.objects.get(owner=member).plan is None


def test_a_double_submit_records_one_log(member, member_client):
    activity = make_activity()
    data = log_data()
    member_client.post(log_url(activity), data)
    response = member_client.post(log_url(activity), data)
    assert response.status_code == 302
    assert ActivityLog.objects.filter(owner=member).count() == 1


@pytest.mark.parametrize(
    "bad",
    [
        {"mood_before": "11"},
        {"mood_after": "-1"},
        {"mood_before": "five"},
        {"mood_after": ""},
        {"done_on": "2999-01-01"},
        {"done_on": "yesterday"},
        {"submission": "not-a-uuid"},
        {"note": "x" * 2001},
    ],
)
def test_bad_log_input_gets_a_message_and_saves_nothing(member_client, bad):
    activity = make_activity()
    response = member_client.post(log_url(activity), log_data(**bad))
    assert response.status_code == 400
    assert not ActivityLog.objects.exists()


def test_the_log_form_offers_every_mood_from_0_to_10_as_radio_buttons(member_client):
    html = member_client.get(log_url(make_activity())).content.decode()
    for n in range(11):
        assert f'type="radio" name="mood_before" value="{n}"' in html
        assert f'type="radio" name="mood_after" value="{n}"' in html
    assert "0 is the lowest you feel, 10 is the best you feel." in html


def test_a_future_plan_is_not_marked_overdue_and_a_past_one_is(member):
    plan = make_plan(owner=member, planned_for=date(2026, 3, 10))
    with time_machine.travel(date(2026, 3, 10)):
        assert not plan.is_overdue
    with time_machine.travel(date(2026, 3, 12)):
        assert plan.is_overdue


def test_my_activities_lists_planned_saved_and_done(member, member_client):
    planned = make_plan(
        owner=member,
        activity=make_activity(title="Planned one"),
        planned_for=timezone.localdate() + timedelta(days=1),
    )
    make_plan(owner=member, activity=make_activity(title="Saved one"))
    make_log(owner=member, activity=make_activity(title="Done one"), mood_before=2, mood_after=6)
    response = member_client.get(MY_URL)
    html = response.content.decode()
    assert list(response.context["planned"]) == [planned]
    assert [p.activity.title for p in response.context["saved"]] == ["Saved one"]
    assert "Done one" in html and "mood 2 before, 6 after" in html
    assert f"?plan={planned.pk}" in html


def test_removing_a_plan_takes_it_off_my_activities(member, member_client):
    plan = make_plan(owner=member)
    response = member_client.post(reverse("activities:plan-remove", args=[plan.pk]))
    assert response["Location"] == MY_URL
    assert not Plan.objects.exists()


def test_removing_a_done_plan_keeps_it_and_its_logs(member, member_client):
    plan = make_plan(owner=member)
    member_client.post(log_url(plan.activity), log_data(plan=str(plan.pk)))
    member_client.post(reverse("activities:plan-remove", args=[plan.pk]))
    assert Plan.objects.filter(pk=plan.pk).exists()
    assert ActivityLog.objects.count() == 1


def test_progress_shows_a_chart_a_summary_and_a_table(member, member_client):
    activity = make_activity(title="Coffee shop")
    make_log(owner=member, activity=activity, mood_before=2, mood_after=5, done_on=date(2026, 3, 1))
    make_log(owner=member, activity=activity, mood_before=4, mood_after=5, done_on=date(2026, 3, 2))
    response = member_client.get(PROGRESS_URL)
    html = response.content.decode()
    assert '<svg class="mood-chart"' in html
    assert 'role="img"' in html
    assert html.count('class="mood-chart-before"') == 2
    assert "You have noted 2 times." in html
    assert "3.0 out of 10 before and" in html
    assert "5.0 after" in html
    assert "2.0 points higher." in html
    assert "<caption>Each time you noted an activity, oldest first</caption>" in html
    assert html.index(">1 Mar<") < html.index(">2 Mar<")
    assert 'class="mood-chart-after is-up"' in html
    assert 'class="mood-chart-label mood-chart-day"' in html


def test_progress_words_a_drop_in_mood_gently(member, member_client):
    make_log(owner=member, mood_before=6, mood_after=5)
    html = member_client.get(PROGRESS_URL).content.decode()
    assert "1.0 point lower." in html
    assert "streak" not in html.lower()


def test_progress_can_show_one_activity(member, member_client):
    park = make_activity(title="Park", slug="park")
    make_log(owner=member, activity=park)
    make_log(owner=member, activity=make_activity(title="Forum"))
    response = member_client.get(PROGRESS_URL, {"activity": "park"})
    assert [log.activity.title for log in response.context["recent"]] == ["Park"]
    response = member_client.get(PROGRESS_URL, {"activity": "<b>nope</b>"})
    assert len(response.context["recent"]) == 2
    assert "You haven't logged that activity" in response.content.decode()


def test_progress_has_a_kind_empty_state(member_client):
    html = member_client.get(PROGRESS_URL).content.decode()
    assert "Nothing noted yet." in html
    assert "<svg" not in html


# Privacy


def test_logs_and_plans_are_private_to_their_owner(member, other_member_client):
    make_plan(owner=member, activity=make_activity(title="Robin's plan"))
    make_log(owner=member, activity=make_activity(title="Robin's log"), note="private words")
    for url in (MY_URL, PROGRESS_URL):
        html = other_member_client.get(url).content.decode()
        assert "Robin's plan" not in html
        assert "Robin's log" not in html
        assert "private words" not in html


def test_another_member_cannot_remove_a_plan(member, other_member_client):
    plan = make_plan(owner=member)
    response = other_member_client.post(reverse("activities:plan-remove", args=[plan.pk]))
    assert response.status_code == 404
    assert Plan.objects.filter(pk=plan.pk).exists()


def test_another_member_cannot_log_against_a_plan(member, other_member, other_member_client):
    plan = make_plan(owner=member)
    response = other_member_client.post(log_url(plan.activity), log_data(plan=str(plan.pk)))
    assert response.status_code == 404
    assert not ActivityLog.objects.exists()
    plan.refresh_from_db()
    assert not plan.is_done


def test_a_plan_for_another_activity_is_refused(member, member_client):
    plan = make_plan(owner=member)
    other = make_activity()
    assert member_client.post(log_url(other), log_data(plan=str(plan.pk))).status_code == 404
    assert member_client.get(log_url(other), {"plan": "x1"}).status_code == 404
    assert not ActivityLog.objects.exists()


@pytest.mark.parametrize("name", ["my", "progress", "suggest"])
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(f"activities:{name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_anonymous_visitors_cannot_save_log_or_remove(client, member):
    plan = make_plan(owner=member)
    activity = plan.activity
    for url in (
        save_url(activity),
        log_url(activity),
        reverse("activities:plan-remove", args=[plan.pk]),
    ):
        response = client.post(url, log_data())
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert Plan.objects.count() == 1
    assert not ActivityLog.objects.exists()


def test_private_pages_are_never_cached(member, member_client):
    activity = make_activity()
    for url in (MY_URL, PROGRESS_URL, log_url(activity), activity.get_absolute_url()):
        assert "no-store" in member_client.get(url)["Cache-Control"], url


def test_private_notes_do_not_show_on_my_activities(member, member_client):
    make_log(owner=member, note="a private note")
    assert "a private note" not in member_client.get(MY_URL).content.decode()


@pytest.mark.parametrize("count", [10, 200])
def test_my_activities_runs_a_constant_number_of_queries(
    member, member_client, clinician, django_assert_max_num_queries, count
):
    for i in range(count):
        activity = make_activity()
        make_plan(
            owner=member,
            activity=activity,
            planned_for=timezone.localdate() + timedelta(days=1) if i % 2 else None,
        )
        make_log(owner=member, activity=activity)
        make_recommendation(owner=member, clinician=clinician, activity=make_activity())
        ActivityStart.objects.create(owner=member, activity=activity, mood_before=4)
    member_client.get(MY_URL)  # the first request records the session
    # One query per section. 16: the page also asks once whether reminders are
    # on; 17: "Waiting for how it went" (open starts).
    with django_assert_max_num_queries(17):
        response = member_client.get(MY_URL)
    assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 200])
def test_progress_runs_a_constant_number_of_queries(
    member, member_client, django_assert_max_num_queries, count
):
    activities = [make_activity() for _ in range(5)]
    for i in range(count):
        make_log(owner=member, activity=activities[i % 5])
    member_client.get(PROGRESS_URL)
    with django_assert_max_num_queries(13):
        response = member_client.get(PROGRESS_URL)
    assert len(response.context["recent"]) == min(count, 30)
