"""Every persona's journey, page by page, with real data (long titles, long
words, several relationship checks), checked the same way on every page:

- axe finds no violations, at 375 and 1280 px, in light and dark mode;
- at 375 px no page is wider than the phone;
- every form control's border keeps 3:1 contrast against what is behind it,
  in both colour schemes (WCAG 2.2, 1.4.11).

Each test visits every page and reports every failing page at once.
"""

from datetime import date, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity, ActivityStart
from tests.conftest import sign_in
from tests.factories import (
    make_activity,
    make_admin,
    make_clinician,
    make_comment,
    make_kind,
    make_log,
    make_member,
    make_plan,
    make_relationship,
    make_security_check,
    make_share,
    make_statement,
    make_support_line,
)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänswitwe"
LONG_TITLE = (
    f"Walk to the far end of the long grey pier and back again with my neighbour {LONG_WORD}"
)


@pytest.fixture
def journeys() -> dict[str, dict]:
    """Each persona with the pages of their journey, over data that stretches
    layouts: long titles and words, several checks, logs on many days."""
    call_command("load_starter_catalogue")
    kind = make_kind(slug="long-kind", name=f"Kind {LONG_WORD}")
    long_activity = make_activity(
        title=LONG_TITLE,
        slug="long-walk",
        summary=f"A summary with {LONG_WORD} in it.",
        body=f"Some **body** text, and a long word: {LONG_WORD}.",
        first_step=f"Put your shoes on. {LONG_WORD}",
        kinds=[kind],
    )
    make_activity(title="A member's idea", status=Activity.Status.SUGGESTED)
    member = make_member(display_name=f"Robin {LONG_WORD}")
    clinician = make_clinician(display_name=f"Dr. {LONG_WORD}")
    make_clinician(verified=False, display_name=f"Applicant {LONG_WORD}")
    admin = make_admin(display_name="Admin")
    make_support_line(name=f"Line {LONG_WORD}")

    today = timezone.localdate()
    for days_ago, before, after in [(20, 2, 5), (9, 6, 3), (9, 4, 4), (1, 3, 7)]:
        make_log(
            owner=member,
            activity=long_activity,
            mood_before=before,
            mood_after=after,
            done_on=today - timedelta(days=days_ago),
        )
    make_plan(owner=member, activity=long_activity, planned_for=today + timedelta(days=2))
    ActivityStart.objects.create(
        owner=member, activity=Activity.objects.get(slug="send-a-short-text"), mood_before=4
    )
    statement = make_statement(
        member,
        title=f"For my sister {LONG_WORD}"[:100],
        audience=f"My sister and {LONG_WORD}",
        experience=f"Heavy mornings. {LONG_WORD} " * 3,
    )
    relationship = make_relationship(member, name=f"Jo {LONG_WORD}"[:80], notes=LONG_WORD)
    for weeks_ago in (12, 6, 0):
        make_security_check(
            relationship,
            checked_on=date.today() - timedelta(weeks=weeks_ago),
            consistency=weeks_ago % 4,
        )
    make_share(member, clinician, statements=[statement], relationships=[relationship])
    make_comment(statement, clinician, text=f"A comment with {LONG_WORD}.")

    anonymous = [
        "/",
        "/activities/",
        "/activities/?q=lonely",
        long_activity.get_absolute_url(),
        "/helplines/?state=OR",
        reverse("account_login"),
        reverse("account_signup"),
    ]
    member_pages = [
        "/activities/my/",
        "/activities/my/progress/",
        long_activity.get_absolute_url(),
        reverse("activities:start", args=[long_activity.slug]),
        reverse("activities:log", args=[long_activity.slug]),
        reverse("activities:suggest"),
        reverse("worksheets:overview"),
        reverse("worksheets:statement-detail", args=[statement.pk]),
        reverse("worksheets:statement-edit", args=[statement.pk]),
        reverse("worksheets:relationship-detail", args=[relationship.pk]),
        reverse("worksheets:check-create", args=[relationship.pk]),
        reverse("worksheets:sharing"),
        reverse("accounts:profile"),
        "/accounts/sessions/",
        "/accounts/email/",
    ]
    clinician_pages = [
        reverse("clinician:dashboard"),
        reverse("worksheets:statement-detail", args=[statement.pk]),
        reverse("worksheets:relationship-detail", args=[relationship.pk]),
    ]
    activity_admin = "/admin/activities/activity/"
    admin_pages = [
        "/admin/",
        activity_admin,
        activity_admin + "?status__exact=suggested",
        activity_admin + "add/",
        reverse("admin:activities_activity_change", args=[long_activity.pk]),
        activity_admin + "import/",
        "/admin/activities/tag/",
        "/admin/accounts/clinicianprofile/",
        reverse(
            "admin:accounts_clinicianprofile_change",
            args=[clinician.clinician_profile.pk],
        ),
        "/admin/helplines/supportline/",
    ]
    return {
        "anonymous": {"user": None, "pages": anonymous},
        "member": {"user": member, "pages": member_pages},
        "clinician": {"user": clinician, "pages": clinician_pages},
        "admin": {"user": admin, "pages": admin_pages},
    }


