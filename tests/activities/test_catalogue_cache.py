"""The catalogue's cached fragments, the paginated JSON API, and pages that
stay small however much data there is."""

import re

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation

from activities.cache import VERSION_KEY, catalogue_version_bump, part_key
from activities.models import Activity, Plan
from activities.views import API_PAGE_SIZE
from connectapp.lib.fragments import version_get
from tests.factories import make_activity

LIST_URL = reverse("activities:list")
API_URL = reverse("activities_api:list")

pytestmark = pytest.mark.usefixtures("db", "memory_cache")


def test_a_cached_catalogue_runs_no_query_for_a_visitor(client, django_assert_num_queries):
    make_activity(title="Walk with a neighbour")
    client.get(LIST_URL, {"effort": "low"})
    with django_assert_num_queries(0):
        response = client.get(LIST_URL, {"effort": "low"})
    assert response.status_code == 200


def test_an_admin_edit_shows_at_once(client, django_capture_on_commit_callbacks):
    activity = make_activity(title="Walk with a neighbour")
    assert "Walk with a neighbour" in client.get(LIST_URL).content.decode()
    assert "Walk with a neighbour" in client.get(API_URL).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        activity.title = "Call a neighbour"
        activity.save()
    assert "Call a neighbour" in client.get(LIST_URL).content.decode()
    assert "Call a neighbour" in client.get(API_URL).content.decode()


@pytest.mark.parametrize(
    "change",
    [
        lambda a: a.kinds.create(slug="new", name="New"),
        lambda a: a.links.create(label="Site", url="https://example.org/"),
        lambda a: a.messages.create(text="Hello"),
        lambda a: a.delete(),
    ],
)
def test_any_change_to_the_catalogue_bumps_its_version(django_capture_on_commit_callbacks, change):
    activity = make_activity()
    before = version_get(VERSION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        change(activity)
    assert version_get(VERSION_KEY) != before


def test_the_key_varies_with_language_and_query(rf):
    query = rf.get("/", {"b": "2", "a": "1"}).GET
    same_query = rf.get("/", {"a": "1", "b": "2"}).GET
    assert part_key("list", query) == part_key("list", same_query)
    assert part_key("list", query) != part_key("list", rf.get("/", {"a": "2"}).GET)
    with translation.override("es"):
        spanish = part_key("list", query)
    assert spanish != part_key("list", query)


def test_a_cached_catalogue_costs_one_cache_round_trip(client, monkeypatch):
    make_activity(title="Walk with a neighbour")
    client.get(LIST_URL)
    backend = caches["default"]
    calls = []
    get_many = backend.get_many

    def counted_get_many(keys, *args, **kwargs):
        calls.append("get_many")
        with monkeypatch.context() as inner:  # its own gets are part of the one call
            inner.setattr(backend, "get", type(backend).get.__get__(backend))
            return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(backend, "get_many", counted_get_many)
    for name in ("get", "set", "add"):
        monkeypatch.setattr(backend, name, lambda *a, _name=name, **k: calls.append(_name))
    assert "Walk with a neighbour" in client.get(LIST_URL).content.decode()
    assert calls == ["get_many"]


def test_a_fragment_from_before_a_bump_is_not_used(client):
    make_activity(title="Walk with a neighbour")
    client.get(LIST_URL)
    Activity.objects.update(title="Call a neighbour")  # no signal: only a bump shows it
    assert "Walk with a neighbour" in client.get(LIST_URL).content.decode()
    catalogue_version_bump()
    assert "Call a neighbour" in client.get(LIST_URL).content.decode()


def test_what_depends_on_the_user_stays_outside_the_fragment(client, member_client):
    make_activity()
    suggest = reverse("activities:suggest")
    assert suggest not in client.get(LIST_URL).content.decode()
    assert suggest in member_client.get(LIST_URL).content.decode()
    assert suggest not in client.get(LIST_URL).content.decode()


def test_the_body_is_rendered_and_cleaned_at_save():
    activity = make_activity(body="**Bold** <script>alert(1)</script>")
    stored = Activity.objects.values_list("body_html", flat=True).get(pk=activity.pk)
    assert "<strong>Bold</strong>" in stored
    assert "<script>" not in stored
    activity.body = "*new*"
    activity.save(update_fields=["body"])
    activity.refresh_from_db()
    assert activity.body_html == "<p><em>new</em></p>"


def test_the_api_paginates_with_next_and_previous_links(client):
    for i in range(API_PAGE_SIZE + 5):
        make_activity(slug=f"a-{i:03}", setting="home")
    first = client.get(API_URL, {"setting": "home"}).json()
    assert first["count"] == API_PAGE_SIZE + 5
    assert len(first["results"]) == API_PAGE_SIZE
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/activities/?")
    assert "setting=home" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 5
    assert second["next"] is None
    assert second["previous"]
    slugs = {i["slug"] for i in first["results"]} | {i["slug"] for i in second["results"]}
    assert len(slugs) == API_PAGE_SIZE + 5


@pytest.mark.parametrize("page", ["0", "99", "abc"])
def test_a_page_out_of_range_is_a_400(client, page):
    make_activity()
    response = client.get(API_URL, {"page": page})
    assert response.status_code == 400
    assert response.json()["error"]


def test_a_cached_activity_page_runs_no_query_for_a_visitor(client, django_assert_num_queries):
    activity = make_activity(body="Some **words**")
    activity.messages.create(text="Fancy a walk?")
    client.get(activity.get_absolute_url())
    with django_assert_num_queries(0):
        response = client.get(activity.get_absolute_url())
    html = response.content.decode()
    assert "<strong>words</strong>" in html
    assert "Fancy a walk?" in html


def test_a_cached_activity_page_gets_this_requests_csrf_token(client):
    activity = make_activity()
    activity.messages.create(text="Fancy a walk?")
    pages = [client.get(activity.get_absolute_url()).content.decode() for _ in range(2)]
    tokens = [re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page) for page in pages]
    # The message form and the language form carry this request's one token.
    assert len(tokens[0]) == len(tokens[1]) == 2
    assert len(set(tokens[0])) == len(set(tokens[1])) == 1
    assert tokens[0][0] != tokens[1][0] and len(tokens[0][0]) == 64
    assert "\x00" not in pages[1]


