import itertools
from datetime import date

import pytest
from django.urls import reverse

from activities.models import Activity
from tests.factories import make_activity, make_kind

pytestmark = pytest.mark.django_db

LIST_URL = reverse("activities:list")
QUADRANTS = list(itertools.product(["home", "out"], ["low", "high"]))


@pytest.fixture
def quadrants():
    """One published activity per quadrant, plus a draft and a suggestion in each."""
    made = {}
    for setting, effort in QUADRANTS:
        made[setting, effort] = make_activity(
            title=f"Published {setting} {effort}", setting=setting, effort=effort
        )
        make_activity(
            title=f"Draft {setting} {effort}", setting=setting, effort=effort, status="draft"
        )
        make_activity(
            title=f"Suggested {setting} {effort}",
            setting=setting,
            effort=effort,
            status="suggested",
        )
    return made


def titles_on_page(response) -> set[str]:
    return {activity.title for activity in response.context["activities"]}


@pytest.mark.parametrize(("setting", "effort"), QUADRANTS)
def test_it_filters_by_setting_and_effort(client, quadrants, setting, effort):
    response = client.get(LIST_URL, {"setting": setting, "effort": effort})
    assert response.status_code == 200
    assert titles_on_page(response) == {f"Published {setting} {effort}"}
    assert "1 activity match your choices" in response.content.decode()


@pytest.mark.parametrize("setting", ["home", "out"])
def test_it_filters_by_setting_alone(client, quadrants, setting):
    response = client.get(LIST_URL, {"setting": setting})
    assert titles_on_page(response) == {f"Published {setting} low", f"Published {setting} high"}


@pytest.mark.parametrize("effort", ["low", "high"])
def test_it_filters_by_effort_alone(client, quadrants, effort):
    response = client.get(LIST_URL, {"effort": effort})
    assert titles_on_page(response) == {f"Published home {effort}", f"Published out {effort}"}


def test_it_lists_only_published_activities_to_anonymous_visitors(client, quadrants):
    response = client.get(LIST_URL)
    html = response.content.decode()
    assert titles_on_page(response) == {f"Published {s} {e}" for s, e in QUADRANTS}
    assert "Draft" not in html
    assert "Suggested" not in html


def test_kind_is_repeatable_and_matches_any_of_them(client):
    online, outdoors, hobby = make_kind(slug="online"), make_kind(slug="outdoors"), make_kind()
    make_activity(title="Forum", kinds=[online])
    make_activity(title="Park", kinds=[outdoors])
    make_activity(title="Knitting", kinds=[hobby])
    response = client.get(LIST_URL, {"kind": ["online", "outdoors"]})
    assert titles_on_page(response) == {"Forum", "Park"}


def test_kind_filter_lists_an_activity_once_when_it_has_several_matching_kinds(client):
    online, outdoors = make_kind(slug="online"), make_kind(slug="outdoors")
    make_activity(title="Both", kinds=[online, outdoors])
    response = client.get(LIST_URL, {"kind": ["online", "outdoors"]})
    assert [a.title for a in response.context["activities"]] == ["Both"]


def test_search_finds_words_in_the_title_summary_or_body(client):
    make_activity(title="Coffee shop", summary="Sit somewhere warm.")
    make_activity(title="Park", summary="Fresh air.", body="Bring a flask of coffee.")
    make_activity(title="Forum", summary="Chat online.")
    response = client.get(LIST_URL, {"q": "coffee"})
    assert titles_on_page(response) == {"Coffee shop", "Park"}


def test_filters_combine(client):
    online = make_kind(slug="online")
    make_activity(title="Online home low", kinds=[online])
    make_activity(title="Online out low", setting="out", kinds=[online])
    make_activity(title="Offline home low")
    response = client.get(LIST_URL, {"setting": "home", "kind": "online"})
    assert titles_on_page(response) == {"Online home low"}


@pytest.mark.parametrize(
    ("params", "ignored"),
    [
        ({"setting": "moon"}, "as a place"),
        ({"effort": "extreme"}, "as an effort"),
        ({"kind": "no-such-kind"}, "as a kind"),
        ({"q": "x" * 500}, "as a search"),
    ],
)
def test_bad_parameters_are_ignored_with_a_visible_note(client, quadrants, params, ignored):
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert f" {ignored} filter, so we left it out" in html
    assert len(response.context["activities"]) == 4


def test_a_bad_parameter_does_not_undo_the_good_ones(client, quadrants):
    response = client.get(LIST_URL, {"setting": "home", "effort": "extreme"})
    assert titles_on_page(response) == {"Published home low", "Published home high"}


def test_bad_values_are_escaped_in_the_note(client):
    response = client.get(LIST_URL, {"setting": "<script>alert(1)</script>"})
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_a_bad_page_number_shows_the_last_page_instead_of_failing(client, quadrants):
    assert client.get(LIST_URL, {"page": "99"}).status_code == 200
    assert client.get(LIST_URL, {"page": "abc"}).status_code == 200


def test_an_empty_result_suggests_which_filter_to_relax(client):
    make_activity(title="Home low", setting="home", effort="low")
    response = client.get(LIST_URL, {"setting": "out", "effort": "low"})
    html = response.content.decode()
    assert "0 activities match your choices" in html
    assert "Without the place filter" in html
    assert "?effort=low" in html
    assert "Without the effort filter" not in html


def test_the_result_count_is_shown(client, quadrants):
    assert "4 activities" in client.get(LIST_URL).content.decode()


def test_the_energy_check_in_asks_both_questions_and_sets_the_filters(client, quadrants):
    html = client.get(LIST_URL, {"effort": "low", "setting": "home"}).content.decode()
    assert "How much energy do you have right now?" in html
    assert "Can you leave the house today?" in html
    assert 'id="checkin-effort-low" value="low" checked' in html
    assert 'id="checkin-setting-home" value="home" checked' in html


