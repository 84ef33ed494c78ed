"""Writes that touch more than one row: re-checking a line, and reporting one."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from .models import ProblemReport, SupportLine


@transaction.atomic
def line_checked_today(
    *,
    line: SupportLine,
    source_url: str,
    source_kind: str,
    source_name: str,
    source_date: date,
    status: str,
) -> SupportLine:
    """Record that an admin checked the line today against `source_url`, and
    close the problem reports it had: the check answered them."""
    line.source_url = source_url
    line.source_kind = source_kind
    line.source_name = source_name
    line.source_date = source_date
    line.status = status
    line.verified_on = timezone.localdate()
    line.full_clean()
    line.save()
    line.reports.open().update(resolved_at=timezone.now())
    return line


def problem_report_create(*, line: SupportLine, note: str) -> ProblemReport:
    return ProblemReport.objects.create(line=line, note=note.strip())
