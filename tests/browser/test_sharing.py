"""The whole sharing journey in a browser: the member shares a statement with
their clinician, the clinician signs in with a code from their authenticator,
reads and comments, the member sees the comment and the access log, stops
sharing, and the clinician's next request finds nothing."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from django.test import Client
from playwright.sync_api import expect

from worksheets.models import AccessLogEntry, Comment, Share

from ..conftest import sign_in
from ..factories import PASSWORD, current_totp_code, make_statement
from .conftest import PHONE, assert_accessible, watch

pytestmark = pytest.mark.django_db(transaction=True)

STATEMENT_TEXT = "Mornings are slow, and a kind word helps."
COMMENT = "Shall we talk about mornings next time?"


def signed_in(context, live_server, user) -> None:
    client = sign_in(Client(), user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def fresh_totp_code() -> str:
    """A code with a few seconds of its period left, so it is still valid
    when the form arrives."""
    period = mfa_settings.TOTP_PERIOD
    while period - time.time() % period < 3:
        time.sleep(0.5)
    return current_totp_code()


def test_member_shares_clinician_reads_and_comments_member_stops_sharing(
    live_server, page, browser, member, clinician
):
    statement = make_statement(member, title="For my therapist", experience=STATEMENT_TEXT)
    code = clinician.clinician_profile.share_code_display

    # The member shares the statement.
    signed_in(page.context, live_server, member)
    page.goto(live_server.url + "/worksheets/")
    page.get_by_role("link", name="Sharing with a clinician").click()
    assert_accessible(page)
    page.get_by_role("link", name="Share with a clinician").click()
    assert_accessible(page)
    page.get_by_label("Your clinician's share code").fill(code.lower())
    page.get_by_role("button", name="Next").click()
    page.get_by_role("heading", name="Choose what to share").wait_for()
    expect(page.get_by_text(clinician.display_name).first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("For my therapist").check()
    page.get_by_label("For 30 days").check()
    page.get_by_role("button", name="Next: check and confirm").click()
    page.get_by_role("heading", name="Check and confirm").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name=f"Yes, share these with {clinician.display_name}").click()
    page.get_by_role("heading", name="Sharing now").wait_for()
    assert_accessible(page)
    assert Share.objects.active().filter(owner=member, clinician=clinician).exists()

    # The clinician signs in with their password and a code, reads, and comments.
    context = browser.new_context()
    clinician_page = context.new_page()
    problems = watch(clinician_page)
    clinician_page.goto(live_server.url + "/accounts/login/")
    clinician_page.get_by_label("Email").fill(clinician.email)
    clinician_page.get_by_label("Password").fill(PASSWORD)
    clinician_page.get_by_role("button", name="Sign In").click()
    clinician_page.wait_for_url("**/2fa/authenticate/")
    assert_accessible(clinician_page)
    clinician_page.locator("input[name=code]").fill(fresh_totp_code())
    clinician_page.get_by_role("button", name="Sign In").click()
    clinician_page.get_by_role("link", name="Sign out").wait_for()
    nav = clinician_page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Clinician").click()
    clinician_page.get_by_role("heading", name="Clinician dashboard").wait_for()
    expect(clinician_page.get_by_text("New to you")).to_be_visible()
    assert_accessible(clinician_page)
    clinician_page.get_by_role("link", name="For my therapist").click()
    clinician_page.get_by_text(STATEMENT_TEXT).wait_for()
    assert not clinician_page.get_by_role("link", name="Edit").count()
    assert_accessible(clinician_page)
    clinician_page.get_by_label("Your comment").fill(COMMENT)
    clinician_page.get_by_role("button", name="Send comment").click()
    clinician_page.get_by_text("Your comment is sent.").wait_for()
    assert Comment.objects.get().text == COMMENT
    statement_url = clinician_page.url.split("#")[0]

    # The member sees the comment and the access log, then stops sharing.
    page.goto(f"{live_server.url}/worksheets/statements/{statement.pk}/")
    page.get_by_text(COMMENT).wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Change or stop sharing").click()
    log = page.locator(".access-log")
    assert clinician.display_name in log.inner_text()
    assert "For my therapist" in log.inner_text()
    assert AccessLogEntry.objects.filter(owner=member).count() == 2
    page.get_by_role("link", name=f"Stop sharing with {clinician.display_name}").click()
    page.get_by_role("heading", name="Stop sharing with").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, stop sharing").click()
    page.get_by_text("You have stopped sharing with").wait_for()
    expect(page.get_by_text("You are not sharing anything right now.")).to_be_visible()
    # The clinician's very next request finds nothing.
    response = clinician_page.goto(statement_url)
    assert response.status == 404
    assert not clinician_page.get_by_text(STATEMENT_TEXT).count()
    clinician_page.goto(live_server.url + "/clinician/")
    expect(clinician_page.get_by_text("Nobody is sharing with you right now.")).to_be_visible()
    assert_accessible(clinician_page)
    context.close()
    assert not problems, problems


def test_sharing_works_on_a_phone_without_javascript(live_server, browser, member, clinician):
    make_statement(member, title="For my counsellor")
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    signed_in(context, live_server, member)
    page = context.new_page()
    page.goto(live_server.url + "/worksheets/sharing/new/")
    page.get_by_label("Your clinician's share code").fill(clinician.clinician_profile.share_code)
    page.get_by_role("button", name="Next").click()
    page.get_by_label("For my counsellor").check()
    page.get_by_label("Until I stop sharing").check()
    page.get_by_role("button", name="Next: check and confirm").click()
    expect(page.get_by_text("Until you stop sharing.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("button", name="Yes, share these with").click()
    page.get_by_role("heading", name="Sharing now").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert Share.objects.get().expires_at is None
    context.close()
