"""Signed-in pages cached per person (connectapp/lib/userdata.py): each person
sees only their own cached page, a change shows at once, a stopped or expired
share leaves the clinician's dashboard at once, and no cached fragment holds a
CSRF token."""

import contextlib
import uuid
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from connectapp.lib import userdata
from connectapp.lib.fragments import CSRF_PLACEHOLDER, indentation_drop
from worksheets import services

from ..conftest import sign_in
from ..factories import (
    make_activity,
    make_clinician,
    make_log,
    make_member,
    make_plan,
    make_share,
    make_statement,
)

pytestmark = pytest.mark.usefixtures("db", "memory_cache")

MY = reverse("activities:my")
PROGRESS = reverse("activities:progress")
DASHBOARD = reverse("clinician:dashboard")
WORKSHEETS = reverse("worksheets:overview")


def _fragments() -> dict[str, tuple]:
    """Every cached per-person fragment, by key: (stamp, html, data)."""
    keys = [key.split(":", 2)[-1] for key in cache._cache if ":fragment:" in key]  # locmem's store
    return cache.get_many(keys)


@pytest.mark.parametrize("url", [MY, PROGRESS])
def test_a_member_never_sees_another_members_cached_page(url, member, member_client, other_member):
    make_log(owner=member, activity=make_activity(title="Call my brother"))
    make_plan(owner=member, activity=make_activity(title="Feed the ducks"))
    make_log(owner=other_member, activity=make_activity(title="Knit with Ana"))
    other_client = sign_in(Client(), other_member)

    for _ in range(2):  # the second round is served from the cache
        mine = member_client.get(url).content.decode()
        theirs = other_client.get(url).content.decode()
        assert "Call my brother" in mine and "Knit with Ana" not in mine
        assert "Knit with Ana" in theirs and "Call my brother" not in theirs
    assert _fragments()


def test_a_cached_progress_page_runs_no_query_for_the_logs(
    member, member_client, django_assert_max_num_queries
):
    for _ in range(30):
        make_log(owner=member)
    member_client.get(PROGRESS)
    with django_assert_max_num_queries(0):  # the user and the fragment are both kept
        response = member_client.get(PROGRESS)
    assert "You have noted 30 times." in response.content.decode()


def test_a_new_release_never_shows_what_an_older_one_kept(member, member_client, monkeypatch):
    make_log(owner=member, activity=make_activity(title="Call my brother"))
    member_client.get(PROGRESS)
    kept = _fragments()
    assert kept
    cache.set_many(
        {key: (stamp, "<p>Older markup</p>", data) for key, (stamp, _, data) in kept.items()}
    )
    assert "Older markup" in member_client.get(PROGRESS).content.decode()

    monkeypatch.setattr(userdata, "code_version", lambda: "a-later-release")

    page = member_client.get(PROGRESS).content.decode()
    assert "Older markup" not in page
    assert "Call my brother" in page


def test_kept_html_drops_indentation_but_not_the_text_of_pre_or_textarea():
    html = (
        "<ul>\n    <li>\n        <a href='/x'>One</a>\n        <span>(two)</span>\n\n    </li>\n"
        "    <textarea name='t'>\n  my own\n      spacing</textarea>\n"
        "    <PRE>  a\n   b</PRE>\n</ul>"
    )
    assert indentation_drop(html) == (
        "<ul>\n<li>\n<a href='/x'>One</a>\n<span>(two)</span>\n</li>\n"
        "<textarea name='t'>\n  my own\n      spacing</textarea>\n"
        "<PRE>  a\n   b</PRE>\n</ul>"
    )


@pytest.mark.parametrize("url", [MY, PROGRESS, WORKSHEETS])
def test_a_kept_part_is_stored_without_indentation(url, member, member_client):
    make_log(owner=member, activity=make_activity(title="Call my brother"))
    assert member_client.get(url).status_code == 200
    kept = _fragments()
    assert kept
    for _, html, _ in kept.values():
        assert "\n " not in html


