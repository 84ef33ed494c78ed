"""Crisis help in view, and the offline crisis card, in Chromium.

Phones here are 375 pixels wide, the narrowest common width.
"""

import re
import time

import pytest
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import expect

from tests.factories import make_statement

from ..conftest import sign_in
from .conftest import assert_accessible, watch

pytestmark = pytest.mark.django_db(transaction=True)

NARROW = {"width": 375, "height": 740}

CACHED_URLS = """async () => {
  const found = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    found[name] = (await cache.keys()).map((request) => new URL(request.url).pathname
      + new URL(request.url).search);
  }
  return found;
}"""

CACHED_TEXT = """async () => {
  const texts = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      texts.push(await (await cache.match(request)).text());
    }
  }
  return texts.join("\\n");
}"""


def signed_in(context, live_server, user) -> None:
    client = sign_in(Client(), user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def wait_for_service_worker(page) -> None:
    """Until the worker controls the page, with its caches filled."""
    page.evaluate("navigator.serviceWorker.ready")
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def wait_until(page, script: str, arg=None, timeout: float = 10) -> None:
    """Poll an async script until it returns true. (page.wait_for_function
    takes the promise an async function returns as a true value.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"Timed out waiting for {script}"
        page.wait_for_timeout(100)


def wait_for_card(page, url: str) -> None:
    wait_until(
        page,
        """async (url) => {
          const cache = await caches.open("connect-card");
          const keys = await cache.keys();
          return keys.length === 1 && keys[0].url.endsWith(url);
        }""",
        url,
    )


def assert_nothing_private_cached(page) -> None:
    for name, urls in page.evaluate(CACHED_URLS).items():
        assert name.startswith(("connect-public-", "connect-card")), name
        for url in urls:
            assert url.startswith(("/static/", "/offline/")), (name, url)


@pytest.fixture
def starter_directory():
    call_command("load_starter_helplines")


@pytest.fixture
def narrow_page(page):
    page.set_viewport_size(NARROW)
    return page


def test_get_help_now_is_in_the_header_at_375px_and_jumps_to_the_crisis_lines(
    live_server, narrow_page
):
    page = narrow_page
    page.goto(live_server.url + "/activities/")
    header = page.locator("header.site-header")
    get_help = header.get_by_role("link", name="Get help now")
    expect(get_help).to_be_visible()
    # Brand, Get help now and the menu button share one row; nothing spills sideways.
    toggler = header.get_by_role("button", name="Show or hide the menu")
    assert abs(get_help.bounding_box()["y"] - toggler.bounding_box()["y"]) < 12
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    assert_accessible(page)

    # By keyboard: skip link, brand, then Get help now.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(get_help).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**#crisis-help-heading")
    expect(page.get_by_role("heading", name="Need help right now?")).to_be_in_viewport()
    expect(page.locator('footer a[href="tel:988"]')).to_be_in_viewport()
    page.keyboard.press("Tab")
    expect(page.locator('footer a[href="tel:988"]')).to_be_focused()

    # The phone menu still opens and closes.
    page.goto(live_server.url + "/activities/")
    toggler.click()
    expect(page.get_by_role("link", name="Helplines")).to_be_visible()
    expect(get_help).to_be_visible()
    # Bootstrap ignores a click while the menu is still sliding open.
    expect(page.locator("#main-nav")).to_have_class(re.compile(r"^(?!.*collapsing).*\bshow\b"))
    assert_accessible(page)
    toggler.click()
    expect(page.get_by_role("link", name="Helplines")).to_be_hidden()


@pytest.mark.parametrize("width", [320, 375, 768, 991, 992, 1280])
def test_get_help_now_stays_in_view_beside_the_longest_menu(live_server, browser, clinician, width):
    """A clinician who is also staff has the most menu links."""
    clinician.is_staff = True
    clinician.save(update_fields=["is_staff"])
    context = browser.new_context(viewport={"width": width, "height": 700})
    signed_in(context, live_server, clinician)
    page = context.new_page()
    page.goto(live_server.url + "/clinician/")
    get_help = page.get_by_role("link", name="Get help now")
    expect(get_help).to_be_in_viewport()
    box = get_help.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_get_help_now_on_a_signed_in_page_and_in_dark_mode(live_server, browser, member):
    context = browser.new_context(viewport=NARROW, color_scheme="dark")
    signed_in(context, live_server, member)
    page = context.new_page()
    page.goto(live_server.url + "/worksheets/")
    expect(page.get_by_role("link", name="Get help now")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    assert_accessible(page)
    context.close()


def test_get_help_now_on_the_not_found_page_and_wide_screens(live_server, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/no-such-page/")
    get_help = page.get_by_role("link", name="Get help now")
    expect(get_help).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size(NARROW)
    expect(get_help).to_be_visible()
    assert_accessible(page)


def test_get_help_now_works_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport=NARROW)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Get help now").click()
    page.wait_for_url("**#crisis-help-heading")
    expect(page.locator('footer a[href="tel:988"]')).to_be_in_viewport()
    context.close()


def test_the_offline_card_appears_with_the_network_off(live_server, narrow_page, starter_directory):
    page = narrow_page
    page.goto(live_server.url + "/helplines/?state=OR")
    wait_for_service_worker(page)
    # The worker took control after the page loaded; a second visit is the one
    # it sees, as when a member comes back to the page.
    page.reload()
    wait_for_card(page, "/offline/?state=OR&lang=en")

    page.context.set_offline(True)
    page.goto(live_server.url + "/activities/")
    expect(page.get_by_role("heading", name="Help by phone or text")).to_be_visible()
    expect(page.get_by_role("link", name="Call 988").first).to_be_visible()
    expect(page.get_by_role("heading", name="Warmlines for Oregon")).to_be_visible()
    expect(page.get_by_role("link", name="Get help now")).to_be_visible()
    # Styled from the cache, and as usable as any page.
    assert page.evaluate("getComputedStyle(document.body).display") == "flex"
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    assert_accessible(page)
    page.context.set_offline(False)


def test_a_signed_in_member_leaves_nothing_private_in_cache_storage(
    live_server, browser, member, starter_directory
):
    member.home_state = "NC"
    member.save(update_fields=["home_state"])
    context = browser.new_context(viewport=NARROW)
    signed_in(context, live_server, member)
    page = context.new_page()
    page.goto(live_server.url + "/helplines/")
    wait_for_service_worker(page)
    for path in ["/worksheets/", "/activities/my/", "/accounts/profile/", "/helplines/"]:
        page.goto(live_server.url + path)
    # Without ?state=, the card holds the member's saved state.
    wait_for_card(page, "/offline/?lang=en")
    assert_nothing_private_cached(page)
    cached = page.evaluate(CACHED_TEXT)
    assert "North Carolina" in cached
    assert member.display_name not in cached
    assert member.email not in cached
    assert "csrfmiddlewaretoken" not in cached

    context.set_offline(True)
    page.goto(live_server.url + "/worksheets/")
    expect(page.get_by_role("heading", name="Warmlines for North Carolina")).to_be_visible()
    assert member.display_name not in page.content()
    context.close()


def test_the_offline_card_follows_the_language_the_member_picks(
    live_server, browser, starter_directory
):
    context = browser.new_context(locale="en-US", viewport=NARROW)
    page = context.new_page()
    page.goto(live_server.url + "/helplines/?state=OR")
    wait_for_service_worker(page)
    page.reload()
    wait_for_card(page, "/offline/?state=OR&lang=en")

    # The footer's switcher: the page it returns to is in Spanish, and so,
    # from then on, is the card, for the same state.
    page.goto(live_server.url + "/about/")
    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change language").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Acerca de Connect")
    wait_for_card(page, "/offline/?state=OR&lang=es")

    context.set_offline(True)
    page.goto(live_server.url + "/activities/")
    assert page.get_attribute("html", "lang") == "es"
    expect(
        page.get_by_role("heading", name="Ayuda por teléfono o mensaje de texto")
    ).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("de Oregón|de Oregon"))).to_be_visible()
    context.set_offline(False)

    # And back again.
    page.goto(live_server.url + "/about/")
    page.get_by_label("Idioma").select_option("en")
    page.get_by_role("button", name="Cambiar idioma").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("About Connect")
    wait_for_card(page, "/offline/?state=OR&lang=en")
    context.close()


def test_the_offline_card_follows_a_members_saved_language_not_the_browsers(
    live_server, browser, member, starter_directory
):
    member.language = "es"
    member.home_state = "NC"
    member.save(update_fields=["language", "home_state"])
    context = browser.new_context(locale="en-US", viewport=NARROW)
    signed_in(context, live_server, member)
    page = context.new_page()
    page.goto(live_server.url + "/activities/")
    wait_for_service_worker(page)
    page.goto(live_server.url + "/activities/my/")
    wait_for_card(page, "/offline/?lang=es")
    assert_nothing_private_cached(page)
    cached = page.evaluate(CACHED_TEXT)
    assert "Ayuda por teléfono o mensaje de texto" in cached
    assert member.display_name not in cached

    context.set_offline(True)
    page.goto(live_server.url + "/worksheets/")
    expect(
        page.get_by_role("heading", name="Ayuda por teléfono o mensaje de texto")
    ).to_be_visible()
    context.close()


KEEP_PAGE = "/keep-test/"


@pytest.mark.urls("tests.browser.keep_urls")
def test_keep_on_device_is_off_by_default_and_signing_out_clears_it(
    live_server, browser, member, starter_directory
):
    make_statement(member, title="Notes for my sister")
    context = browser.new_context(viewport=NARROW)
    signed_in(context, live_server, member)
    page = context.new_page()
    problems = watch(page)
    page.goto(live_server.url + KEEP_PAGE)
    wait_for_service_worker(page)
    page.reload()
    keep = page.get_by_role("checkbox", name="Keep my worksheets on this device")
    expect(keep).to_be_visible()
    expect(keep).not_to_be_checked()
    page.goto(live_server.url + "/worksheets/")
    assert_nothing_private_cached(page)

    # Off: with the network cut, the worksheets page is not there, only the card.
    context.set_offline(True)
    page.goto(live_server.url + "/worksheets/")
    expect(page.get_by_role("heading", name="Help by phone or text")).to_be_visible()
    context.set_offline(False)

    page.goto(live_server.url + KEEP_PAGE)
    assert_accessible(page)
    keep.check()
    expect(page.get_by_role("status")).to_contain_text("Kept on this device")
    assert page.evaluate(CACHED_URLS)["connect-kept"] == ["/worksheets/"]
    context.set_offline(True)
    page.goto(live_server.url + "/worksheets/")
    expect(page.get_by_role("heading", name="Your worksheets")).to_be_visible()
    expect(page.get_by_text("Notes for my sister")).to_be_visible()
    context.set_offline(False)

    # Only pages under a keepable prefix can be kept.
    refused = page.evaluate(
        """async () => {
          const registration = await navigator.serviceWorker.ready;
          return new Promise((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = (event) => resolve(event.data);
            registration.active.postMessage(
              { type: "keep", urls: ["/accounts/profile/"] }, [channel.port2]);
          });
        }"""
    )
    assert "can't be kept" in refused["error"]
    assert page.evaluate(CACHED_URLS)["connect-kept"] == ["/worksheets/"]

    # Turning it off removes the copy.
    page.goto(live_server.url + KEEP_PAGE)
    expect(keep).to_be_checked()
    keep.uncheck()
    expect(page.get_by_role("status")).to_contain_text("Not kept on this device")
    assert "connect-kept" not in page.evaluate(CACHED_URLS)

    # Signing out removes it too, and keeps the public crisis card.
    keep.check()
    expect(page.get_by_role("status")).to_contain_text("Kept on this device")
    page.goto(live_server.url + "/accounts/logout/")
    page.get_by_role("main").get_by_role("button", name="Sign out").click()
    page.wait_for_url(live_server.url + "/")
    wait_until(page, "async () => !(await caches.has('connect-kept'))")
    assert_nothing_private_cached(page)
    assert "Notes for my sister" not in page.evaluate(CACHED_TEXT)
    context.set_offline(True)
    page.goto(live_server.url + "/worksheets/")
    expect(page.get_by_role("heading", name="Help by phone or text")).to_be_visible()
    context.close()
    assert not problems, problems
