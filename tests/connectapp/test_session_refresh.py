import datetime

import time_machine
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse

from tests.conftest import sign_in

PAGE = reverse("activities:my")
START = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


def _expiry(client) -> datetime.datetime:
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_signed_in_page_writes_no_session_between_refreshes(member, client):
    with time_machine.travel(START, tick=False):
        sign_in(client, member)
        client.get(PAGE)
        first = _expiry(client)
    with time_machine.travel(START + datetime.timedelta(minutes=1), tick=False):
        response = client.get(PAGE)
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert _expiry(client) == first


def test_a_request_after_the_refresh_interval_slides_the_expiry(member, client):
    with time_machine.travel(START, tick=False):
        sign_in(client, member)
        client.get(PAGE)
        first = _expiry(client)
    later = datetime.timedelta(seconds=settings.SESSION_REFRESH_SECONDS + 60)
    with time_machine.travel(START + later, tick=False):
        response = client.get(PAGE)
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME in response.cookies
    assert _expiry(client) - first >= later - datetime.timedelta(seconds=1)
    seen = UserSession.objects.get(session_key=client.session.session_key).last_seen_at
    assert seen - first + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE) >= later


def test_a_quiet_session_ends(member, client):
    with time_machine.travel(START, tick=False):
        sign_in(client, member)
        assert client.get(PAGE).status_code == 200
    gone = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)
    with time_machine.travel(START + gone, tick=False):
        assert client.get(PAGE).status_code == 302
