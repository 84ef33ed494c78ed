import datetime
import re
import uuid

import pytest
from django.urls import reverse

from worksheets import models as ws
from worksheets.models import Rating, Relationship, SecurityCheck, UnsavedEdit

from ..factories import make_relationship, make_security_check, make_test_drive

RATINGS = ["consistency", "availability", "reliability", "responsiveness", "predictability"]


def check_post(ratings: list[int], **extra) -> dict:
    data = {"checked_on": "2026-03-01", "token": str(uuid.uuid4())}
    data.update(dict(zip(RATINGS, [str(r) for r in ratings], strict=True)))
    data.update(extra)
    return data


def test_member_adds_a_relationship(member, member_client):
    response = member_client.post(
        reverse("worksheets:relationship-create"),
        {"name": "Jo", "kind": "family", "notes": "My sister.", "token": str(uuid.uuid4())},
    )
    relationship = Relationship.objects.get(owner=member)
    assert response["Location"] == reverse("worksheets:relationship-detail", args=[relationship.pk])
    assert relationship.get_kind_display() == "Family"


def test_a_double_submit_adds_one_relationship(member, member_client):
    data = {"name": "Jo", "kind": "friend", "token": str(uuid.uuid4())}
    member_client.post(reverse("worksheets:relationship-create"), data)
    member_client.post(reverse("worksheets:relationship-create"), data)
    assert Relationship.objects.filter(owner=member).count() == 1


def test_a_stale_save_of_relationship_notes_is_kept(member, member_client):
    relationship = make_relationship(member, notes="Original.")
    edit = reverse("worksheets:relationship-edit", args=[relationship.pk])
    member_client.post(edit, {"name": "Jo", "kind": "friend", "notes": "Tab A.", "version": 1})

    response = member_client.post(
        edit, {"name": "Jo", "kind": "friend", "notes": "Tab B.", "version": 1}
    )

    relationship.refresh_from_db()
    assert relationship.notes == "Tab A."
    unsaved = UnsavedEdit.objects.get(worksheet=relationship.worksheet)
    assert unsaved.data["notes"] == "Tab B."
    page = member_client.get(response["Location"]).content.decode()
    assert "Tab A." in page
    assert "Tab B." in page
    detail = member_client.get(reverse("worksheets:relationship-detail", args=[relationship.pk]))
    assert "You have changes that were not saved" in detail.content.decode()


def test_member_records_two_checks_and_sees_the_latest_as_a_chart(member, member_client):
    relationship = make_relationship(member)
    url = reverse("worksheets:check-create", args=[relationship.pk])
    member_client.post(url, check_post([1, 1, 1, 1, 1], checked_on="2026-01-10"))
    member_client.post(
        url, check_post([3, 2, 0, 3, 2], reliability_note="Forgot twice.", checked_on="2026-02-10")
    )

    page = member_client.get(reverse("worksheets:relationship-detail", args=[relationship.pk]))
    html = page.content.decode()

    assert SecurityCheck.objects.filter(relationship=relationship).count() == 2
    assert page.context["latest"].checked_on == datetime.date(2026, 2, 10)
    assert [c.checked_on for c in page.context["earlier"]] == [datetime.date(2026, 1, 10)]
    assert "<svg" in html
    assert 'role="img"' in html
    assert "Reliability: not yet" in html
    assert "Forgot twice." in html
    assert "Where to start" in html
    assert str(ws.ELEMENTS["reliability"]["suggestion"]) in html
    assert str(ws.ELEMENTS["consistency"]["suggestion"]) not in html


def test_a_check_needs_every_rating_and_says_so(member, member_client):
    relationship = make_relationship(member)
    data = check_post([1, 1, 1, 1, 1])
    del data["predictability"]
    response = member_client.post(reverse("worksheets:check-create", args=[relationship.pk]), data)
    assert response.status_code == 200
    assert "Please choose an answer for this one." in response.content.decode()
    assert not SecurityCheck.objects.exists()


def test_a_double_submit_records_one_check(member, member_client):
    relationship = make_relationship(member)
    data = check_post([1, 2, 3, 0, 1])
    url = reverse("worksheets:check-create", args=[relationship.pk])
    member_client.post(url, data)
    member_client.post(url, data)
    assert SecurityCheck.objects.count() == 1


