"""The Today page, and where each role lands after signing in."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    PASSWORD,
    make_activity,
    make_admin,
    make_clinician,
    make_comment,
    make_log,
    make_member,
    make_plan,
    make_recommendation,
    make_statement,
)

pytestmark = pytest.mark.django_db

TODAY = reverse("today")


def sign_in_with_password(user, *, next_url: str = "") -> str:
    """Sign in through the real form; returns where the person lands."""
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    response = Client().post(url, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response["Location"]


def test_a_member_lands_on_today_after_signing_in():
    assert sign_in_with_password(make_member()) == TODAY


def test_a_member_who_asked_for_a_page_lands_there():
    assert sign_in_with_password(make_member(), next_url="/worksheets/") == "/worksheets/"


def test_clinicians_and_admins_land_on_their_own_pages(settings):
    # Both must pass MFA first, so ask the adapter directly about a signed-in user.
    from accounts.adapter import AccountAdapter

    class Request:
        pass

    for user, expected in (
        (make_clinician(), reverse("clinician:dashboard")),
        (make_admin(), reverse("admin:index")),
    ):
        request = Request()
        request.user = user
        assert AccountAdapter().get_login_redirect_url(request) == expected


def test_the_anonymous_home_page_is_unchanged(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert b"Create a free account" in response.content


def test_today_shows_todays_plans_the_next_one_and_the_latest_mood_note(member, member_client):
    today = timezone.localdate()
    make_plan(owner=member, activity=make_activity(title="Call my sister"), planned_for=today)
    make_plan(
        owner=member,
        activity=make_activity(title="Board games night"),
        planned_for=today + timedelta(days=3),
    )
    make_plan(
        owner=member,
        activity=make_activity(title="Much later"),
        planned_for=today + timedelta(days=9),
    )
    make_log(owner=member, note="Felt lighter after the walk", mood_before=3, mood_after=6)
    page = member_client.get(TODAY).content.decode()
    assert "Call my sister" in page
    assert "Board games night" in page
    assert "Much later" not in page
    assert "Felt lighter after the walk" in page
    assert "mood 3 before, 6 after" in page


def test_the_energy_check_in_leads_to_the_filtered_catalogue(member_client):
    page = member_client.get(TODAY).content.decode()
    assert reverse("activities:list") + "?setting=home&amp;effort=low" in page
    assert reverse("activities:list") + "?effort=high" in page


def test_today_shows_new_clinician_comments_and_recommendations(member, member_client, clinician):
    statement = make_statement(member, title="Letter for Quill")
    make_comment(statement, clinician, text="A thought about Sundays")
    make_recommendation(
        owner=member, clinician=clinician, activity=make_activity(title="Join a choir")
    )
    page = member_client.get(TODAY).content.decode()
    assert "Dr. Lee, Psychologist wrote a comment" in page
    assert reverse("worksheets:statement-detail", args=[statement.pk]) + "#comments" in page
    assert "Join a choir" in page
    assert "A thought about Sundays" not in page, "the comment itself stays on its page"


def test_a_new_member_sees_a_calm_empty_state(member_client):
    page = member_client.get(TODAY).content.decode()
    assert "Welcome. There's no rush here" in page
    assert "Nothing planned for today" in page


def test_today_never_shows_another_members_things(member_client, other_member):
    make_plan(
        owner=other_member,
        activity=make_activity(title="Their plan"),
        planned_for=timezone.localdate(),
    )
    make_log(owner=other_member, note="Their private note")
    page = member_client.get(TODAY).content.decode()
    assert "Their plan" not in page
    assert "Their private note" not in page


def test_today_is_not_cached(member_client):
    assert "no-store" in member_client.get(TODAY)["Cache-Control"]


@pytest.mark.parametrize("count", [2, 40])
def test_today_runs_a_constant_number_of_queries(
    member, member_client, clinician, django_assert_max_num_queries, count
):
    statement = make_statement(member)
    for i in range(count):
        make_plan(owner=member, planned_for=timezone.localdate() + timedelta(days=i % 3))
        make_log(owner=member)
        make_comment(statement, clinician)
        make_recommendation(owner=member, clinician=clinician)
    member_client.get(TODAY)
    with django_assert_max_num_queries(16):
        assert member_client.get(TODAY).status_code == 200