def test_logging_a_mood_shows_on_the_progress_page_at_once(member, member_client):
    activity = make_activity(title="Sit in the garden")
    make_log(owner=member, activity=activity, mood_before=2, mood_after=4)
    assert "You have noted 1 time." in member_client.get(PROGRESS).content.decode()

    response = member_client.post(
        reverse("activities:log", args=[activity.slug]),
        {
            "submission": str(uuid.uuid4()),
            "done_on": timezone.localdate().isoformat(),
            "mood_before": "3",
            "mood_after": "7",
        },
    )
    assert response.status_code == 302

    page = member_client.get(PROGRESS).content.decode()
    assert "You have noted 2 times." in page
    assert "mood 3 before, 7 after" in member_client.get(MY).content.decode()


def test_a_cached_fragment_holds_no_csrf_token_and_its_forms_still_post(member):
    plan = make_plan(owner=member, activity=make_activity(title="Feed the ducks"))
    client = sign_in(Client(enforce_csrf_checks=True), member)
    client.get(MY)
    html = client.get(MY).content.decode()  # from the cache

    cached = "".join(html for _, html, _ in _fragments().values())
    assert CSRF_PLACEHOLDER in cached
    assert 'name="csrfmiddlewaretoken"' in cached
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    assert token not in cached and CSRF_PLACEHOLDER not in html

    response = client.post(
        reverse("activities:plan-remove", args=[plan.pk]), {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert "Nothing saved yet." in client.get(MY).content.decode()


def test_a_stopped_share_leaves_the_dashboard_at_once(member, member_client, clinician):
    share = make_share(member, clinician, statements=[make_statement(member, title="Letter")])
    clinician_client = sign_in(Client(), clinician)
    assert "Letter" in clinician_client.get(DASHBOARD).content.decode()
    assert "Letter" in clinician_client.get(DASHBOARD).content.decode()  # cached

    member_client.post(reverse("worksheets:share-stop", args=[share.pk]))

    page = clinician_client.get(DASHBOARD).content.decode()
    assert "Letter" not in page and member.display_name not in page


def test_an_expired_share_leaves_the_dashboard_without_any_write(member, clinician):
    make_share(
        member,
        clinician,
        statements=[make_statement(member, title="Letter")],
        expires_at=timezone.now() + timedelta(hours=1),
    )
    clinician_client = sign_in(Client(), clinician)
    assert "Letter" in clinician_client.get(DASHBOARD).content.decode()

    # No write and no signal: the share's time simply runs out.
    with time_machine.travel(timezone.now() + timedelta(hours=1, seconds=1)):
        assert "Letter" not in clinician_client.get(DASHBOARD).content.decode()


def test_a_members_edit_shows_on_their_clinicians_cached_dashboard(member, clinician):
    statement = make_statement(member, title="Letter")
    make_share(member, clinician, statements=[statement])
    clinician_client = sign_in(Client(), clinician)
    assert "Letter" in clinician_client.get(DASHBOARD).content.decode()

    statement.title = "Letter to my mother"
    statement.save()

    assert "Letter to my mother" in clinician_client.get(DASHBOARD).content.decode()


def test_a_clinician_never_sees_another_clinicians_cached_dashboard(member):
    first, second = make_clinician(), make_clinician()
    make_share(member, first, statements=[make_statement(member, title="Only for one")])
    other = make_member(display_name="Sam")
    make_share(other, second, statements=[make_statement(other, title="Only for two")])
    first_client, second_client = sign_in(Client(), first), sign_in(Client(), second)

    for _ in range(2):
        one = first_client.get(DASHBOARD).content.decode()
        two = second_client.get(DASHBOARD).content.decode()
        assert "Only for one" in one and "Only for two" not in one
        assert "Only for two" in two and "Only for one" not in two


def test_a_change_bumps_the_version_again_when_it_commits(
    member, django_capture_on_commit_callbacks
):
    before = cache.get(userdata.version_key(member.pk))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_log(owner=member)
    during = cache.get(userdata.version_key(member.pk))
    for callback in callbacks:
        callback()
    after = cache.get(userdata.version_key(member.pk))
    assert len({before, during, after}) == 3


def test_the_worksheets_page_shows_a_new_worksheet_at_once_and_only_to_its_owner(
    member, member_client, other_member
):
    make_statement(member, title="For my flatmates")
    other_client = sign_in(Client(), other_member)
    assert "For my flatmates" in member_client.get(WORKSHEETS).content.decode()
    assert "For my flatmates" not in other_client.get(WORKSHEETS).content.decode()

    make_statement(member, title="For my coach")
    make_statement(other_member, title="For my cousin")

    mine = member_client.get(WORKSHEETS).content.decode()
    theirs = other_client.get(WORKSHEETS).content.decode()
    assert "For my flatmates" in mine and "For my coach" in mine and "For my cousin" not in mine
    assert "For my cousin" in theirs and "For my coach" not in theirs


def test_a_members_new_name_shows_on_their_clinicians_cached_dashboard(member, clinician):
    make_share(member, clinician, statements=[make_statement(member, title="Letter")])
    clinician_client = sign_in(Client(), clinician)
    assert member.display_name in clinician_client.get(DASHBOARD).content.decode()

    old_name = member.display_name
    member.display_name = "Kit Marlowe"
    member.save()

    page = clinician_client.get(DASHBOARD).content.decode()
    assert "Kit Marlowe" in page and old_name not in page


def test_a_renamed_member_moves_to_their_new_place_on_the_cached_dashboard(clinician):
    ana, zoe = make_member(display_name="Ana"), make_member(display_name="Zoe")
    for person in (ana, zoe):
        make_share(person, clinician, statements=[make_statement(person)])
    clinician_client = sign_in(Client(), clinician)
    page = clinician_client.get(DASHBOARD).content.decode()
    assert page.index("Ana") < page.index("Zoe")

    ana.display_name = "Zuri"
    ana.save()

    page = clinician_client.get(DASHBOARD).content.decode()
    assert "Ana" not in page
    assert page.index("Zoe") < page.index("Zuri")


def test_a_deleted_worksheet_leaves_the_cached_dashboard_at_once(member, clinician):
    kept = make_statement(member, title="Letter to keep")
    gone = make_statement(member, title="Letter to delete")
    make_share(member, clinician, statements=[kept, gone])
    clinician_client = sign_in(Client(), clinician)
    assert "Letter to delete" in clinician_client.get(DASHBOARD).content.decode()

    gone.worksheet.delete()  # the share's link to it goes by cascade, with no m2m signal

    page = clinician_client.get(DASHBOARD).content.decode()
    assert "Letter to delete" not in page and "Letter to keep" in page


def test_a_members_change_bumps_the_viewed_version_of_their_clinicians_only(member):
    sharing, stopped, unrelated = make_clinician(), make_clinician(), make_clinician()
    make_share(member, sharing)
    services.share_revoke(share=make_share(member, stopped))
    before = {c.pk: cache.get(userdata.viewed_key(c.pk)) for c in (sharing, stopped, unrelated)}

    make_log(owner=member)

    after = {c.pk: cache.get(userdata.viewed_key(c.pk)) for c in (sharing, stopped, unrelated)}
    assert after[sharing.pk] != before[sharing.pk]
    assert after[stopped.pk] == before[stopped.pk]
    assert after[unrelated.pk] == before[unrelated.pk]


@contextlib.contextmanager
def _cache_reads(monkeypatch):
    """The cache reads (round trips, with Redis) made inside the block."""
    reads: list[str] = []
    depth = 0

    def counting(name):
        original = getattr(LocMemCache, name)

        def counted(self, *args, **kwargs):
            nonlocal depth
            if not depth:  # locmem's get_many calls get for each key
                reads.append(name)
            depth += 1
            try:
                return original(self, *args, **kwargs)
            finally:
                depth -= 1

        monkeypatch.setattr(LocMemCache, name, counted)

    for name in ("get", "get_many"):
        counting(name)
    yield reads


def test_a_kept_dashboard_reads_the_cache_as_seldom_as_a_members_kept_page(
    member, member_client, clinician, monkeypatch
):
    for person in (member, make_member(display_name="Sam"), make_member(display_name="Ana")):
        make_share(person, clinician, statements=[make_statement(person)])
    clinician_client = sign_in(Client(), clinician)
    clinician_client.get(DASHBOARD)  # kept from now on
    member_client.get(WORKSHEETS)

    with _cache_reads(monkeypatch) as reads:
        assert clinician_client.get(DASHBOARD).status_code == 200
    dashboard = list(reads)
    with _cache_reads(monkeypatch) as reads:
        assert member_client.get(WORKSHEETS).status_code == 200

    # The session, the user, then the page: one read each, however many members.
    assert len(dashboard) == len(reads) == 3
