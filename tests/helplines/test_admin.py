import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from helplines.models import ProblemReport, SupportLine, stale_cutoff
from tests.factories import make_support_line

CHANGELIST = reverse("admin:helplines_supportline_changelist")
ADMIN_URLS = [
    CHANGELIST,
    reverse("admin:helplines_supportline_add"),
    reverse("admin:helplines_supportline_import"),
    reverse("admin:helplines_supportline_export"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ADMIN_URLS)
def test_anonymous_visitors_cannot_reach_the_helpline_admin(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_members_and_clinicians_cannot_reach_the_helpline_admin(
    member_client, clinician_client, url
):
    for client in (member_client, clinician_client):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_staff_can_reach_the_helpline_admin(admin_client, url):
    assert admin_client.get(url).status_code == 200


def test_a_refused_post_changes_nothing(member_client):
    response = member_client.post(
        reverse("admin:helplines_supportline_add"),
        {"name": "Sneaky", "slug": "sneaky", "kind": "crisis", "phone": "123", "region": "US"},
    )
    assert response.status_code == 302
    assert not SupportLine.objects.exists()


def test_admin_filters_lines_by_the_age_of_their_evidence(admin_client):
    today = timezone.localdate()
    make_support_line(name="Fresh Line", source_date=today - timedelta(days=300))
    make_support_line(name="Stale Line", source_date=today - timedelta(days=800))
    make_support_line(name="Undated Lead", status="needs_checking", source_date=None)
    stale = admin_client.get(CHANGELIST, {"verification": "stale"}).content.decode()
    assert "Stale Line" in stale and "Undated Lead" in stale and "Fresh Line" not in stale
    fresh = admin_client.get(CHANGELIST, {"verification": "fresh"}).content.decode()
    assert "Fresh Line" in fresh and "Stale Line" not in fresh


def test_recheck_queue_puts_open_reports_first_then_oldest_evidence(admin_client):
    today = timezone.localdate()
    make_support_line(name="Newest Evidence", source_date=today)
    make_support_line(name="Oldest Evidence", source_date=today - timedelta(days=2000))
    make_support_line(name="Undated Lead", status="needs_checking", source_date=None)
    reported = make_support_line(name="Reported Line", source_date=today)
    resolved = make_support_line(name="Resolved Report Line", source_date=today)
    ProblemReport.objects.create(line=reported, note="no answer")
    ProblemReport.objects.create(line=resolved, resolved_at=timezone.now())
    html = admin_client.get(CHANGELIST).content.decode()
    names = re.findall(r'<th class="field-line_name"><a [^>]*>([^<]+)</a>', html)
    assert names[:3] == ["Reported Line", "Undated Lead", "Oldest Evidence"]
    assert set(names[3:]) == {"Newest Evidence", "Resolved Report Line"}


def test_bulk_mark_closed_keeps_the_lines_but_hides_them(admin_client, client):
    lines = [make_support_line(name=f"Gone {n}") for n in range(2)]
    kept = make_support_line(name="Still Here")
    response = admin_client.post(
        CHANGELIST,
        {"action": "mark_closed", "_selected_action": [line.pk for line in lines]},
    )
    assert response.status_code == 302
    assert set(SupportLine.objects.filter(status="closed").values_list("name", flat=True)) == {
        "Gone 0",
        "Gone 1",
    }
    assert SupportLine.objects.count() == 3
    page = client.get(reverse("helplines:finder"), {"state": "OR"}).content.decode()
    assert kept.name in page and "Gone 0" not in page


def checked_today_url(line: SupportLine) -> str:
    return reverse("admin:helplines_supportline_checked_today", args=[line.pk])


def test_checked_today_needs_a_source_url_and_changes_nothing_without_one(admin_client):
    old = timezone.localdate() - timedelta(days=900)
    line = make_support_line(verified_on=old, source_date=old)
    report = ProblemReport.objects.create(line=line)
    response = admin_client.post(
        checked_today_url(line),
        {
            "source_url": "",
            "source_kind": "operator",
            "source_date": timezone.localdate().isoformat(),
            "status": "published",
        },
    )
    assert response.status_code == 200
    assert "source_url" in response.context["form"].errors
    line.refresh_from_db()
    assert line.verified_on == old and line.source_date == old
    assert ProblemReport.objects.get(pk=report.pk).is_open


def test_checked_today_updates_the_dates_and_closes_open_reports(admin_client):
    old = timezone.localdate() - timedelta(days=900)
    line = make_support_line(verified_on=old, source_date=old, status="needs_checking")
    report = ProblemReport.objects.create(line=line, note="disconnected")
    page = admin_client.get(checked_today_url(line))
    assert page.status_code == 200 and "disconnected" in page.content.decode()
    source_date = timezone.localdate() - timedelta(days=10)
    response = admin_client.post(
        checked_today_url(line),
        {
            "source_url": "example.org/new-page",
            "source_kind": "government",
            "source_name": "State health department",
            "source_date": source_date.isoformat(),
            "status": "published",
        },
    )
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.verified_on == timezone.localdate()
    assert line.source_date == source_date
    assert line.source_url == "https://example.org/new-page"
    assert line.source_kind == "government" and line.status == "published"
    assert not ProblemReport.objects.get(pk=report.pk).is_open


def test_checked_today_refuses_to_publish_on_a_third_party_list(admin_client):
    line = make_support_line(status="needs_checking", source_kind="third_party")
    response = admin_client.post(
        checked_today_url(line),
        {
            "source_url": "https://example.org/list",
            "source_kind": "third_party",
            "source_date": timezone.localdate().isoformat(),
            "status": "published",
        },
    )
    assert response.status_code == 200
    assert "operator, a government or a news outlet" in str(response.context["form"].errors)
    line.refresh_from_db()
    assert line.status == "needs_checking"


def test_checked_today_is_for_staff_only(member_client):
    line = make_support_line()
    response = member_client.get(checked_today_url(line))
    assert response.status_code == 302 and "login" in response["Location"]


def test_problem_reports_queue_lists_open_reports_first_and_resolves_them(admin_client):
    line = make_support_line(name="Queue Line")
    done = ProblemReport.objects.create(line=line, note="old report", resolved_at=timezone.now())
    open_report = ProblemReport.objects.create(line=line, note="rings out")
    queue = reverse("admin:helplines_problemreport_changelist")
    html = admin_client.get(queue).content.decode()
    assert html.index("rings out") < html.index("old report")
    admin_client.post(queue, {"action": "mark_resolved", "_selected_action": [open_report.pk]})
    assert not ProblemReport.objects.open().exists()
    assert ProblemReport.objects.get(pk=done.pk).resolved_at is not None


def test_export_page_uses_the_plain_export_form_without_inline_script(admin_client):
    html = admin_client.get(reverse("admin:helplines_supportline_export")).content.decode()
    assert "onclick" not in html.lower()
    assert "style=" not in html.split("<main", 1)[-1]


def test_admin_filters_and_searches(admin_client):
    make_support_line(name="Texas Crisis", kind="crisis", region="TX")
    make_support_line(name="Oregon Warm", region="OR", status="closed")
    by_kind = admin_client.get(CHANGELIST, {"kind__exact": "crisis"}).content.decode()
    assert "Texas Crisis" in by_kind and "Oregon Warm" not in by_kind
    by_region = admin_client.get(CHANGELIST, {"region__exact": "OR"}).content.decode()
    assert "Oregon Warm" in by_region and "Texas Crisis" not in by_region
    closed = admin_client.get(CHANGELIST, {"status__exact": "closed"}).content.decode()
    assert "Oregon Warm" in closed and "Texas Crisis" not in closed
    found = admin_client.get(CHANGELIST, {"q": "texas"}).content.decode()
    assert "Texas Crisis" in found and "Oregon Warm" not in found


def test_admin_saves_hours_written_as_text(admin_client):
    response = admin_client.post(
        reverse("admin:helplines_supportline_add"),
        {
            "name": "Evening Line",
            "slug": "evening-line",
            "kind": "warmline",
            "phone": "1-555-010-0199",
            "region": "OR",
            "hours": "Mon-Fri 17:00-23:00",
            "time_zone": "America/Los_Angeles",
            "source_url": "example.org/evening",
            "source_kind": "news",
            "source_date": "2026-01-15",
            "verified_on": timezone.localdate().isoformat(),
            "status": "published",
            "who_may_call": "state",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    line = SupportLine.objects.get(slug="evening-line")
    assert line.hours_text == "Mon-Fri 17:00-23:00"
    assert line.source_url == "https://example.org/evening"
    page = admin_client.get(reverse("admin:helplines_supportline_change", args=[line.pk]))
    assert "Mon-Fri 17:00-23:00" in page.content.decode()


def test_admin_explains_bad_hours_and_saves_nothing(admin_client):
    response = admin_client.post(
        reverse("admin:helplines_supportline_add"),
        {
            "name": "Odd Line",
            "slug": "odd-line",
            "kind": "warmline",
            "phone": "1-555-010-0199",
            "region": "OR",
            "open_24_7": "on",
            "hours": "Mon 10:00-12:00",
            "time_zone": "America/Los_Angeles",
            "source_url": "https://example.org/odd",
            "verified_on": (timezone.localdate() + timedelta(days=2)).isoformat(),
            "status": "needs_checking",
            "who_may_call": "state",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "open 24/7" in str(errors["hours"])
    assert "future" in str(errors["verified_on"])
    assert not SupportLine.objects.exists()


def test_admin_refuses_to_publish_a_line_without_a_dated_first_hand_source(admin_client):
    response = admin_client.post(
        reverse("admin:helplines_supportline_add"),
        {
            "name": "Listed Somewhere",
            "slug": "listed-somewhere",
            "kind": "warmline",
            "phone": "1-555-010-0199",
            "region": "OR",
            "time_zone": "America/Los_Angeles",
            "source_url": "https://example.org/list",
            "source_kind": "third_party",
            "verified_on": timezone.localdate().isoformat(),
            "status": "published",
            "who_may_call": "state",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "operator, a government or a news outlet" in str(errors["source_kind"])
    assert "date its source shows" in str(errors["source_date"])
    assert not SupportLine.objects.exists()


def test_stale_cutoff_is_two_years_and_handles_leap_days():
    assert stale_cutoff(date(2028, 2, 29)) == date(2026, 2, 28)
    assert stale_cutoff(date(2026, 11, 26)) == date(2024, 11, 26)
