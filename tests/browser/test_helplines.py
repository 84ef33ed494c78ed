import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from tests.conftest import sign_in
from tests.factories import make_member, make_support_line

from .conftest import PHONE, assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def starter_directory():
    call_command("load_starter_helplines")
    make_support_line(
        slug="nv-warm",
        name="Nevada Test Warmline",
        region="NV",
        who_may_call="us",
        open_24_7=False,
        hours=[{"day": day, "opens": "09:00", "closes": "17:00"} for day in range(7)],
        time_zone="America/Los_Angeles",
        verified_on=timezone.localdate().replace(year=timezone.localdate().year - 2),
    )


def card_names(page) -> list[str]:
    return page.locator("article.line-card h3").all_inner_texts()


def test_visitor_picks_a_state_on_a_phone_and_sees_the_own_state_order(
    live_server, phone_page, starter_directory
):
    page = phone_page
    page.goto(live_server.url + "/helplines/")
    expect(page.get_by_role("heading", name="If you are in crisis")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Your US state").select_option("CA")
    page.get_by_role("button", name="Show lines").click()
    page.wait_for_url("**/helplines/?state=CA")
    names = card_names(page)
    assert names[:3] == [
        "988 Suicide & Crisis Lifeline",
        "Crisis Text Line",
        "Veterans Crisis Line",
    ]
    assert names.index("California Peer-Run Warm Line") < names.index("Nevada Test Warmline")
    assert names.index("Nevada Test Warmline") < names.index("NAMI HelpLine")
    expect(page.get_by_text("may have changed")).to_be_visible()
    expect(page.locator('a[href="tel:988"]').first).to_be_visible()
    # Nothing spills sideways on a 390px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)


def test_finder_is_accessible_in_dark_mode(live_server, browser, starter_directory):
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    page.goto(live_server.url + "/helplines/?state=NC")
    assert page.evaluate("document.documentElement.dataset.bsTheme") == "dark"
    assert_accessible(page)
    context.close()


def test_finder_works_without_javascript(live_server, browser, starter_directory):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/helplines/")
    page.get_by_label("Your US state").select_option("NC")
    page.get_by_role("button", name="Show lines").click()
    page.wait_for_url("**/helplines/?state=NC")
    assert "North Carolina Peer Warmline" in card_names(page)
    context.close()


def test_member_remembers_their_state(live_server, browser, starter_directory):
    member = make_member(display_name="Sam")
    client = sign_in(Client(), member)
    context = browser.new_context(viewport=PHONE)
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.goto(live_server.url + "/helplines/?state=NC")
    page.get_by_role("button", name="Remember North Carolina as my state").click()
    page.wait_for_url("**/helplines/?state=NC")
    expect(page.get_by_text("We'll show North Carolina first")).to_be_visible()
    assert User.objects.get(pk=member.pk).home_state == "NC"
    page.goto(live_server.url + "/helplines/")
    expect(page.get_by_role("heading", name="Warmlines in North Carolina")).to_be_visible()
    assert_accessible(page)
    context.close()
