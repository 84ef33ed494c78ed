"""`id_from` turns any text from a request into a positive id or None, and
never raises."""

import pytest
from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from connectapp.lib.ids import MAX_ID, id_from
from tests.factories import make_activity


@given(st.text())
@example("²")
@example("\u0661\u0662")
@example(" 12")
@example("+12")
@example("1_000")
@example("0")
@example("9" * 40)
def test_any_text_is_an_id_or_none(value):
    result = id_from(value)
    assert result is None or (0 < result <= MAX_ID and str(result) == value.lstrip("0"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12", 12), ("007", 7), (str(MAX_ID), MAX_ID), ("²", None), ("", None), (None, None)],
)
def test_examples(value, expected):
    assert id_from(value) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("plan", ["²", "\u0661", "1_0", " 1", "-1", "99999999999999999999999"])
def test_logging_with_a_crafted_plan_value_is_a_404_not_a_500(member_client, plan):
    activity = make_activity()
    response = member_client.post(reverse("activities:log", args=[activity.slug]), {"plan": plan})
    assert response.status_code == 404