def test_a_member_gets_their_own_plan_on_a_cached_activity_page(
    client, member, member_client, other_member_client
):
    activity = make_activity()
    client.get(activity.get_absolute_url())
    Plan.objects.create(owner=member, activity=activity)
    assert (
        "Saved in My activities." in member_client.get(activity.get_absolute_url()).content.decode()
    )
    html = other_member_client.get(activity.get_absolute_url()).content.decode()
    assert "Saved in My activities." not in html
    assert "Save to My activities" in html


def test_an_unpublished_activity_page_is_a_404_once_its_change_commits(
    client, django_capture_on_commit_callbacks
):
    activity = make_activity()
    assert client.get(activity.get_absolute_url()).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        activity.status = Activity.Status.DRAFT
        activity.save()
    assert client.get(activity.get_absolute_url()).status_code == 404


def test_each_language_keeps_its_own_activity_page(client):
    activity = make_activity()
    assert "Make it yours" in client.get(activity.get_absolute_url()).content.decode()
    spanish = client.get(activity.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Make it yours" not in spanish
    assert "Make it yours" in client.get(activity.get_absolute_url()).content.decode()


def test_an_edit_to_an_activity_page_shows_at_once(client, django_capture_on_commit_callbacks):
    activity = make_activity(body="Old words")
    assert "Old words" in client.get(activity.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        activity.body = "New words"
        activity.save()
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "New words" in html
    assert "Old words" not in html


def test_progress_lists_the_20_most_logged_activities(member, member_client):
    from activities.views import PER_ACTIVITY_ROWS
    from tests.factories import make_log

    activities = [make_activity(title=f"Idea {i:02}") for i in range(PER_ACTIVITY_ROWS + 3)]
    for activity in activities:
        make_log(owner=member, activity=activity)
    make_log(owner=member, activity=activities[-1])
    html = member_client.get(reverse("activities:progress")).content.decode()
    assert html.count("show on the chart") == PER_ACTIVITY_ROWS
    assert "Idea 22" in html  # logged twice, so first
    assert f"These are the {PER_ACTIVITY_ROWS} activities you logged most often." in html
