import pytest

from tests.factories import PASSWORD, make_member

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

ACCOUNT_PAGES = [
    "/accounts/profile/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/sessions/",
    "/accounts/logout/",
    "/accounts/data/",
    "/accounts/data/print/",
    "/accounts/delete/",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_account_pages_are_accessible_in_both_colour_schemes(live_server, page, scheme):
    member = make_member()
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_login").fill(member.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(live_server.url + "/today/")
    for path in ["/", "/today/", "/activities/reminders/", *ACCOUNT_PAGES]:
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.dataset.bsTheme") == scheme
        assert_accessible(page)
