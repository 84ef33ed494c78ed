import itertools

import pytest
from django.urls import reverse

from activities.views import API_PAGE_SIZE
from tests.factories import make_activity, make_kind

pytestmark = pytest.mark.django_db

API_URL = reverse("activities_api:list")
QUADRANTS = list(itertools.product(["home", "out"], ["low", "high"]))


@pytest.fixture
def quadrants():
    for setting, effort in QUADRANTS:
        make_activity(slug=f"{setting}-{effort}", setting=setting, effort=effort)
        make_activity(
            slug=f"draft-{setting}-{effort}", setting=setting, effort=effort, status="draft"
        )
        make_activity(
            slug=f"suggested-{setting}-{effort}", setting=setting, effort=effort, status="suggested"
        )


@pytest.mark.parametrize(("setting", "effort"), QUADRANTS)
def test_it_returns_only_published_activities_in_the_quadrant(client, quadrants, setting, effort):
    response = client.get(API_URL, {"setting": setting, "effort": effort})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert [item["slug"] for item in response.json()["results"]] == [f"{setting}-{effort}"]


def test_without_filters_it_returns_the_whole_published_catalogue(client, quadrants):
    slugs = {item["slug"] for item in client.get(API_URL).json()["results"]}
    assert slugs == {f"{s}-{e}" for s, e in QUADRANTS}


def test_each_item_has_the_documented_fields(client):
    kind = make_kind(slug="online")
    activity = make_activity(slug="forum", title="Forum", summary="Chat.", kinds=[kind])
    (item,) = client.get(API_URL).json()["results"]
    assert item == {
        "slug": "forum",
        "title": "Forum",
        "summary": "Chat.",
        "setting": "home",
        "effort": "low",
        "kinds": ["online"],
        "url": "http://testserver/activities/forum/",
        "updated_at": activity.updated_at.isoformat(),
    }


def test_it_filters_by_kind_and_search(client):
    online = make_kind(slug="online")
    make_activity(slug="forum", title="Forum", kinds=[online])
    make_activity(slug="park", title="Park")
    assert [i["slug"] for i in client.get(API_URL, {"kind": "online"}).json()["results"]] == [
        "forum"
    ]
    assert [i["slug"] for i in client.get(API_URL, {"q": "park"}).json()["results"]] == ["park"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"setting": "moon"}, "setting"),
        ({"effort": "extreme"}, "effort"),
        ({"kind": "no-such-kind"}, "kind"),
        ({"setting": "home", "effort": "HIGH"}, "effort"),
    ],
)
def test_an_unknown_filter_value_is_a_400_with_a_json_error(client, quadrants, params, field):
    response = client.get(API_URL, params)
    assert response.status_code == 400
    body = response.json()
    assert body["error"]
    assert list(body["fields"]) == [field]


@pytest.mark.parametrize("count", [10, 200])
def test_it_runs_a_constant_number_of_queries(
    client, django_assert_max_num_queries, memory_cache, count
):
    kind = make_kind()
    for i in range(count):
        make_activity(kinds=[kind] if i % 2 else [])
    with django_assert_max_num_queries(4):
        response = client.get(API_URL, {"kind": kind.slug})
    assert response.json()["count"] == count // 2
    assert len(response.json()["results"]) == min(count // 2, API_PAGE_SIZE)
