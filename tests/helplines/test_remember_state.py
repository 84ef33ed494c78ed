import pytest
from django.urls import reverse

from accounts.models import User

FINDER = reverse("helplines:finder")
REMEMBER = reverse("helplines:remember-state")
PROFILE = reverse("accounts:profile")


def test_member_remembers_a_state_from_the_finder(member_client, member, directory):
    html = member_client.get(FINDER, {"state": "OR"}).content.decode()
    assert f'action="{REMEMBER}"' in html
    assert "Remember Oregon as my state" in html

    response = member_client.post(REMEMBER, {"state": "or"})
    assert response.status_code == 302
    assert response["Location"] == f"{FINDER}?state=OR#results"
    member.refresh_from_db()
    assert member.home_state == "OR"


def test_the_finder_opens_on_the_saved_state(member_client, member, directory):
    member.home_state = "OR"
    member.save()
    html = member_client.get(FINDER).content.decode()
    assert "Warmlines in Oregon" in html
    assert '<option value="OR" selected>' in html
    assert "Oregon is the state saved on" in html
    assert "Remember Oregon" not in html
    # Another state in the address wins over the saved one, and can be remembered.
    html = member_client.get(FINDER, {"state": "WA"}).content.decode()
    assert "Warmlines in Washington" in html
    assert "Remember Washington as my state" in html


def test_remembering_twice_changes_nothing_more(member_client, member):
    member_client.post(REMEMBER, {"state": "NY"})
    member_client.post(REMEMBER, {"state": "NY"})
    member.refresh_from_db()
    assert member.home_state == "NY"


@pytest.mark.parametrize("bad", ["", "ZZ", "US", "<b>"])
def test_an_unknown_state_is_not_saved(member_client, member, bad):
    member.home_state = "OR"
    member.save()
    response = member_client.post(REMEMBER, {"state": bad}, follow=True)
    assert response.status_code == 200
    assert "We couldn&#x27;t save that state" in response.content.decode()
    member.refresh_from_db()
    assert member.home_state == "OR"


def test_remembering_needs_a_post(member_client, member):
    response = member_client.get(REMEMBER, {"state": "OR"})
    assert response.status_code == 405
    member.refresh_from_db()
    assert member.home_state == ""


@pytest.mark.django_db
def test_anonymous_visitors_pick_a_state_but_cannot_save_one(client, directory):
    html = client.get(FINDER, {"state": "OR"}).content.decode()
    assert 'method="get"' in html
    assert "Remember" not in html
    response = client.post(REMEMBER, {"state": "OR"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_the_finder_ignores_saved_states_of_other_people(client, member, directory):
    member.home_state = "OR"
    member.save()
    html = client.get(FINDER).content.decode()
    assert "Warmlines in Oregon" not in html


def test_member_sets_and_clears_the_state_on_the_profile(member_client, member):
    html = member_client.get(PROFILE).content.decode()
    assert 'name="home_state"' in html
    response = member_client.post(PROFILE, {"display_name": "Robin", "home_state": "VT"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.home_state == "VT"
    member_client.post(PROFILE, {"display_name": "Robin", "home_state": ""})
    member.refresh_from_db()
    assert member.home_state == ""


def test_profile_refuses_an_unknown_state(member_client, member):
    response = member_client.post(PROFILE, {"display_name": "Robin", "home_state": "ZZ"})
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.home_state == ""


def test_home_state_choices_are_the_states(db):
    choices = dict(User._meta.get_field("home_state").choices)
    assert len(choices) == 51
    assert choices["DC"] == "District of Columbia"
