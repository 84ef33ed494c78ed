"""The safety plan on a 375 px phone: written without JavaScript, read with
large call and text buttons, and free of axe violations."""

import pytest
from playwright.sync_api import expect

from worksheets.models import SafetyPlan

from .conftest import assert_accessible
from .test_worksheets import signed_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 740}


def test_a_member_writes_a_safety_plan_on_a_phone_without_javascript(live_server, browser, member):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    signed_in(context, live_server, member)
    page = context.new_page()
    page.goto(live_server.url + "/worksheets/")
    page.get_by_role("link", name="Write a safety plan").click()
    page.get_by_label("My warning signs").fill("I stop answering messages")
    person = page.get_by_role("group", name="Person 1")
    person.get_by_label("Name").fill("Aunt May")
    person.get_by_label("Phone number").fill("555-010-1234")
    page.get_by_label("What matters most to me").fill("My dog")
    expect(page.get_by_role("group", name="Service 1").get_by_label("Phone number")).to_have_value(
        "988"
    )
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="My safety plan").wait_for()
    assert SafetyPlan.objects.get(owner=member).helpers[0]["name"] == "Aunt May"

    call = page.get_by_role("link", name="Call Aunt May")
    text = page.get_by_role("link", name="Text Aunt May")
    assert call.get_attribute("href") == "tel:5550101234"
    assert text.get_attribute("href").startswith("sms:5550101234?body=")
    for link in (call, text):
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, box
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_the_safety_plan_pages_pass_axe_at_375_px(live_server, browser, member):
    context = browser.new_context(viewport=PHONE)
    signed_in(context, live_server, member)
    page = context.new_page()
    page.goto(live_server.url + "/worksheets/safety-plans/new/")
    assert_accessible(page)
    page.get_by_role("group", name="Person 1").get_by_label("Name").fill("Sam")
    page.get_by_role("group", name="Person 1").get_by_label("Phone number").fill("call")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("enter the phone number in digits").wait_for()
    assert_accessible(page)
    page.get_by_role("group", name="Person 1").get_by_label("Phone number").fill("555 0100")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Call Sam").wait_for()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("link", name="Printable page").click()
    page.get_by_role("button", name="Print").wait_for()
    assert_accessible(page)
    context.close()
