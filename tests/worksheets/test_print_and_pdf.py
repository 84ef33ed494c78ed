import datetime
import io
import logging

import pypdf
import pytest
from django.urls import reverse

from worksheets.models import HelpKind
from worksheets.pdf import MISSING, statement_pdf

from ..factories import make_safety_plan, make_statement


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def statement(member):
    return make_statement(
        member,
        title="For my brother",
        experience="Like a heavy coat I cannot take off.",
        helps=[HelpKind.TEXT_CHECK_IN],
        crisis_contacts="Aunt May, 555-0101",
    )


def test_print_view_has_the_statement_without_navigation(member_client, statement):
    response = member_client.get(reverse("worksheets:statement-print", args=[statement.pk]))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Like a heavy coat I cannot take off." in html
    assert "Check in with a short text" in html
    assert 'aria-label="Main"' not in html
    assert "site-header" not in html
    assert html.count("<footer") == 1
    assert "crisis-footer" in html
    assert "call or text 988" in html
    assert "js/print.js" in html
    assert "use your browser's Print command" in html


def test_pdf_download_is_a_pdf_with_the_statements_text(member_client, statement):
    response = member_client.get(reverse("worksheets:statement-pdf", args=[statement.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="needs-statement-{statement.pk}.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    assert "For my brother" in text
    assert "Like a heavy coat I cannot take off." in text
    assert "Check in with a short text" in text
    assert "Aunt May, 555-0101" in text
    assert "988" in text


def test_pdf_draws_many_scripts_and_marks_what_it_cannot(member):
    statement = make_statement(
        member,
        title="Für meine Schwester, Ελένη",
        experience="Привет. 你好 谢谢 안녕하세요. नमस्ते. สวัสดี. שלום. مرحبا.",
        unhelpful="Emoji like \U0001f600 and a bell \x07 and a joiner \u200d.",
    )
    text = pdf_text(statement_pdf(statement))

    for fragment in ("Für meine Schwester, Ελένη", "Привет", "你好", "안녕하세요"):
        assert fragment in text
    assert MISSING in text
    assert "cannot be drawn in this PDF" in text


def test_pdf_of_an_empty_statement_still_prints_the_crisis_line(member):
    text = pdf_text(statement_pdf(make_statement(member, title="Empty")))
    assert "Empty" in text
    assert "988 Suicide & Crisis Lifeline" in text
    assert "cannot be drawn" not in text


def test_building_a_pdf_logs_nothing_of_what_the_member_wrote(member, caplog):
    statement = make_statement(member, title="Secret 你好 \U0001f600", experience="Private ÅÄÖ")
    with caplog.at_level(logging.DEBUG):
        statement_pdf(statement)
    noisy = [r for r in caplog.records if r.name.startswith(("fontTools", "fpdf"))]
    assert noisy == []
    assert not any(
        "Secret" in r.getMessage() or "Private" in r.getMessage() for r in caplog.records
    )


# A relationship prints too, with its checks and test drives.


@pytest.fixture
def relationship(member):
    from worksheets.models import Rating

    from ..factories import make_relationship, make_security_check, make_test_drive

    relationship = make_relationship(member, name="Jo", notes="My sister; we talk on Sundays.")
    make_security_check(
        relationship,
        checked_on=datetime.date(2026, 1, 5),
        reliability=Rating.NOT_YET,
        reliability_note="Forgot twice.",
    )
    make_security_check(relationship, checked_on=datetime.date(2026, 3, 5))
    make_test_drive(relationship, ask="A lift to the station.", response="Said yes at once.")
    return relationship


def test_a_relationship_has_a_printable_page(member_client, relationship):
    response = member_client.get(reverse("worksheets:relationship-print", args=[relationship.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "My sister; we talk on Sundays." in html
    assert "A lift to the station." in html
    assert "site-header" not in html
    assert "js/print.js" in html
    # Read-only: no edit or delete links on the printout.
    assert reverse("worksheets:relationship-edit", args=[relationship.pk]) not in html
    assert "/delete/" not in html
    detail = member_client.get(reverse("worksheets:relationship-detail", args=[relationship.pk]))
    assert reverse("worksheets:relationship-pdf", args=[relationship.pk]) in detail.content.decode()


def test_a_relationship_pdf_has_its_notes_checks_and_test_drives(member_client, relationship):
    response = member_client.get(reverse("worksheets:relationship-pdf", args=[relationship.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="relationship-{relationship.pk}.pdf"'
    )
    text = pdf_text(response.content)
    assert "Jo" in text
    assert "My sister; we talk on Sundays." in text
    assert "Security check, Jan. 5, 2026" in text
    assert "Reliability: Not yet. Forgot twice." in text
    # Oldest check first, so change reads top to bottom.
    assert text.index("Jan. 5, 2026") < text.index("March 5, 2026")
    assert "A lift to the station." in text
    assert "Said yes at once." in text


def test_a_pdf_in_spanish_has_spanish_headings_and_keeps_the_members_words(member_client, member):
    plan = make_safety_plan(
        member,
        title="Mi plan, ¿listo? ¡Sí!",
        warning_signs="Dejo de contestar",
        helpers=[{"name": "Ana Núñez", "phone": "555-0101", "message": "Llámame"}],
    )
    statement = make_statement(member, title="For my brother", experience="Heavy mornings.")
    spanish = {"accept-language": "es"}

    plan_pdf = member_client.get(
        reverse("worksheets:safetyplan-pdf", args=[plan.pk]), headers=spanish
    )
    statement_pdf = member_client.get(
        reverse("worksheets:statement-pdf", args=[statement.pk]), headers=spanish
    )

    text = pdf_text(plan_pdf.content)
    assert "1. Mis señales de alerta" in text
    assert "En una crisis" in text
    assert "Guardado por última vez el" in text
    assert "Página 1" in text
    assert "Mi plan, ¿listo? ¡Sí!" in text and "Ana Núñez" in text
    assert MISSING not in text
    assert "In a crisis" not in text
    assert plan_pdf["Content-Disposition"].startswith('attachment; filename="plan-de-seguridad-')
    text = pdf_text(statement_pdf.content)
    assert "Cómo es la depresión para mí" in text
    assert "Heavy mornings." in text
    assert "Last saved" not in text
