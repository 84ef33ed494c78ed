"""A clinician recommends catalogue activities to a member who shares with
them; the recommendation shows in the member's My activities."""

import pytest
from django.urls import reverse

from activities.models import Activity, Recommendation

from ..factories import make_activity, make_clinician, make_share, make_statement

pytestmark = pytest.mark.django_db

MY_URL = reverse("activities:my")


@pytest.fixture
def share(member, clinician):
    return make_share(member, clinician, statements=[make_statement(member)])


def recommend(client, share, activity):
    return client.post(reverse("clinician:recommend", args=[share.pk]), {"activity": activity.pk})


def test_a_recommendation_shows_in_the_members_my_activities(
    member_client, clinician_client, clinician, share
):
    activity = make_activity(title="Watch a film with a friend")

    response = recommend(clinician_client, share, activity)

    assert response["Location"] == reverse("clinician:dashboard")
    page = member_client.get(MY_URL).content.decode()
    assert "Suggested by your clinician" in page
    assert "Watch a film with a friend" in page
    assert f"From {clinician.display_name}, Psychologist" in page


def test_recommending_twice_keeps_one(clinician_client, share):
    activity = make_activity()
    recommend(clinician_client, share, activity)
    recommend(clinician_client, share, activity)
    assert Recommendation.objects.count() == 1


def test_only_published_activities_can_be_recommended(clinician_client, share):
    draft = make_activity(status=Activity.Status.DRAFT)
    response = recommend(clinician_client, share, draft)
    assert response.status_code == 400
    assert not Recommendation.objects.exists()


def test_the_member_puts_a_recommendation_aside(member_client, clinician_client, share):
    activity = make_activity(title="Join an online choir")
    recommend(clinician_client, share, activity)
    recommendation = Recommendation.objects.get()

    response = member_client.post(
        reverse("activities:recommendation-dismiss", args=[recommendation.pk])
    )

    assert response["Location"] == MY_URL
    page = member_client.get(MY_URL).content.decode()
    assert "is put aside" in page
    assert "Suggested by your clinician" not in page
    recommendation.refresh_from_db()
    assert recommendation.dismissed_at is not None


def test_a_recommendation_stays_with_the_member_after_sharing_ends(
    member_client, clinician_client, share
):
    recommend(clinician_client, share, make_activity(title="Call a warmline"))
    share.ended_at = share.created_at
    share.save()

    assert "Call a warmline" in member_client.get(MY_URL).content.decode()
    assert recommend(clinician_client, share, make_activity()).status_code == 404


def test_a_clinician_cannot_recommend_to_someone_who_does_not_share_with_them(
    member, clinician_client, clinician
):
    other = make_clinician()
    theirs = make_share(member, other)
    assert recommend(clinician_client, theirs, make_activity()).status_code == 404
    assert not Recommendation.objects.exists()


def test_recommendations_go_with_the_members_account(member, clinician_client, share):
    recommend(clinician_client, share, make_activity())
    member.delete()
    assert not Recommendation.objects.exists()


def test_a_recommendation_carries_a_short_note_shown_to_the_member_and_never_emailed(
    member, member_client, clinician_client, share, mailoutbox
):
    from activities.services import member_data_export

    from ..tasks import run_ready_tasks

    activity = make_activity(title="Walk to the park")
    note = "We talked about getting outside on Sundays."
    response = clinician_client.post(
        reverse("clinician:recommend", args=[share.pk]), {"activity": activity.pk, "note": note}
    )
    assert response.status_code == 302
    assert Recommendation.objects.get().note == note

    page = member_client.get(MY_URL).content.decode()
    assert note in page
    run_ready_tasks()
    assert not any(note in message.body for message in mailoutbox)
    exported = member_data_export(owner=member)["recommendations"]
    assert exported[0]["note"] == note


def test_a_note_longer_than_280_characters_is_refused(clinician_client, share):
    response = clinician_client.post(
        reverse("clinician:recommend", args=[share.pk]),
        {"activity": make_activity().pk, "note": "x" * 281},
    )
    assert response.status_code == 400
    assert not Recommendation.objects.exists()
