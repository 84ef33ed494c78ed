"""The access log: a row for every clinician read, shown to the member,
and never changed or deleted except with the member's own account."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from worksheets.models import AccessLogEntry, AppendOnlyError

from ..conftest import sign_in
from ..factories import make_clinician

pytestmark = pytest.mark.django_db

Kind = AccessLogEntry.Kind
NEW_YORK = ZoneInfo("America/New_York")  # settings.TIME_ZONE


@pytest.mark.parametrize(
    ("name", "which", "kind"),
    [
        ("worksheets:statement-detail", "statement", Kind.PAGE),
        ("worksheets:statement-print", "statement", Kind.PRINT),
        ("worksheets:statement-pdf", "statement", Kind.PDF),
        ("worksheets:relationship-detail", "relationship", Kind.PAGE),
    ],
)
def test_each_clinician_read_adds_a_row(
    request, share, clinician, clinician_client, member, name, which, kind
):
    worksheet = request.getfixturevalue(which)
    url = reverse(name, args=[worksheet.pk])

    clinician_client.get(url)
    clinician_client.get(url)

    entries = AccessLogEntry.objects.all()
    assert entries.count() == 2
    entry = entries.first()
    assert entry.owner == member
    assert entry.clinician == clinician
    assert entry.clinician_name == f"{clinician.display_name}, Psychologist"
    assert entry.kind == kind
    assert entry.worksheet.content == worksheet


def test_the_owner_reading_their_own_worksheet_is_not_logged(member_client, share, statement):
    for name in ("statement-detail", "statement-print", "statement-pdf"):
        member_client.get(reverse(f"worksheets:{name}", args=[statement.pk]))
    assert not AccessLogEntry.objects.exists()


def test_the_member_sees_who_looked_at_what_and_how(
    member_client, clinician_client, share, statement, relationship, clinician
):
    clinician_client.get(reverse("worksheets:statement-print", args=[statement.pk]))
    clinician_client.get(reverse("worksheets:relationship-detail", args=[relationship.pk]))

    page = member_client.get(reverse("worksheets:sharing")).content.decode()
    log = page.split("Who looked, and when")[1]

    assert log.count(f"{clinician.display_name}, Psychologist") == 2
    assert "For my sister" in log
    assert "printable page once" in log
    assert "Jo" in log
    assert "opened once" in log


def test_the_log_groups_reads_by_clinician_worksheet_and_day(
    member, member_client, clinician_client, share, statement, relationship, clinician
):
    """Sixteen reloads in two minutes are one line, not sixteen."""
    url = reverse("worksheets:statement-detail", args=[statement.pk])
    with time_machine.travel(
        datetime(2026, 3, 2, 23, 50, tzinfo=NEW_YORK), tick=False
    ) as traveller:
        for _ in range(15):
            clinician_client.get(url)
            traveller.shift(timedelta(seconds=8))
        pdf = clinician_client.get(reverse("worksheets:statement-pdf", args=[statement.pk]))
        assert pdf.status_code == 200, pdf.status_code
        clinician_client.get(reverse("worksheets:relationship-detail", args=[relationship.pk]))
        traveller.shift(timedelta(minutes=15))  # past midnight: the next day
        clinician_client.get(url)

    page = member_client.get(reverse("worksheets:sharing")).content.decode()
    log = page.split("Who looked, and when")[1]

    assert AccessLogEntry.objects.count() == 18
    assert log.count('class="access-log-group"') == 3
    assert "opened 15 times, PDF downloaded once" in log
    assert "11:50 p.m. to 11:52 p.m." in log
    # Newest first: the next day's single read leads.
    assert log.index("March 3, 2026") < log.index("March 2, 2026")
    # The data download keeps every single read.
    from worksheets.services import member_data_export

    assert len(member_data_export(owner=member)["access_log"]) == 18


def test_the_log_is_paged(member, member_client, share, statement, clinician):
    start = datetime(2026, 1, 1, 12, 0, tzinfo=NEW_YORK)
    for day in range(26):
        AccessLogEntry.objects.create(
            owner=member,
            clinician=clinician,
            clinician_name="Dr Example",
            worksheet_id=statement.worksheet_id,
            kind=Kind.PAGE,
            viewed_at=start + timedelta(days=day),
        )
    first = member_client.get(reverse("worksheets:sharing")).content.decode()
    second = member_client.get(reverse("worksheets:sharing") + "?page=2").content.decode()
    assert "Page 1 of 2" in first
    assert second.split("Who looked, and when")[1].count('class="access-log-group"') == 1


@pytest.fixture
def entry(clinician_client, share, statement) -> AccessLogEntry:
    clinician_client.get(reverse("worksheets:statement-detail", args=[statement.pk]))
    return AccessLogEntry.objects.get()


def test_a_row_cannot_be_changed(entry):
    entry.kind = Kind.PDF
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.filter(pk=entry.pk).update(kind=Kind.PDF)
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.bulk_update([entry], ["kind"])
    assert AccessLogEntry.objects.get().kind == Kind.PAGE


def test_a_row_cannot_be_deleted(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().delete()
    assert AccessLogEntry.objects.count() == 1


def test_deleting_a_worksheet_leaves_its_rows_as_they_were(member_client, entry, statement):
    member_client.post(reverse("worksheets:statement-delete", args=[statement.pk]))

    kept = AccessLogEntry.objects.get()
    assert kept.worksheet_id == entry.worksheet_id
    assert kept.viewed_at == entry.viewed_at
    page = member_client.get(reverse("worksheets:sharing")).content.decode()
    assert "A worksheet you have since deleted" in page


def test_a_clinician_leaving_leaves_the_rows_and_their_name(entry, clinician, member_client):
    clinician.delete()
    kept = AccessLogEntry.objects.get()
    assert kept.clinician_name == entry.clinician_name
    page = member_client.get(reverse("worksheets:sharing")).content.decode()
    assert entry.clinician_name in page


def test_deleting_the_members_account_deletes_their_log(entry, member):
    member.delete()
    assert not AccessLogEntry.objects.exists()


def test_another_members_log_stays_when_one_member_leaves(entry, member, other_member):
    clinician = make_clinician()
    AccessLogEntry.objects.create(
        owner=other_member, clinician=clinician, clinician_name="Dr. X", kind=Kind.PAGE
    )
    member.delete()
    assert list(AccessLogEntry.objects.values_list("owner", flat=True)) == [other_member.pk]


def test_no_log_row_holds_worksheet_text(entry):
    values = [str(value) for value in AccessLogEntry.objects.values().get().values()]
    assert not any("Tired in a way" in value or "For my sister" in value for value in values)


def test_a_refused_read_is_a_security_event_with_user_and_address(statement, caplog):
    stranger = make_clinician()
    url = reverse("worksheets:statement-detail", args=[statement.pk])
    with caplog.at_level("WARNING", logger="connect.security"):
        response = sign_in(Client(), stranger).get(url)
    assert response.status_code == 404
    assert (
        f"access_refused status=404 user={stranger.pk} ip=127.0.0.1 method=GET path={url}"
        in caplog.text
    )
    assert "For my sister" not in caplog.text
