"""Browser tests: Playwright driving the system Chromium against live_server.

Without Chromium these tests skip with a reason, unless REQUIRE_BROWSER=1 is
set (as .ci/run does), in which case they fail.
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}

# Playwright's sync API keeps an event loop running in the test thread, and
# Django's ORM refuses to run beside one unless told it is safe. It is safe
# here: the app has no async code. It must be set before any fixture touches
# the database, so it is set when this file loads.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    """Mark every browser test `browser` while collecting, so `-m` can select
    or leave them out; skip them when Chromium is missing, unless
    REQUIRE_BROWSER=1 asks for them to fail instead."""
    browser_items = [i for i in items if "tests/browser/" in i.path.as_posix()]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if CHROMIUM.exists() or os.environ.get("REQUIRE_BROWSER") == "1":
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}; browser tests skipped")
    for item in browser_items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail(f"REQUIRE_BROWSER=1 but Chromium is missing at {CHROMIUM}")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


def watch(page) -> list[str]:
    """Collect the page's Content-Security-Policy violations and JavaScript
    errors into the returned list."""
    problems: list[str] = []
    page.on(
        "console",
        lambda msg: (
            problems.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    return problems


@pytest.fixture
def page(page):
    """Every browser test fails on a Content-Security-Policy violation or a
    JavaScript error."""
    problems = watch(page)
    yield page
    assert not problems, problems


@pytest.fixture
def phone_page(page):
    page.set_viewport_size(PHONE)
    return page


def assert_accessible(page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
