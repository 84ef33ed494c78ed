"""The move from is_active/accepts_out_of_state to status/who_may_call/evidence."""

from datetime import date

import pytest

from ..migrations import migrate_to, migrate_to_latest


@pytest.fixture(autouse=True)
def _latest_afterwards():
    yield
    migrate_to_latest()


@pytest.mark.django_db(transaction=True)
def test_existing_lines_keep_what_can_be_shown_honestly():
    old_apps = migrate_to("helplines", "0001_initial")
    Line = old_apps.get_model("helplines", "SupportLine")
    common = {"kind": "warmline", "phone": "1-555-010-0000", "verified_on": date(2026, 11, 26)}
    Line.objects.create(
        slug="988-lifeline",
        name="988",
        region="US",
        accepts_out_of_state=True,
        source_url="https://988lifeline.org/",
        **common,
    )
    Line.objects.create(
        slug="admin-added",
        name="Admin added",
        region="OR",
        accepts_out_of_state=True,
        source_url="https://example.org/",
        **common,
    )
    Line.objects.create(
        slug="switched-off",
        name="Switched off",
        region="OR",
        is_active=False,
        source_url="https://example.org/",
        **common,
    )
    new_apps = migrate_to("helplines", "0002_evidence_status_and_problem_reports")
    Line = new_apps.get_model("helplines", "SupportLine")
    lifeline = Line.objects.get(slug="988-lifeline")
    assert (lifeline.status, lifeline.who_may_call) == ("published", "us")
    assert (lifeline.source_kind, lifeline.source_date) == ("operator", date(2026, 11, 26))
    # Without a recorded kind and date of source it may not stay on show.
    added = Line.objects.get(slug="admin-added")
    assert (added.status, added.who_may_call, added.source_date) == ("needs_checking", "us", None)
    assert Line.objects.get(slug="switched-off").status == "closed"


@pytest.mark.django_db(transaction=True)
def test_content_in_two_languages_keeps_the_text_as_english():
    old_apps = migrate_to("helplines", "0003_spanish_options")
    old_apps.get_model("helplines", "SupportLine").objects.create(
        slug="or-warm",
        name="Oregon Warmline",
        kind="warmline",
        phone="1-555-010-0000",
        region="OR",
        description="Someone to talk to.",
        hours_note="Closed on holidays.",
        restrictions="Oregon residents.",
        source_url="https://example.org/",
        verified_on=date(2026, 11, 26),
    )
    new_apps = migrate_to("helplines", "0005_copy_content_into_english")
    line = new_apps.get_model("helplines", "SupportLine").objects.get()
    assert (line.description_en, line.hours_note_en, line.restrictions_en) == (
        "Someone to talk to.",
        "Closed on holidays.",
        "Oregon residents.",
    )
    assert line.description_es is None
