"""A member turns reminders on from a phone, and the page stays accessible."""

from datetime import time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from activities.models import ReminderSettings
from tests.factories import PASSWORD, make_activity, make_member, make_plan

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

PHONE_375 = {"width": 375, "height": 740}


def sign_in(page, live_server, member) -> None:
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_login").fill(member.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(live_server.url + "/today/")


def test_a_member_turns_reminders_on_at_375_px(live_server, page):
    page.set_viewport_size(PHONE_375)
    page.emulate_media(color_scheme="light")
    member = make_member()
    make_plan(
        owner=member,
        activity=make_activity(title="Call my sister"),
        planned_for=timezone.localdate() + timedelta(days=1),
    )
    sign_in(page, live_server, member)
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Reminders and calendar").first.click()
    page.wait_for_url("**/activities/reminders/")
    assert_accessible(page)
    # The browser's zone is picked for a first visit (Chromium here runs in UTC
    # unless told otherwise); the member can change it.
    page.get_by_label("Email me a reminder on days I planned something").check()
    page.get_by_label("At what time").fill("08:15")
    page.get_by_label("Your time zone").select_option("America/Chicago")
    page.get_by_role("button", name="Save reminder settings").click()
    page.get_by_text("Reminders are on.").wait_for()
    assert_accessible(page)
    prefs = ReminderSettings.objects.get(owner=member)
    assert prefs.enabled
    assert prefs.time_of_day == time(8, 15)
    assert prefs.time_zone == "America/Chicago"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_375["width"], "nothing scrolls sideways"

    page.get_by_role("button", name="Turn on a private calendar feed").click()
    page.get_by_text("Your calendar feed is on.").wait_for()
    expect(page.get_by_role("link", name="webcal://")).to_be_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_375["width"]

    page.goto(live_server.url + "/activities/my/")
    expect(page.get_by_role("link", name="Add to calendar")).to_be_visible()
    page.get_by_role("button", name="No reminder for Call my sister").click()
    page.get_by_text("No reminder for “Call my sister”.").wait_for()
    assert_accessible(page)


def test_the_browser_time_zone_is_picked_on_a_first_visit(live_server, browser):
    member = make_member()
    context = browser.new_context(timezone_id="America/Denver", viewport=PHONE_375)
    page = context.new_page()
    sign_in(page, live_server, member)
    page.goto(live_server.url + "/activities/reminders/")
    expect(page.get_by_label("Your time zone")).to_have_value("America/Denver")
    context.close()