def test_detail_shows_body_first_step_links_and_kinds(client):
    kind = make_kind(name="Little talking")
    activity = make_activity(
        title="Visit a dog park",
        body="Ask about **their dog**.",
        first_step="Go for ten minutes.",
        why_it_helps="Pets make talk easy.",
        kinds=[kind],
    )
    activity.links.create(
        label="Dog parks", url="https://example.org/parks", verified_on=date(2026, 11, 1)
    )
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "(checked 1 November 2026)" in html
    assert "<strong>their dog</strong>" in html
    assert "Go for ten minutes." in html
    assert "Pets make talk easy." in html
    assert "Little talking" in html
    assert '<a href="https://example.org/parks" rel="noopener noreferrer">Dog parks' in html


def test_detail_says_plainly_when_a_link_has_not_been_checked_yet(client):
    activity = make_activity()
    activity.links.create(
        label="Checked site", url="https://example.org/a", verified_on=date(2026, 11, 26), order=0
    )
    activity.links.create(label="New site", url="https://example.org/b", order=1)
    html = client.get(activity.get_absolute_url()).content.decode()
    section = html.split('id="links-heading"')[1].split("</section>")[0]
    checked, unchecked = section.split("</li>")[:2]
    assert "Checked site" in checked
    assert "(checked 26 November 2026)" in checked
    assert "not checked" not in checked
    assert "New site" in unchecked
    assert "(not checked yet)" in unchecked


def test_detail_never_renders_raw_html_from_the_database(client):
    activity = make_activity(
        body='<script>alert(1)</script> <img src=x onerror="alert(2)"> [link](javascript:alert(3))'
    )
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "onerror" not in html
    assert "javascript:" not in html


@pytest.mark.parametrize("status", ["draft", "suggested"])
def test_drafts_and_suggestions_are_not_found(client, member_client, status):
    activity = make_activity(status=status)
    assert client.get(activity.get_absolute_url()).status_code == 404
    assert member_client.get(activity.get_absolute_url()).status_code == 404


def test_detail_suggests_related_activities_in_the_same_or_an_easier_quadrant(client):
    activity = make_activity(title="Out high", setting="out", effort="high")
    make_activity(title="Out high too", setting="out", effort="high")
    make_activity(title="Home low", setting="home", effort="low")
    make_activity(title="Home high", setting="home", effort="high")
    make_activity(title="Out low", setting="out", effort="low")
    make_activity(title="Draft home low", status="draft")
    related = {a.title for a in client.get(activity.get_absolute_url()).context["related"]}
    assert related == {"Out high too", "Home low", "Home high", "Out low"}

    easy = make_activity(title="Easy", setting="home", effort="low")
    related = {a.title for a in client.get(easy.get_absolute_url()).context["related"]}
    assert related == {"Home low"}


def test_warmline_activity_links_to_the_helplines_finder(client):
    activity = make_activity(links_to_helplines=True)
    html = client.get(activity.get_absolute_url()).content.decode()
    assert f'href="{reverse("helplines:finder")}"' in html
    assert "Find a warmline near you" in html


def test_anonymous_visitors_are_invited_to_sign_in_to_save(client):
    activity = make_activity()
    html = client.get(activity.get_absolute_url()).content.decode()
    assert f"{reverse('account_login')}?next={activity.get_absolute_url()}" in html


def _make_catalogue(count: int) -> list:
    kinds = [make_kind() for _ in range(3)]
    for i in range(count):
        activity = make_activity(
            setting="home" if i % 2 else "out", effort="low" if i % 3 else "high"
        )
        activity.kinds.set(kinds[: i % 4])
        activity.links.create(label="Site", url="https://example.org/")
    return kinds


@pytest.mark.parametrize("count", [10, 200])
def test_list_page_runs_a_constant_number_of_queries(
    client, django_assert_max_num_queries, memory_cache, count
):
    _make_catalogue(count)
    with django_assert_max_num_queries(6):
        response = client.get(LIST_URL)
    assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 200])
def test_filtered_list_page_runs_a_constant_number_of_queries(
    client, django_assert_max_num_queries, memory_cache, count
):
    kinds = _make_catalogue(count)
    with django_assert_max_num_queries(6):
        response = client.get(
            LIST_URL, {"setting": "home", "effort": "low", "q": "Summary", "kind": kinds[0].slug}
        )
    assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 200])
def test_detail_page_runs_a_constant_number_of_queries(
    member_client, django_assert_max_num_queries, memory_cache, count
):
    _make_catalogue(count)
    activity = Activity.objects.last()
    activity.messages.create(text="Hello")
    member_client.get(activity.get_absolute_url())  # the first request records the session
    with django_assert_max_num_queries(16):
        response = member_client.get(activity.get_absolute_url())
    assert response.status_code == 200


def test_home_and_menu_link_to_the_activities(client, member_client):
    html = client.get("/").content.decode()
    assert html.count(f'href="{LIST_URL}"') >= 3  # menu, hero, and the card
    assert "My activities" not in html
    html = member_client.get("/").content.decode()
    assert f'href="{reverse("activities:my")}"' in html
    assert "Find something to do today" in html


def test_search_finds_an_activity_by_its_keywords(client):
    make_activity(title="Call a friend", keywords="lonely, alone")
    make_activity(title="Park", summary="Fresh air.")
    response = client.get(LIST_URL, {"q": "Lonely"})
    assert titles_on_page(response) == {"Call a friend"}
    assert "lonely, alone" not in response.content.decode()
