"""CSV import and export of the directory (the format is in docs/helplines.md)."""

import csv
import io

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from helplines.models import SupportLine
from helplines.resources import SupportLineResource
from tests.factories import make_support_line

IMPORT_URL = reverse("admin:helplines_supportline_import")
PROCESS_URL = reverse("admin:helplines_supportline_process_import")

HEADER = (
    "slug,name,kind,description,phone,text_number,text_keyword,chat_url,website,tty,"
    "languages,region,accepts_out_of_state,open_24_7,hours,time_zone,hours_note,"
    "restrictions,source_url,verified_on,is_active"
)
GOOD_ROWS = [
    "or-peer-line,Oregon Peer Line,warmline,Someone to talk to.,1-555-010-0101,,,,,,"
    "English,OR,yes,no,Mon-Fri 09:00-21:00; Sat 10:00-14:00,America/Los_Angeles,,"
    "Oregon residents first,https://example.org/or,2026-11-20,yes",
    "wa-peer-line,Washington Peer Line,warmline,,1-555-010-0102,555-010-0102,,,,,"
    '"English, Spanish",wa,TRUE,1,,America/Los_Angeles,,,https://example.org/wa,2026-11-21,',
]


def csv_text(*rows: str) -> str:
    return "\n".join([HEADER, *rows]) + "\n"


def run_import(text: str, *, dry_run: bool = False):
    dataset = tablib.Dataset().load(text, format="csv")
    return SupportLineResource().import_data(dataset, dry_run=dry_run)


@pytest.mark.django_db
def test_a_good_file_imports_every_row():
    result = run_import(csv_text(*GOOD_ROWS))
    assert not result.has_errors() and not result.has_validation_errors()
    oregon = SupportLine.objects.get(slug="or-peer-line")
    assert oregon.region == "OR"
    assert oregon.accepts_out_of_state
    assert oregon.hours_text == "Mon-Fri 09:00-21:00; Sat 10:00-14:00"
    washington = SupportLine.objects.get(slug="wa-peer-line")
    assert washington.region == "WA"
    assert washington.open_24_7
    assert washington.is_active
    assert washington.language_list == ["English", "Spanish"]


@pytest.mark.django_db
def test_importing_again_updates_lines_by_slug():
    run_import(csv_text(*GOOD_ROWS))
    changed = GOOD_ROWS[0].replace("Oregon Peer Line", "Oregon Peer Warmline")
    run_import(csv_text(changed, GOOD_ROWS[1]))
    assert SupportLine.objects.count() == 2
    assert SupportLine.objects.get(slug="or-peer-line").name == "Oregon Peer Warmline"


BAD_ROWS = [
    # Line 3: unknown state and a day that does not exist.
    "bad-region,Bad Region Line,warmline,,1-555-010-0103,,,,,,English,ZZ,no,no,"
    "Someday 10:00-12:00,America/New_York,,,https://example.org/b,2026-11-20,yes",
    # Line 4: no way to reach it, an unknown kind, and "maybe" is not yes or no.
    "no-contact,No Contact Line,hotline,,,,,,,,English,OR,maybe,no,,America/New_York,,,"
    "https://example.org/c,2026-11-20,yes",
    # Line 5: a date in the wrong format and a made-up time zone.
    "bad-date,Bad Date Line,warmline,,1-555-010-0104,,,,,,English,OR,no,yes,,Mars/Olympus,,,"
    "https://example.org/d,20/11/2026,yes",
]


@pytest.mark.django_db
def test_a_file_with_bad_rows_imports_nothing():
    result = run_import(csv_text(GOOD_ROWS[0], *BAD_ROWS, GOOD_ROWS[1]))
    assert result.has_validation_errors()
    assert [row.number for row in result.invalid_rows] == [2, 3, 4]
    assert not SupportLine.objects.exists()


@pytest.mark.django_db
def test_the_admin_lists_every_error_with_its_line_and_saves_nothing(admin_client):
    existing = make_support_line(slug="or-peer-line", name="Untouched")
    upload = SimpleUploadedFile(
        "directory.csv", csv_text(GOOD_ROWS[0], *BAD_ROWS, GOOD_ROWS[1]).encode(), "text/csv"
    )
    response = admin_client.post(IMPORT_URL, {"format": "0", "import_file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "Line 3, column region:" in html
    assert "Line 3, column hours:" in html and "Someday" in html
    assert "Line 4, column phone:" in html
    assert "Line 4, column kind:" in html
    assert "Line 4, column accepts_out_of_state:" in html and "maybe" in html
    assert "Line 5, column verified_on: “20/11/2026” is not a date. Write it as YYYY-MM-DD" in html
    assert "Line 5, column time_zone:" in html
    assert "Line 2," not in html and "Line 6," not in html
    assert "Confirm import" not in html
    assert SupportLine.objects.count() == 1
    existing.refresh_from_db()
    assert existing.name == "Untouched"


@pytest.mark.django_db
def test_repeated_slugs_reject_the_whole_file(admin_client):
    upload = SimpleUploadedFile(
        "directory.csv", csv_text(GOOD_ROWS[0], GOOD_ROWS[0]).encode(), "text/csv"
    )
    html = admin_client.post(IMPORT_URL, {"format": "0", "import_file": upload}).content.decode()
    assert "Whole file: Each slug may appear only once" in html
    assert not SupportLine.objects.exists()


@pytest.mark.django_db
def test_the_admin_imports_a_good_file_after_confirmation(admin_client):
    upload = SimpleUploadedFile("directory.csv", csv_text(*GOOD_ROWS).encode(), "text/csv")
    response = admin_client.post(IMPORT_URL, {"format": "0", "import_file": upload})
    assert "Confirm import" in response.content.decode()
    assert not SupportLine.objects.exists()
    confirm = response.context["confirm_form"]
    response = admin_client.post(PROCESS_URL, {**confirm.initial, "confirm": "Confirm import"})
    assert response.status_code == 302
    assert SupportLine.objects.count() == 2


@pytest.mark.django_db
def test_export_writes_the_documented_columns_and_reimports_cleanly():
    make_support_line(
        slug="exported",
        region="NM",
        open_24_7=False,
        hours=[{"day": 0, "opens": "10:00", "closes": "22:00"}],
        accepts_out_of_state=True,
    )
    exported = SupportLineResource().export().csv
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert ",".join(rows[0].keys()) == HEADER
    assert rows[0]["region"] == "NM"
    assert rows[0]["hours"] == "Mon 10:00-22:00"
    assert rows[0]["accepts_out_of_state"] == "yes"
    assert rows[0]["verified_on"] == timezone.localdate().isoformat()
    SupportLine.objects.all().delete()
    result = run_import(exported)
    assert not result.has_validation_errors()
    assert SupportLine.objects.get(slug="exported").hours_text == "Mon 10:00-22:00"


@pytest.mark.django_db
def test_the_admin_export_page_offers_csv(admin_client):
    response = admin_client.get(reverse("admin:helplines_supportline_export"))
    assert response.status_code == 200
    assert "csv" in response.content.decode().lower()
