import pytest
from playwright.sync_api import expect

from accounts.models import User

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_signs_up_and_lands_on_today(live_server, page, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    page.goto(live_server.url + "/")
    assert_accessible(page)

    page.get_by_role("link", name="Sign up").first.click()
    page.wait_for_url("**/accounts/signup/")
    assert_accessible(page)
    page.get_by_label("Email").fill("new.member@example.com")
    page.get_by_label("Display name").fill("Kit")
    page.locator("#id_password1").fill("a-fresh-long-password-7")
    page.locator("#id_password2").fill("a-fresh-long-password-7")
    page.get_by_label("I am 13 or older").check()
    page.get_by_role("button", name="Sign Up").click()

    page.wait_for_url(live_server.url + "/today/")
    assert_accessible(page)
    expect(page.get_by_role("link", name="Sign out")).to_be_visible()
    assert User.objects.get(email="new.member@example.com").display_name == "Kit"


def test_sign_in_page_is_accessible(live_server, page):
    page.goto(live_server.url + "/accounts/login/")
    expect(page.get_by_role("heading", name="Sign In")).to_be_visible()
    assert_accessible(page)


def test_menu_works_on_a_phone_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
    expect(nav.get_by_role("link", name="Helplines")).to_be_visible()
    context.close()


def test_skip_link_moves_focus_to_the_main_content(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
