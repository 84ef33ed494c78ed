"""The admin pages Connect customises, in a browser: axe, the import pages,
and list columns that fit at 1280 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

from tests.conftest import sign_in
from tests.factories import make_activity, make_clinician, make_kind

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
HEADER = (
    "slug,title,summary,body,first_step,why_it_helps,setting,effort,kinds,status,order,"
    "source_note,links_to_helplines,links,messages"
)
GOOD_ROW = 'walk,A walk,Go outside.,,,,out,low,walks,draft,5,,no,"Park | https://example.org/",'
BAD_ROW = "bad,,Nothing.,,,,moon,low,nope,draft,x,,maybe,,"


@pytest.fixture
def admin_page(browser, live_server, admin_user):
    # No CSP watcher here: axe sets inline styles on some admin pages while it
    # checks them (tests/browser/test_journeys.py opens them with the watcher).
    context = browser.new_context(viewport=DESKTOP)
    client = sign_in(Client(), admin_user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    yield page
    context.close()


def violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{violation['id']} {[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize(("rows", "expect"), [([GOOD_ROW], "Preview"), ([BAD_ROW], "Line 2")])
def test_import_previews_and_problems_pass_axe(live_server, admin_page, tmp_path, rows, expect):
    make_kind(slug="walks", name="Walks")
    upload = tmp_path / "activities.csv"
    upload.write_text("\n".join([HEADER, *rows]))
    page = admin_page
    page.goto(live_server.url + "/admin/activities/activity/import/")
    page.get_by_label("File to import").set_input_files(str(upload))
    page.get_by_label("Format").select_option(label="csv")
    page.get_by_role("button", name="Submit").click()
    page.get_by_text(expect).first.wait_for()
    assert violations(page) == []


@pytest.mark.parametrize(
    "path", ["/admin/activities/activity/", "/admin/accounts/clinicianprofile/"]
)
def test_admin_lists_fit_1280_px_without_a_scroll_bar(live_server, admin_page, path):
    for n in range(5):
        make_activity(title=f"Say hello to a neighbour over the fence, number {n}")
        make_clinician(verified=False, display_name=f"Dr. Applicant Number {n}")
    admin_page.goto(live_server.url + path)
    overflow = admin_page.locator("#changelist .results").evaluate(
        "box => box.scrollWidth - box.clientWidth"
    )
    assert overflow <= 0
