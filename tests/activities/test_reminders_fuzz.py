"""Hypothesis sends odd input to the reminder, feed, unsubscribe and calendar
views: never a server error, nothing sent comes back unescaped."""

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import sign_in
from tests.factories import make_member

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MARKER = "<b>fuzz</b>"
text = st.text(max_size=200) | st.just(MARKER) | st.just("")
values = st.one_of(
    text,
    st.sampled_from(["on", "09:00", "23:59", "24:00", "America/New_York", "new", "off", "titles"]),
)


@pytest.fixture
def member_client(db):
    return sign_in(Client(), make_member())


def assert_safe(response) -> None:
    assert response.status_code < 500
    assert MARKER not in response.content.decode()


@FUZZ
@given(
    data=st.fixed_dictionaries(
        {},
        optional=dict.fromkeys(
            ("enabled", "time_of_day", "time_zone", "show_title", "quiet_from", "quiet_until"),
            values,
        ),
    )
)
def test_reminder_settings_never_fail(member_client, data):
    assert_safe(member_client.post(reverse("activities:reminders"), data))


@FUZZ
@given(data=st.fixed_dictionaries({}, optional={"action": values, "feed_shows_titles": values}))
def test_feed_changes_never_fail(member_client, data):
    assert_safe(member_client.post(reverse("activities:feed-change"), data, follow=True))


@FUZZ
# Lone surrogates cannot travel in a URL at all, so no client can send them.
@given(
    token=st.text(
        alphabet=st.characters(blacklist_characters="/", blacklist_categories=("Cs",)),
        min_size=1,
        max_size=80,
    )
)
def test_unsubscribe_and_feed_tokens_never_fail(token):
    client = Client()
    for name in ("activities:reminders-unsubscribe", "activities:calendar-feed"):
        try:
            url = reverse(name, args=[token])
        except NoReverseMatch:  # a token the URL pattern cannot hold
            continue
        assert_safe(client.get(url))
        assert_safe(client.post(url))