def test_a_check_belongs_to_the_relationships_owner(member, member_client):
    relationship = make_relationship(member)
    member_client.post(
        reverse("worksheets:check-create", args=[relationship.pk]), check_post([1, 1, 1, 1, 1])
    )
    assert SecurityCheck.objects.get().owner == member


def test_member_logs_a_test_drive(member, member_client):
    relationship = make_relationship(member)
    data = {
        "asked_on": "2026-03-02",
        "ask": "A lift to the station.",
        "response": "Said yes straight away.",
        "token": str(uuid.uuid4()),
    }
    url = reverse("worksheets:test-drive-create", args=[relationship.pk])
    member_client.post(url, data)
    member_client.post(url, data)

    assert ws.TestDrive.objects.filter(relationship=relationship).count() == 1
    page = member_client.get(reverse("worksheets:relationship-detail", args=[relationship.pk]))
    assert "Said yes straight away." in page.content.decode()


@pytest.mark.parametrize(
    ("url_name", "make", "model"),
    [
        ("worksheets:relationship-delete", lambda r: r, Relationship),
        ("worksheets:check-delete", make_security_check, SecurityCheck),
        ("worksheets:test-drive-delete", make_test_drive, ws.TestDrive),
    ],
)
def test_deleting_asks_first_and_a_get_never_deletes(member, member_client, url_name, make, model):
    target = make(make_relationship(member))
    url = reverse(url_name, args=[target.pk])

    page = member_client.get(url)
    assert page.status_code == 200
    assert "This cannot be undone." in page.content.decode()
    assert model.objects.filter(pk=target.pk).exists()

    member_client.post(url)
    assert not model.objects.filter(pk=target.pk).exists()


def test_deleting_a_relationship_deletes_its_checks_and_test_drives(member, member_client):
    relationship = make_relationship(member)
    make_security_check(relationship)
    make_test_drive(relationship)
    member_client.post(reverse("worksheets:relationship-delete", args=[relationship.pk]))
    assert not SecurityCheck.objects.exists()
    assert not ws.TestDrive.objects.exists()


# The weakest-element logic.


def ratings(**values) -> SecurityCheck:
    defaults = dict.fromkeys(RATINGS, Rating.YES)
    return SecurityCheck(**{**defaults, **values})


def weakest(check: SecurityCheck) -> list[str]:
    return [element["key"] for element in check.weakest_elements()]


def test_the_weakest_element_is_the_lowest_rated():
    assert weakest(ratings(availability=Rating.SOMETIMES)) == ["availability"]


def test_tied_weakest_elements_are_all_returned_in_order():
    check = ratings(
        consistency=Rating.MOSTLY,
        reliability=Rating.NOT_YET,
        predictability=Rating.NOT_YET,
        responsiveness=Rating.SOMETIMES,
    )
    assert weakest(check) == ["reliability", "predictability"]


def test_when_everything_is_rated_the_same_below_yes_all_are_weakest():
    check = ratings(**dict.fromkeys(RATINGS, Rating.MOSTLY))
    assert weakest(check) == RATINGS


def test_when_everything_is_yes_there_is_no_weakest_element():
    assert weakest(ratings()) == []


def test_the_page_says_so_when_every_element_feels_solid(member, member_client):
    relationship = make_relationship(member)
    make_security_check(relationship, **dict.fromkeys(RATINGS, Rating.YES))
    page = member_client.get(reverse("worksheets:relationship-detail", args=[relationship.pk]))
    assert "Every element feels solid right now." in page.content.decode()


def test_latest_check_per_relationship_picks_the_newest_date_then_the_newest_row(member):
    first = make_relationship(member, name="A")
    second = make_relationship(member, name="B")
    make_security_check(first, checked_on=datetime.date(2026, 3, 1))
    newest = make_security_check(first, checked_on=datetime.date(2026, 4, 1))
    make_security_check(first, checked_on=datetime.date(2026, 2, 1))
    same_day_1 = make_security_check(second, checked_on=datetime.date(2026, 4, 1))
    same_day_2 = make_security_check(second, checked_on=datetime.date(2026, 4, 1))

    latest = {r.name: r.latest_check for r in Relationship.objects.with_latest_check()}

    assert latest == {"A": newest, "B": same_day_2}
    assert same_day_1 != same_day_2
    assert first.latest_check == newest


