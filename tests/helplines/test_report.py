"""“This number didn't work”: anonymous reports that land in the admins' queue."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from helplines.models import ProblemReport
from helplines.views import REPORTS_PER_HOUR
from tests.factories import make_support_line


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def report_url(slug: str) -> str:
    return reverse("helplines:report", args=[slug])


@pytest.mark.django_db
def test_every_line_on_the_finder_links_to_its_report_page(client):
    make_support_line(slug="or-line", region="OR")
    html = client.get(reverse("helplines:finder"), {"state": "OR"}).content.decode()
    assert f'href="{report_url("or-line")}"' in html
    assert "This number didn&#x27;t work" in html or "This number didn't work" in html


@pytest.mark.django_db
def test_the_report_form_asks_for_nothing_personal(client):
    make_support_line(slug="or-line", name="Oregon Line")
    response = client.get(report_url("or-line"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Oregon Line" in html
    fields = set(response.context["form"].fields)
    assert fields == {"note"}
    assert not response.context["form"].fields["note"].required


@pytest.mark.django_db
def test_an_anonymous_report_is_filed_without_personal_data(client):
    line = make_support_line(slug="or-line", region="OR")
    response = client.post(
        report_url("or-line"), {"note": "  Rang out at 8 pm  "}, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('helplines:finder')}?state=OR#results"
    report = ProblemReport.objects.get()
    assert report.line == line and report.note == "Rang out at 8 pm" and report.is_open
    stored = {field.name for field in ProblemReport._meta.get_fields()}
    assert stored == {"id", "line", "note", "created_at", "resolved_at"}
    assert "203.0.113.9" not in str(ProblemReport.objects.values().get())


@pytest.mark.django_db
def test_a_report_may_have_no_note(client):
    make_support_line(slug="us-line", region="US")
    response = client.post(report_url("us-line"), {})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('helplines:finder')}#results"
    assert ProblemReport.objects.get().note == ""


@pytest.mark.django_db
def test_a_note_that_is_too_long_is_refused_clearly(client):
    make_support_line(slug="or-line")
    response = client.post(report_url("or-line"), {"note": "x" * 301})
    assert response.status_code == 400
    assert "at most 300 characters" in response.content.decode()
    assert not ProblemReport.objects.exists()


@pytest.mark.django_db
def test_reports_are_rate_limited_per_client(client):
    make_support_line(slug="or-line")
    for _ in range(REPORTS_PER_HOUR):
        assert client.post(report_url("or-line"), REMOTE_ADDR="198.51.100.7").status_code == 302
    refused = client.post(report_url("or-line"), REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert "try again later" in refused.content.decode()
    assert ProblemReport.objects.count() == REPORTS_PER_HOUR
    # Someone else is not held back.
    assert client.post(report_url("or-line"), REMOTE_ADDR="198.51.100.8").status_code == 302


@pytest.mark.django_db
def test_unknown_lines_answer_404(client):
    assert client.get(report_url("no-such-line")).status_code == 404
    assert client.post(report_url("no-such-line")).status_code == 404
    assert not ProblemReport.objects.exists()
