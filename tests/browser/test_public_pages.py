"""The four public pages and the footer that links to them: accessible at phone
and desktop widths, and working without JavaScript."""

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, watch

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = {
    "/about/": "About Connect",
    "/being-with-people/": "Tips for being with people",
    "/privacy/": "Privacy notice",
    "/accessibility/": "Accessibility",
}
WIDTHS = [375, 1280]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_page_and_its_footer_are_accessible(live_server, browser, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    problems = watch(page)
    for path in [*PAGES, "/accounts/signup/"]:
        page.goto(live_server.url + path)
        footer = page.get_by_role("navigation", name="About Connect")
        for label in PAGES.values():
            expect(footer.get_by_role("link", name=label, exact=True)).to_be_visible()
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    assert not problems, problems
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_footer_links_work_without_javascript(live_server, browser, width):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.goto(live_server.url + "/")
    footer = page.get_by_role("navigation", name="About Connect")
    for path, label in PAGES.items():
        footer.get_by_role("link", name=label, exact=True).click()
        page.wait_for_url(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
    context.close()
