"""The finder's lists are kept in the shared cache per state, language and
minute, and any change to a line shows at once."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.contrib.admin.sites import site
from django.urls import reverse

from helplines.admin import SupportLineAdmin
from helplines.models import SupportLine
from tests.factories import make_support_line

FINDER = reverse("helplines:finder")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")

pytestmark = pytest.mark.usefixtures("db", "memory_cache")


def test_a_kept_finder_runs_no_query(client, django_assert_num_queries):
    make_support_line(slug="or-warm", name="Oregon Warmline", region="OR")
    client.get(FINDER, {"state": "OR"})
    with django_assert_num_queries(0):
        response = client.get(FINDER, {"state": "or"})
    assert "Oregon Warmline" in response.content.decode()


def test_an_admin_edit_shows_at_once(client, django_capture_on_commit_callbacks):
    line = make_support_line(slug="or-warm", name="Oregon Warmline", region="OR")
    assert "Oregon Warmline" in client.get(FINDER, {"state": "OR"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        line.name = "Oregon Peer Warmline"
        line.save()
    assert "Oregon Peer Warmline" in client.get(FINDER, {"state": "OR"}).content.decode()


def test_marking_lines_closed_in_the_admin_shows_at_once(
    client, admin_user, rf, django_capture_on_commit_callbacks
):
    make_support_line(slug="or-warm", name="Oregon Warmline", region="OR")
    assert "Oregon Warmline" in client.get(FINDER, {"state": "OR"}).content.decode()
    request = rf.post("/")
    request.user = admin_user
    request._messages = type("M", (), {"add": lambda *args, **kwargs: None})()
    with django_capture_on_commit_callbacks(execute=True):
        SupportLineAdmin(SupportLine, site).mark_closed(
            request, SupportLine.objects.filter(slug="or-warm")
        )
    assert "Oregon Warmline" not in client.get(FINDER, {"state": "OR"}).content.decode()


def test_each_state_and_language_has_its_own_lists(client):
    make_support_line(slug="or-warm", name="Oregon Warmline", region="OR")
    make_support_line(slug="wa-warm", name="Washington Warmline", region="WA")
    oregon = client.get(FINDER, {"state": "OR"}).content.decode()
    washington = client.get(FINDER, {"state": "WA"}).content.decode()
    assert "Oregon Warmline" in oregon and "Oregon Warmline" not in washington
    spanish = client.get(FINDER, {"state": "OR"}, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Líneas de crisis" in spanish
    assert "Líneas de crisis" not in client.get(FINDER, {"state": "OR"}).content.decode()


def test_open_now_follows_the_clock(client):
    make_support_line(
        slug="or-warm",
        name="Oregon Warmline",
        region="OR",
        time_zone="America/New_York",
        open_24_7=False,
        hours=[{"day": 0, "opens": "09:00", "closes": "17:00"}],
    )
    # Monday 7 December 2026, a minute before and at opening time.
    with time_machine.travel(dt.datetime(2026, 12, 7, 8, 59, 30, tzinfo=NEW_YORK), tick=False):
        before = client.get(FINDER, {"state": "OR"}).content.decode()
    with time_machine.travel(dt.datetime(2026, 12, 7, 9, 0, 0, tzinfo=NEW_YORK), tick=False):
        after = client.get(FINDER, {"state": "OR"}).content.decode()
    assert "Closed now. Opens today at 9:00 AM" in before and "Open now, until" not in before
    assert "Open now, until 5:00 PM" in after


def test_the_offer_to_remember_a_state_is_not_shared(client, member_client):
    make_support_line(slug="or-warm", name="Oregon Warmline", region="OR")
    assert "Remember" in member_client.get(FINDER, {"state": "OR"}).content.decode()
    html = client.get(FINDER, {"state": "OR"}).content.decode()
    assert "Remember" not in html
    assert "csrfmiddlewaretoken" not in html.split('class="site-footer')[0]


def test_an_unknown_state_is_a_clear_400_and_not_kept(client):
    response = client.get(FINDER, {"state": "ZZ"})
    assert response.status_code == 400
    assert "know that state. Please choose one from the list" in response.content.decode()
    assert client.get(FINDER, {"state": "OR"}).status_code == 200
    assert client.get(FINDER, {"state": ""}).status_code == 400
