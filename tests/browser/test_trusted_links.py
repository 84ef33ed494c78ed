"""A link for someone you trust, in a browser on a 375 px phone: the member
makes it from the Sharing page, the person opens it without an account, and
after the member stops it the same address finds nothing. No axe
violations and nothing spilling sideways on any of the pages."""

import pytest
from django.test import Client

from ..conftest import sign_in
from ..factories import make_statement
from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

SMALL_PHONE = {"width": 375, "height": 812}
STATEMENT_TEXT = "Mornings are slow, and a kind word helps."


def signed_in(context, live_server, user) -> None:
    client = sign_in(Client(), user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"]
    assert_accessible(page)


def test_a_link_is_made_read_by_the_sister_then_stopped(live_server, page, browser, member):
    make_statement(member, title="For my sister", experience=STATEMENT_TEXT)
    page.set_viewport_size(SMALL_PHONE)
    signed_in(page.context, live_server, member)

    page.goto(live_server.url + "/worksheets/sharing/")
    fits(page)
    page.get_by_role("link", name="Make a link for someone you trust").click()
    page.get_by_label("Who is it for?").wait_for()  # the next page has loaded
    fits(page)
    page.get_by_label("For my sister (needs statement)").check()
    page.get_by_label("Who is it for?").fill("My sister")
    page.get_by_label("For 7 days").check()
    page.get_by_role("button", name="Make the link").click()
    page.get_by_role("heading", name="Your link is ready").wait_for()
    fits(page)
    url = page.get_by_label("The link").input_value()
    assert url.startswith(live_server.url + "/worksheets/link/")
    sms = page.get_by_role("link", name="Send as a text message").get_attribute("href")
    assert sms.startswith("sms:")

    # The sister, on her own phone, with no account.
    sister = browser.new_context(viewport=SMALL_PHONE)
    reader = sister.new_page()
    response = reader.goto(url)
    assert response.status == 200
    assert response.headers["referrer-policy"] == "no-referrer"
    reader.get_by_text(STATEMENT_TEXT).wait_for()
    fits(reader)

    # The member sees the open and stops the link.
    page.goto(live_server.url + "/worksheets/sharing/")
    page.get_by_text("Opened once").wait_for()
    page.get_by_role("link", name="Stop the link (My sister)").click()
    page.get_by_role("button", name="Yes, stop the link").wait_for()
    fits(page)
    page.get_by_role("button", name="Yes, stop the link").click()
    page.get_by_text("Links that no longer open").wait_for()

    response = reader.goto(url)
    assert response.status == 404
    reader.get_by_role("heading", name="This link does not open anything").wait_for()
    assert STATEMENT_TEXT not in reader.content()
    fits(reader)
    sister.close()
