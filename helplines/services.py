"""Writes that touch more than one row: loading the starter directory,
re-checking a line, and reporting one."""

from datetime import date

from django.db import transaction
from django.utils import timezone, translation

from connectapp.lib.translation import SOURCE_LANGUAGE, translations_fill

from . import starter_es
from .models import ProblemReport, SupportLine
from .starter import STARTER_LINES


@transaction.atomic
def starter_helplines_load() -> tuple[int, int]:
    """Add the starter lines that are missing. Returns (added, already there).

    A line whose slug exists is left as admins edited it, except that Spanish
    text (`starter_es`) fills its Spanish fields that are still empty: running
    the loader again adds Spanish to an older directory.
    """
    existing = set(
        SupportLine.objects.filter(slug__in=[line["slug"] for line in STARTER_LINES]).values_list(
            "slug", flat=True
        )
    )
    added = 0
    # The starter text is English, whatever language is active.
    with translation.override(SOURCE_LANGUAGE):
        for data in STARTER_LINES:
            if data["slug"] in existing:
                continue
            line = SupportLine(**data)
            line.full_clean()
            line.save()
            added += 1
    for line in SupportLine.objects.filter(slug__in=starter_es.LINES):
        if written := translations_fill(line, "es", starter_es.LINES[line.slug]):
            line.save(update_fields=written)
    return added, len(existing)


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