# One first step, the others behind "More ideas".


def test_the_first_step_is_the_lowest_rated_and_a_tie_goes_to_the_earlier_element():
    check = ratings(
        consistency=Rating.MOSTLY,
        reliability=Rating.NOT_YET,
        predictability=Rating.NOT_YET,
        responsiveness=Rating.SOMETIMES,
    )
    assert check.first_step()["key"] == "reliability"
    assert [e["key"] for e in check.more_ideas()] == [
        "predictability",
        "responsiveness",
        "consistency",
    ]
    assert ratings().first_step() is None
    assert ratings().more_ideas() == []


def test_where_to_start_points_at_one_step_with_the_rest_behind_more_ideas(member, member_client):
    relationship = make_relationship(member)
    make_security_check(relationship, **dict.fromkeys(RATINGS, Rating.NOT_YET))
    page = member_client.get(reverse("worksheets:relationship-detail", args=[relationship.pk]))
    html = page.content.decode()
    card = html[html.index('id="where-to-start"') :]
    card = card[: card.index("</section>")]
    before, _, hidden = card.partition("<details")

    assert str(ws.ELEMENTS["consistency"]["suggestion"]) in before
    for key in RATINGS[1:]:
        suggestion = str(ws.ELEMENTS[key]["suggestion"])
        assert suggestion not in before
        assert suggestion in hidden
    assert "More ideas (4 more)" in hidden
    assert "comes first in the check" in before


# The check-in questions.


def _words(text: str) -> set[str]:
    return {w.strip("?,.'").lower() for w in str(text).split() if len(w) > 3}


def test_each_check_question_is_answered_by_the_ratings_and_asks_something_different():
    questions = {key: str(info["question"]) for key, info in ws.ELEMENTS.items()}
    for question in questions.values():
        # "Not yet / Sometimes / Mostly / Yes" answer a yes-or-no question,
        # never "How easy ...?" or "What ...?".
        assert question.endswith("?")
        assert question.split()[0] not in {"How", "What", "Why", "Who", "Where"}
    keys = list(questions)
    for i, first in enumerate(keys):
        for second in keys[i + 1 :]:
            a, b = _words(questions[first]), _words(questions[second])
            overlap = len(a & b) / len(a | b)
            assert overlap < 0.25, (first, second, a & b)
    # Reliability and predictability once both asked whether "we can count on" each other.
    assert sum("count on" in q for q in questions.values()) <= 1


# Each element over time.


def test_each_element_has_a_chart_over_the_dated_checks_and_a_table(member, member_client):
    relationship = make_relationship(member)
    for day, rating in [(1, Rating.NOT_YET), (2, Rating.SOMETIMES), (31, Rating.YES)]:
        make_security_check(
            relationship, checked_on=datetime.date(2026, 1, day), consistency=rating
        )
    page = member_client.get(reverse("worksheets:relationship-detail", args=[relationship.pk]))
    html = page.content.decode()
    history = html[html.index('id="history-heading"') :]

    # One chart per element, each a labelled image that says its ratings in words.
    assert history.count('class="trend-chart"') == 5
    assert (
        "Consistency: Jan. 1, 2026: not yet; Jan. 2, 2026: sometimes; Jan. 31, 2026: yes" in history
    )
    # Points are spaced by date: the second check sits a day after the first,
    # far from the last, a month on.
    xs = [float(x) for x in re.findall(r'class="trend-point" cx="([\d.]+)"', history)[:3]]
    assert xs[1] - xs[0] < (xs[2] - xs[1]) / 10
    # Every rating in a table too, all three checks.
    table = history[history.index("<table") : history.index("</table>")]
    assert table.count('<th scope="row">') == 3


def test_one_check_has_no_trend_chart(member, member_client):
    relationship = make_relationship(member)
    make_security_check(relationship)
    page = member_client.get(reverse("worksheets:relationship-detail", args=[relationship.pk]))
    assert "trend-chart" not in page.content.decode()
