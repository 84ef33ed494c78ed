import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from helplines.models import ProblemReport
from tests.conftest import sign_in
from tests.factories import make_member, make_support_line

from .conftest import PHONE, assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

# The narrowest common phone.
SMALL_PHONE = {"width": 375, "height": 812}


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
        source_date=timezone.localdate().replace(year=timezone.localdate().year - 3),
    )


def card_names(page) -> list[str]:
    return page.locator("article.line-card h3").all_inner_texts()


def assert_landed_on_results(page) -> None:
    """The browser scrolls to #results once the page has laid out. Polled from
    here, since pages without JavaScript can't run a wait in the page."""
    top = None
    for _ in range(50):
        top = page.evaluate("document.getElementById('results').getBoundingClientRect().top")
        if abs(top) < 100:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"The results start {top}px from the top of the screen.")


def test_visitor_picks_a_state_on_a_phone_and_lands_on_the_results(
    live_server, page, starter_directory
):
    page.set_viewport_size(SMALL_PHONE)
    page.goto(live_server.url + "/helplines/")
    expect(page.get_by_role("heading", name="If you are in crisis")).to_be_visible()
    # Crisis lines come first but compact: their long descriptions wait behind
    # a disclosure, so the state picker is near the top of the page.
    expect(page.locator(".line-card-crisis .line-details p").first).to_be_hidden()
    expect(page.locator('.line-card-crisis a[href="tel:988"]').first).to_be_visible()
    picker_top = page.locator("#id_state").bounding_box()["y"]
    assert picker_top < 1.5 * SMALL_PHONE["height"], picker_top
    assert_accessible(page)

    page.get_by_label("Your US state").select_option("CA")
    page.get_by_role("button", name="Show lines").click()
    page.wait_for_url("**/helplines/?state=CA#results")
    expect(page.get_by_role("heading", name="Warmlines in California")).to_be_in_viewport()
    assert_landed_on_results(page)
    names = card_names(page)
    assert names[:3] == [
        "988 Suicide & Crisis Lifeline",
        "Crisis Text Line",
        "Veterans Crisis Line",
    ]
    assert names.index("California Peer-Run Warm Line") < names.index("Nevada Test Warmline")
    assert names.index("Nevada Test Warmline") < names.index("SQSH Peer Support Line")
    assert names.index("SQSH Peer Support Line") < names.index("NAMI HelpLine")
    expect(page.get_by_text("Last confirmed October 2025 by").first).to_be_visible()
    expect(page.get_by_text("Numbers change").first).to_be_visible()
    # Nothing spills sideways on a 375px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"]
    assert_accessible(page)

    page.locator("#line-988-lifeline summary").click()
    expect(page.get_by_text("Press 2 on a call").first).to_be_visible()
    assert_accessible(page)

    page.locator("#line-california-peer-run-warm-line").get_by_role(
        "link", name="This number didn't work"
    ).click()
    expect(page.get_by_role("heading", name="This number didn't work")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"]
    assert_accessible(page)


def test_finder_is_accessible_in_dark_mode(live_server, browser, starter_directory):
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    page.goto(live_server.url + "/helplines/?state=NC")
    assert page.evaluate("document.documentElement.dataset.bsTheme") == "dark"
    assert_accessible(page)
    context.close()


def test_finder_and_report_work_without_javascript(live_server, browser, starter_directory):
    context = browser.new_context(java_script_enabled=False, viewport=SMALL_PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/helplines/")
    page.get_by_label("Your US state").select_option("NC")
    page.get_by_role("button", name="Show lines").click()
    page.wait_for_url("**/helplines/?state=NC#results")
    assert "North Carolina Peer Warmline" in card_names(page)
    assert_landed_on_results(page)
    page.locator("#line-crisis-text-line summary").click()
    expect(page.get_by_text("Texting HOME is the usual way to start")).to_be_visible()

    card = page.locator("#line-north-carolina-peer-warmline")
    card.get_by_role("link", name="This number didn't work").click()
    expect(page.get_by_role("heading", name="This number didn't work")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"]
    page.get_by_label("What happened? (optional)").fill("Nobody answered at 3 pm")
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_url("**/helplines/?state=NC#results")
    expect(page.get_by_text("Thank you for telling us about North Carolina")).to_be_visible()
    report = ProblemReport.objects.get()
    assert report.line.slug == "north-carolina-peer-warmline"
    assert report.note == "Nobody answered at 3 pm"
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
    page.wait_for_url("**/helplines/?state=NC#results")
    expect(page.get_by_text("We'll show North Carolina first")).to_be_visible()
    assert User.objects.get(pk=member.pk).home_state == "NC"
    page.goto(live_server.url + "/helplines/")
    expect(page.get_by_role("heading", name="Warmlines in North Carolina")).to_be_visible()
    assert_accessible(page)
    context.close()
