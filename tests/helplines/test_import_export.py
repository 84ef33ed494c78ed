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
    "languages,region,who_may_call,open_24_7,hours,time_zone,hours_note,restrictions,"
    "status,source_url,source_kind,source_name,source_date,verified_on"
)
# Export adds the Spanish options; files without those columns still import;
# and a column per language for the translated fields; files with one
# column for each (English) still import.
EXPORT_HEADER = (
    HEADER.replace("languages,region,", "languages,spanish_keypress,spanish_text_keyword,region,")
    .replace(",description,", ",description_en,description_es,")
    .replace(
        ",hours_note,restrictions,",
        ",hours_note_en,hours_note_es,restrictions_en,restrictions_es,",
    )
)
GOOD_ROWS = [
    "or-peer-line,Oregon Peer Line,warmline,Someone to talk to.,1-555-010-0101,,,,,,"
    "English,OR,us,no,Mon-Fri 09:00-21:00; Sat 10:00-14:00,America/Los_Angeles,,"
    "Oregon residents first,published,https://example.org/or,operator,Oregon Peers,"
    "2026-10-01,2026-11-20",
    "wa-peer-line,Washington Peer Line,warmline,,1-555-010-0102,555-010-0102,,,,,"
    '"English, Spanish",wa,Anywhere,1,,America/Los_Angeles,,,,https://example.org/wa,news,,'
    "2026-09-30,2026-11-21",
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
    assert oregon.who_may_call == "us"
    assert oregon.hours_text == "Mon-Fri 09:00-21:00; Sat 10:00-14:00"
    assert oregon.status == "published"
    assert (oregon.source_kind, oregon.source_name) == ("operator", "Oregon Peers")
    assert oregon.source_date.isoformat() == "2026-10-01"
    washington = SupportLine.objects.get(slug="wa-peer-line")
    assert washington.region == "WA"
    assert washington.who_may_call == "anywhere"
    assert washington.open_24_7
    # An empty status imports as "needs checking": nothing goes live by accident.
    assert washington.status == "needs_checking"
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
    "bad-region,Bad Region Line,warmline,,1-555-010-0103,,,,,,English,ZZ,state,no,"
    "Someday 10:00-12:00,America/New_York,,,needs_checking,https://example.org/b,news,,,"
    "2026-11-20",
    # Line 4: no way to reach it, an unknown kind, and "maybe" is not a choice of callers.
    "no-contact,No Contact Line,hotline,,,,,,,,English,OR,maybe,no,,America/New_York,,,"
    "needs_checking,https://example.org/c,news,,,2026-11-20",
    # Line 5: a date in the wrong format and a made-up time zone.
    "bad-date,Bad Date Line,warmline,,1-555-010-0104,,,,,,English,OR,state,yes,,Mars/Olympus,"
    ",,needs_checking,https://example.org/d,news,,,20/11/2026",
    # Line 6: published on the word of a third-party list, with no date.
    "listed,Listed Line,warmline,,1-555-010-0105,,,,,,English,OR,state,yes,,America/New_York,"
    ",,published,https://example.org/e,third_party,,,2026-11-20",
]


@pytest.mark.django_db
def test_a_file_with_bad_rows_imports_nothing():
    result = run_import(csv_text(GOOD_ROWS[0], *BAD_ROWS, GOOD_ROWS[1]))
    assert result.has_validation_errors()
    assert [row.number for row in result.invalid_rows] == [2, 3, 4, 5]
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
    assert "Line 4, column who_may_call:" in html and "maybe" in html
    assert "Line 5, column verified_on: “20/11/2026” is not a date. Write it as YYYY-MM-DD" in html
    assert "Line 5, column time_zone:" in html
    assert "Line 6, column source_kind: Publish a line only when" in html
    assert "Line 6, column source_date: A published line needs the date" in html
    assert "Line 2," not in html and "Line 7," not in html
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
        who_may_call="us",
    )
    exported = SupportLineResource().export().csv
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert ",".join(rows[0].keys()) == EXPORT_HEADER
    assert rows[0]["region"] == "NM"
    assert rows[0]["hours"] == "Mon 10:00-22:00"
    assert rows[0]["who_may_call"] == "us"
    assert rows[0]["status"] == "published"
    assert rows[0]["source_kind"] == "operator"
    assert rows[0]["source_date"] == timezone.localdate().isoformat()
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
