"""Hypothesis throws odd input at the helpline forms through their views."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helplines.models import SupportLine
from tests.conftest import sign_in
from tests.factories import make_member, make_support_line

FINDER = reverse("helplines:finder")
API = reverse("helplines_api:lines")
REMEMBER = reverse("helplines:remember-state")
PROFILE = reverse("accounts:profile")

MARKER = "<x-fuzz>"
plain_text = st.text(max_size=30).filter(lambda text: "\x00" not in text)
state_input = st.one_of(
    st.sampled_from(["OR", "or", " dc ", "US", "", "ZZ", "O", "&amp;"]),
    st.builds(str.__add__, plain_text, st.sampled_from(["", MARKER, f'">{MARKER}'])),
)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.mark.django_db
@FUZZ
@given(value=state_input)
def test_finder_and_api_never_fail_and_escape_what_they_get(client, value):
    page = client.get(FINDER, {"state": value})
    assert page.status_code in {200, 400}
    assert MARKER not in page.content.decode()
    api = client.get(API, {"state": value})
    assert api.status_code in {200, 400}
    assert api["Content-Type"] == "application/json"


@pytest.mark.django_db
@FUZZ
@given(value=state_input)
def test_remembering_a_state_never_fails(value):
    member = make_member()
    client = sign_in(Client(), member)
    response = client.post(REMEMBER, {"state": value})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.home_state in {"", value.strip().upper()}


@pytest.mark.django_db
@FUZZ
@given(value=state_input, name=st.builds(str.__add__, plain_text, st.sampled_from(["x", MARKER])))
def test_profile_form_never_fails(value, name):
    member = make_member(display_name="Before")
    client = sign_in(Client(), member)
    response = client.post(PROFILE, {"display_name": name, "home_state": value})
    assert response.status_code in {200, 302}
    assert MARKER not in response.content.decode()


@pytest.mark.django_db
@FUZZ
@given(
    note=st.one_of(
        st.text(max_size=400),
        st.builds(str.__add__, plain_text, st.just(MARKER)),
    )
)
def test_reporting_a_line_never_fails_and_escapes_the_note(note):
    cache.clear()  # the rate limit would otherwise answer 429 after five examples
    line = SupportLine.objects.first() or make_support_line(slug="fuzzed")
    response = Client().post(reverse("helplines:report", args=[line.slug]), {"note": note})
    assert response.status_code in {302, 400}
    assert MARKER not in response.content.decode()
