import pytest
from django.test import Client
from playwright.sync_api import expect

from worksheets.models import NeedsStatement, SecurityCheck

from ..conftest import sign_in
from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(context, live_server, user) -> None:
    client = sign_in(Client(), user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def record_check(page, ratings: list[str]) -> None:
    page.get_by_role("link", name="Check again").or_(
        page.get_by_role("link", name="Do a first check")
    ).click()
    page.wait_for_url("**/checks/new/")
    for element, rating in zip(
        ["Consistency", "Availability", "Reliability", "Responsiveness", "Predictability"],
        ratings,
        strict=True,
    ):
        group = page.get_by_role("group", name=element)
        group.get_by_label(rating, exact=True).check()
    assert_accessible(page)
    page.get_by_role("button", name="Save this check").click()


def test_member_writes_a_statement_prints_it_and_checks_a_relationship(live_server, page, member):
    signed_in(page.context, live_server, member)
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Worksheets").click()
    page.wait_for_url("**/worksheets/")
    assert_accessible(page)

    page.get_by_role("link", name="Write a new statement").click()
    assert_accessible(page)
    page.get_by_label("Name this statement").fill("For my partner")
    page.get_by_label("What depression is like for me").fill("Like moving through fog.")
    page.get_by_label("Listen to me without jumping in to fix things").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Like moving through fog.").wait_for()
    expect(page.get_by_text("Last saved")).to_be_visible()
    assert_accessible(page)
    assert NeedsStatement.objects.get(owner=member).title == "For my partner"

    page.get_by_role("link", name="Printable page").click()
    page.get_by_role("button", name="Print").wait_for()
    assert not page.get_by_role("navigation", name="Main").count()
    assert_accessible(page)
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print")).not_to_be_visible()
    expect(page.get_by_text("Like moving through fog.")).to_be_visible()
    expect(page.get_by_role("heading", name="Need help right now?")).to_be_visible()
    page.emulate_media(media="screen")

    page.goto(live_server.url + "/worksheets/")
    page.get_by_role("link", name="Add a relationship").click()
    page.get_by_label("Name or nickname").fill("Jo")
    page.get_by_label("Kind").select_option("family")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Jo", exact=True).wait_for()

    record_check(page, ["Sometimes", "Mostly", "Not yet", "Sometimes", "Mostly"])
    page.get_by_role("heading", name="Where to start").wait_for()
    record_check(page, ["Mostly", "Yes", "Sometimes", "Sometimes", "Yes"])
    page.get_by_role("heading", name="Where to start").wait_for()

    assert SecurityCheck.objects.filter(owner=member).count() == 2
    chart = page.get_by_role("img", name="Ratings on")
    expect(chart).to_be_visible()
    where = page.locator(".where-to-start")
    # One first step (a tie goes to the earlier element), the rest behind "More ideas".
    assert "One first step: Reliability" in where.inner_text()
    assert "Responsiveness (sometimes)" not in where.inner_text()
    where.get_by_text("More ideas").click()
    assert "Responsiveness (sometimes)" in where.inner_text()
    expect(page.get_by_role("heading", name="Over time")).to_be_visible()
    expect(page.locator(".element-trends").get_by_role("img", name="Reliability:")).to_be_visible()
    assert_accessible(page)


def test_worksheets_work_on_a_phone_without_javascript(live_server, browser, member):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    signed_in(context, live_server, member)
    page = context.new_page()
    page.goto(live_server.url + "/worksheets/statements/new/")
    page.get_by_label("Name this statement").fill("For my friends")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Printable page").click()
    expect(page.get_by_text("use your browser's Print command")).to_be_visible()
    expect(page.get_by_role("button", name="Print")).not_to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.goto(live_server.url + "/worksheets/relationships/new/")
    page.get_by_label("Name or nickname").fill("Sam")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Do a first check").click()
    for element in ["Consistency", "Availability", "Reliability", "Responsiveness"]:
        page.get_by_role("group", name=element).get_by_label("Mostly", exact=True).check()
    page.get_by_role("group", name="Predictability").get_by_label("Not yet", exact=True).check()
    page.get_by_role("button", name="Save this check").click()
    page.get_by_role("heading", name="Where to start").wait_for()
    assert "One first step: Predictability" in page.locator(".where-to-start").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_role("link", name="Delete this check").click()
    page.get_by_role("button", name="Yes, delete it").click()
    page.get_by_text("No checks yet.").wait_for()
    assert not SecurityCheck.objects.filter(owner=member).exists()
    context.close()
