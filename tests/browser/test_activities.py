import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from activities.models import ActivityLog, Plan
from tests.conftest import sign_in
from tests.factories import make_log

from .conftest import PHONE, assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalogue():
    call_command("load_starter_catalogue")


def sign_in_browser(page, live_server, user) -> None:
    client = sign_in(Client(), user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def sms_body(href: str) -> str:
    assert href.startswith("sms:?&body="), href
    return unquote(href.removeprefix("sms:?&body="))


def test_check_in_save_log_and_see_progress_on_a_phone(live_server, phone_page, catalogue, member):
    page = phone_page
    sign_in_browser(page, live_server, member)
    page.goto(live_server.url + "/activities/")
    assert_accessible(page)

    page.get_by_label("Very little").check()
    page.get_by_label("Not today").check()
    page.get_by_role("button", name="Show me ideas").click()
    page.wait_for_url(re.compile(r".*effort=low.*"))
    assert "setting=home" in page.url
    results = page.locator(".activity-card")
    assert results.count() == 9
    for tags in results.locator(".activity-tags").all_inner_texts():
        assert "At home" in tags and "Low effort" in tags

    page.get_by_role("link", name="Send someone a short text").click()
    page.wait_for_url("**/activities/send-a-short-text/")
    assert_accessible(page)
    page.get_by_role("button", name="Save to My activities").click()
    expect(page.get_by_text("Saved to My activities.")).to_be_visible()
    assert Plan.objects.filter(owner=member).count() == 1

    page.get_by_role("navigation", name="Main").get_by_role(
        "button", name="Show or hide the menu"
    ).click()
    page.get_by_role("link", name="My activities").click()
    page.wait_for_url("**/activities/my/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"^I did it\W+Send someone a short text$")).click()

    page.wait_for_url("**/log/?plan=*")
    assert_accessible(page)
    page.get_by_role("group", name="Your mood before").get_by_text("3", exact=True).click()
    page.get_by_role("group", name="Your mood after").get_by_text("6", exact=True).click()
    page.get_by_label("A private note (optional)").fill("It was nice to hear back.")
    page.get_by_role("button", name="Save").click()

    page.wait_for_url("**/activities/my/progress/")
    expect(page.locator("svg.mood-chart")).to_be_visible()
    assert "3.0 out of 10 before and 6.0 after, 3.0 points higher." in page.inner_text(
        "#progress-summary"
    ).replace("\n", " ")
    assert_accessible(page)
    log = ActivityLog.objects.get(owner=member)
    assert (log.mood_before, log.mood_after) == (3, 6)
    assert Plan.objects.get(owner=member).is_done


def test_mood_can_be_chosen_with_the_keyboard(live_server, page, catalogue, member):
    sign_in_browser(page, live_server, member)
    page.goto(live_server.url + "/activities/sit-in-a-coffee-shop/log/")
    page.locator("#id_mood_before_0").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.locator("#id_mood_before_2").is_checked()


def test_a_ready_message_opens_as_an_sms_link_with_the_members_words(live_server, page, catalogue):
    page.goto(live_server.url + "/activities/reconnect-with-an-old-friend/")
    box = page.get_by_label("Message 1")
    box.fill("Hey Sam, it's been too long! Coffee & cake soon?")
    link = page.get_by_role("link", name="Open in my messages app").first
    assert (
        sms_body(link.get_attribute("href")) == "Hey Sam, it's been too long! Coffee & cake soon?"
    )
    expect(page.get_by_role("button", name="Copy the text").first).to_be_visible()
    expect(page.get_by_role("button", name="Use my changes").first).not_to_be_visible()
    assert_accessible(page)


def test_a_ready_message_works_without_javascript(live_server, browser, catalogue):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/activities/say-yes-to-an-invitation/")
    expect(page.get_by_role("button", name="Copy the text").first).not_to_be_visible()
    page.get_by_label("Message 2").fill("Yes please, see you at 7!")
    page.get_by_role("button", name="Use my changes").nth(1).click()
    page.wait_for_load_state()
    link = page.get_by_role("link", name="Open in my messages app").nth(1)
    assert sms_body(link.get_attribute("href")) == "Yes please, see you at 7!"
    context.close()


def test_filters_work_without_javascript_and_the_back_button_restores_them(
    live_server, browser, catalogue
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/activities/")
    page.get_by_label("Volunteering").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**kind=volunteering**")
    volunteering = page.locator(".activity-card").count()
    page.get_by_label("Where").select_option("out")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**setting=out**")
    assert page.locator(".activity-card").count() < volunteering
    page.go_back()
    page.wait_for_url(re.compile(r".*kind=volunteering"))
    assert "setting=out" not in page.url
    assert page.get_by_label("Volunteering").is_checked()
    assert page.locator(".activity-card").count() == volunteering
    context.close()


@pytest.mark.parametrize("path", ["/activities/", "/activities/call-a-warmline/"])
def test_catalogue_pages_are_accessible_in_dark_mode(live_server, page, catalogue, path):
    page.emulate_media(color_scheme="dark")
    page.goto(live_server.url + path)
    assert page.evaluate("document.documentElement.dataset.bsTheme") == "dark"
    assert_accessible(page)


def test_my_activities_and_progress_are_accessible_in_dark_mode(
    live_server, page, catalogue, member
):
    sign_in_browser(page, live_server, member)
    page.emulate_media(color_scheme="dark")
    page.goto(live_server.url + "/activities/send-a-short-text/")
    page.get_by_role("button", name="Save to My activities").click()
    page.goto(live_server.url + "/activities/send-a-short-text/log/")
    page.get_by_role("group", name="Your mood before").get_by_text("5", exact=True).click()
    page.get_by_role("group", name="Your mood after").get_by_text("4", exact=True).click()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/activities/my/progress/")
    assert_accessible(page)
    page.goto(live_server.url + "/activities/my/")
    assert_accessible(page)
    page.goto(live_server.url + "/activities/suggest/")
    assert_accessible(page)


def test_the_mood_scale_is_one_row_with_its_end_labels_on_a_phone(
    live_server, page, catalogue, member
):
    page.set_viewport_size({"width": 375, "height": 812})
    sign_in_browser(page, live_server, member)
    page.goto(live_server.url + "/activities/send-a-short-text/log/")
    scale = page.get_by_role("group", name="Your mood before")
    boxes = [label.bounding_box() for label in scale.locator("label.mood-option").all()]
    assert len(boxes) == 11
    assert len({round(box["y"]) for box in boxes}) == 1, "0 to 10 sits on one row"
    assert min(box["width"] for box in boxes) >= 24
    expect(scale.get_by_text("Very low")).to_be_visible()
    expect(scale.get_by_text("Very good")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_focused_mood_button_shows_one_focus_ring(live_server, page, catalogue, member):
    sign_in_browser(page, live_server, member)
    page.goto(live_server.url + "/activities/send-a-short-text/log/")
    page.get_by_label("When did you do it?").focus()
    focused = ""
    for _ in range(6):  # past the date's own parts, by keyboard
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id")
        if focused.startswith("id_mood_before"):
            break
    style = page.evaluate(
        """(id) => {
            const label = getComputedStyle(document.querySelector(`label[for="${id}"]`));
            return {outline: label.outlineStyle, shadow: label.boxShadow};
        }""",
        focused,
    )
    assert focused.startswith("id_mood_before")
    assert style == {"outline": "solid", "shadow": "none"}


def test_escape_closes_the_phone_menu_and_returns_focus(live_server, phone_page, member):
    page = phone_page
    sign_in_browser(page, live_server, member)
    page.goto(live_server.url + "/activities/my/")
    toggler = page.get_by_role("button", name="Show or hide the menu")
    toggler.click()
    menu = page.locator("#main-nav")
    expect(menu).to_have_class(re.compile(r"\bshow\b"))  # opened, not still opening
    page.get_by_role("link", name="Worksheets").focus()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(toggler).to_be_focused()
    expect(toggler).to_have_attribute("aria-expanded", "false")


def test_the_mood_chart_labels_are_readable_on_a_phone(live_server, phone_page, member):
    today = timezone.localdate()
    for days_ago in (30, 12, 11, 2):
        make_log(owner=member, done_on=today - timedelta(days=days_ago))
    page = phone_page
    page.set_viewport_size({"width": 375, "height": 812})
    sign_in_browser(page, live_server, member)
    page.goto(live_server.url + "/activities/my/progress/")
    heights = page.locator(".mood-chart-label").evaluate_all(
        "labels => labels.map(label => label.getBoundingClientRect().height)"
    )
    days = page.locator(".mood-chart-day").all_inner_texts()
    assert len(days) >= 2
    assert min(heights) >= 13, heights
    assert page.locator("polygon.mood-chart-after.is-up").count() == 4
