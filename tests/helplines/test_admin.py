import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from helplines.models import SupportLine, stale_cutoff
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


def test_admin_flags_lines_not_verified_in_twelve_months(admin_client):
    today = timezone.localdate()
    make_support_line(name="Fresh Line", verified_on=today)
    make_support_line(name="Stale Line", verified_on=today - timedelta(days=400))
    html = admin_client.get(CHANGELIST).content.decode()
    assert "checked in last 12 months" in html.lower()
    flags = re.findall(r'class="field-up_to_date"><img [^>]*alt="(True|False)"', html)
    assert sorted(flags) == ["False", "True"]
    stale = admin_client.get(CHANGELIST, {"verification": "stale"}).content.decode()
    assert "Stale Line" in stale and "Fresh Line" not in stale
    fresh = admin_client.get(CHANGELIST, {"verification": "fresh"}).content.decode()
    assert "Fresh Line" in fresh and "Stale Line" not in fresh


def test_admin_filters_and_searches(admin_client):
    make_support_line(name="Texas Crisis", kind="crisis", region="TX")
    make_support_line(name="Oregon Warm", region="OR", is_active=False)
    by_kind = admin_client.get(CHANGELIST, {"kind__exact": "crisis"}).content.decode()
    assert "Texas Crisis" in by_kind and "Oregon Warm" not in by_kind
    by_region = admin_client.get(CHANGELIST, {"region__exact": "OR"}).content.decode()
    assert "Oregon Warm" in by_region and "Texas Crisis" not in by_region
    inactive = admin_client.get(CHANGELIST, {"is_active__exact": "0"}).content.decode()
    assert "Oregon Warm" in inactive and "Texas Crisis" not in inactive
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
            "verified_on": timezone.localdate().isoformat(),
            "is_active": "on",
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
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "open 24/7" in str(errors["hours"])
    assert "future" in str(errors["verified_on"])
    assert not SupportLine.objects.exists()


def test_stale_cutoff_handles_leap_days():
    assert stale_cutoff(date(2028, 2, 29)) == date(2027, 2, 28)
    assert stale_cutoff(date(2026, 11, 26)) == date(2025, 11, 26)
