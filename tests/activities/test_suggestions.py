import uuid

import pytest
from django.urls import reverse

from activities.models import Activity, Suggestion
from activities.services import suggestions_delete_for_owner
from tests.factories import make_activity

pytestmark = pytest.mark.django_db

SUGGEST_URL = reverse("activities:suggest")


def suggestion_data(**overrides) -> dict:
    data = {
        "submission": str(uuid.uuid4()),
        "title": "Go to a board-game café",
        "description": "Play a short game with strangers.\nThe staff explain the rules.",
        "setting": "out",
        "effort": "high",
    }
    data.update(overrides)
    return data


def test_a_suggestion_lands_as_a_hidden_suggested_activity(member, member_client):
    response = member_client.post(SUGGEST_URL, suggestion_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("activities:my")
    suggestion = Suggestion.objects.get(owner=member)
    activity = suggestion.activity
    assert activity.status == Activity.Status.SUGGESTED
    assert (activity.title, activity.setting, activity.effort) == (
        "Go to a board-game café",
        "out",
        "high",
    )
    assert activity.summary == "Play a short game with strangers."
    assert activity.slug == "go-to-a-board-game-cafe"


def test_a_suggestion_is_invisible_to_everyone_until_approved(
    member, member_client, other_member_client, client
):
    member_client.post(SUGGEST_URL, suggestion_data())
    activity = Activity.objects.get()
    for c in (client, member_client, other_member_client):
        assert c.get(activity.get_absolute_url()).status_code == 404
        assert "board-game" not in c.get(reverse("activities:list")).content.decode()
        assert c.get(reverse("activities_api:list")).json()["results"] == []
    activity.status = Activity.Status.PUBLISHED
    activity.save()
    assert client.get(activity.get_absolute_url()).status_code == 200


def test_the_member_sees_their_suggestion_and_its_state(
    member, member_client, other_member_client, django_capture_on_commit_callbacks
):
    member_client.post(SUGGEST_URL, suggestion_data())
    html = member_client.get(reverse("activities:my")).content.decode()
    assert "Go to a board-game café" in html
    assert "Waiting for an admin to read it." in html
    assert "board-game" not in other_member_client.get(reverse("activities:my")).content.decode()
    activity = Activity.objects.get()
    activity.status = Activity.Status.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):  # as an admin's publish commits
        activity.save()
    html = member_client.get(reverse("activities:my")).content.decode()
    assert "Added to the catalog" in html


def test_sending_the_same_suggestion_twice_stores_one(member_client):
    data = suggestion_data()
    member_client.post(SUGGEST_URL, data)
    member_client.post(SUGGEST_URL, data)
    assert Suggestion.objects.count() == 1
    assert Activity.objects.count() == 1


def test_two_suggestions_with_one_title_get_different_slugs(member_client):
    member_client.post(SUGGEST_URL, suggestion_data())
    member_client.post(SUGGEST_URL, suggestion_data())
    assert Activity.objects.values("slug").distinct().count() == 2


@pytest.mark.parametrize("title", ["My", "suggest", "!!!"])
def test_a_title_that_would_make_a_reserved_or_empty_slug_still_works(member_client, title):
    member_client.post(SUGGEST_URL, suggestion_data(title=title))
    slug = Activity.objects.get().slug
    assert slug not in {"my", "suggest", ""}


@pytest.mark.parametrize(
    "bad",
    [
        {"title": ""},
        {"description": ""},
        {"setting": "moon"},
        {"effort": ""},
        {"title": "x" * 121},
    ],
)
def test_bad_suggestions_get_a_message_and_store_nothing(member_client, bad):
    response = member_client.post(SUGGEST_URL, suggestion_data(**bad))
    assert response.status_code == 400
    assert not Suggestion.objects.exists()
    assert not Activity.objects.exists()


def test_nobody_can_set_the_owner_or_status_through_the_form(member, other_member, member_client):
    member_client.post(
        SUGGEST_URL, suggestion_data(owner=str(other_member.pk), status="published", activity="1")
    )
    suggestion = Suggestion.objects.get()
    assert suggestion.owner == member
    assert suggestion.activity.status == Activity.Status.SUGGESTED


def test_deleting_a_members_suggestions_removes_pending_ones_and_keeps_published(
    member, member_client
):
    member_client.post(SUGGEST_URL, suggestion_data(title="Pending"))
    member_client.post(SUGGEST_URL, suggestion_data(title="Approved"))
    Activity.objects.filter(title="Approved").update(status=Activity.Status.PUBLISHED)
    unrelated = make_activity(status="suggested")
    suggestions_delete_for_owner(owner=member)
    assert not Suggestion.objects.exists()
    assert set(Activity.objects.values_list("title", flat=True)) == {"Approved", unrelated.title}


def test_a_rejected_suggestion_tells_the_member_gently(member, member_client):
    member_client.post(SUGGEST_URL, suggestion_data())
    Activity.objects.get().delete()
    html = member_client.get(reverse("activities:my")).content.decode()
    assert "Go to a board-game café" in html
    assert "Read by an admin, not in the catalog for now." in html