def act_as(page, live_server, user) -> None:
    page.context.clear_cookies()
    if user is not None:
        client = sign_in(Client(), user)
        page.context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )


def visit_all(page, live_server, journeys, *, admin: bool = True):
    """Open every page of every journey, yielding (persona, path) on each."""
    for persona, journey in journeys.items():
        if persona == "admin" and not admin:
            continue
        act_as(page, live_server, journey["user"])
        for path in journey["pages"]:
            response = page.goto(live_server.url + path)
            assert response.status == 200, (persona, path, response.status)
            yield persona, path


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_axe_finds_nothing_on_any_page(live_server, browser, journeys, viewport, scheme):
    # A page without the CSP watcher: axe itself sets inline styles on some
    # admin pages while it checks them. The other tests here visit the same
    # pages with the watcher on.
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    axe = Axe()
    problems = []
    for persona, path in visit_all(page, live_server, journeys):
        results = axe.run(page)
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{persona} {path}: {violation['id']} {targets}")
    context.close()
    assert not problems, "\n".join(problems)


def test_no_page_is_wider_than_a_phone(live_server, page, journeys):
    """Also opens the admin pages, so the page fixture's CSP watcher covers them;
    Django's admin is not laid out for phones, so their width is not measured."""
    page.set_viewport_size(PHONE)
    problems = []
    for persona, path in visit_all(page, live_server, journeys):
        width = page.evaluate("document.documentElement.scrollWidth")
        if persona != "admin" and width > PHONE["width"]:
            problems.append(f"{persona} {path}: {width} px wide")
    assert not problems, "\n".join(problems)


# The contrast of each visible form control's border against the colour behind
# the control (the first ancestor with an opaque background). A control drawn
# by its label (Bootstrap's .btn-check radios) is measured on that label.
BORDER_CONTRASTS = """
() => {
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const behind = (element) => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if (colour.length === 3 || colour[3] === 1) return colour.slice(0, 3);
    }
    return rgb(getComputedStyle(document.body).backgroundColor).slice(0, 3);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const found = [];
  for (const control of document.querySelectorAll("main input, main select, main textarea")) {
    if (control.type === "hidden") continue;
    let drawn = control;
    if (control.classList.contains("btn-check")) {
      drawn = document.querySelector(`label[for="${control.id}"]`);
      if (!drawn) continue;
    }
    const box = drawn.getBoundingClientRect();
    const style = getComputedStyle(drawn);
    if (box.width < 4 || box.height < 4 || style.visibility === "hidden") continue;
    if (parseFloat(style.borderTopWidth) === 0) continue;
    const border = rgb(style.borderTopColor);
    if (border.length === 4 && border[3] < 1) {
      found.push({name: control.name || control.id, ratio: 0, note: "translucent border"});
      continue;
    }
    const against = behind(drawn);
    const own = rgb(style.backgroundColor);
    const inside = own.length === 3 || own[3] === 1 ? own.slice(0, 3) : against;
    // A checked box or radio is filled with its border colour: the fill is the
    // mark, so only the page behind it counts.
    const filled = control.checked && !control.classList.contains("btn-check");
    found.push({
      name: control.name || control.id,
      ratio: Math.min(ratio(border, against), filled ? Infinity : ratio(border, inside)),
    });
  }
  return found;
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_form_control_borders_keep_3_to_1_contrast(live_server, page, journeys, scheme):
    page.set_viewport_size(DESKTOP)
    page.emulate_media(color_scheme=scheme)
    problems = []
    measured = 0
    for persona, path in visit_all(page, live_server, journeys, admin=False):
        for control in page.evaluate(BORDER_CONTRASTS):
            measured += 1
            if control["ratio"] < 3:
                problems.append(f"{persona} {path}: {control['name']} {control['ratio']:.2f}:1")
    assert measured > 50, "the test must reach the forms"
    assert not problems, "\n".join(problems)
