"""Helpline descriptions and notes in English and Spanish: fallback, the
admins' note, the API, the admin form, CSV files and the starter loader."""

import csv
import io

import pytest
import tablib
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from helplines import starter_es
from helplines.models import SupportLine
from helplines.resources import SupportLineResource
from tests.factories import make_support_line

pytestmark = pytest.mark.django_db

FINDER_URL = reverse("helplines:finder")
API_URL = reverse("helplines_api:lines")
SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}
NOTE_ES = "Sin traducción al español todavía"


def oregon_line(**fields) -> SupportLine:
    return make_support_line(
        slug="or-warm",
        name="Oregon Warmline",
        description="Someone to talk to.",
        description_es="Alguien con quien hablar.",
        hours_note="Closed on holidays.",
        hours_note_es="Cerrada los días feriados.",
        restrictions="Oregon residents.",
        restrictions_es="Personas que viven en Oregón.",
        **fields,
    )


def test_the_finder_shows_spanish_text_and_falls_back_to_english(client):
    oregon_line()
    make_support_line(slug="or-peer", region="OR", description="A peer answers.")
    html = client.get(FINDER_URL, {"state": "OR"}, **SPANISH).content.decode()
    assert "Alguien con quien hablar." in html
    assert "Cerrada los días feriados." in html
    assert "Personas que viven en Oregón." in html
    assert "Someone to talk to." not in html
    assert "A peer answers." in html
    english = client.get(FINDER_URL, {"state": "OR"}).content.decode()
    assert "Someone to talk to." in english
    assert "Alguien con quien hablar." not in english


def test_only_admins_see_the_note_about_missing_spanish(client, member_client, admin_client):
    make_support_line(region="OR", description="A peer answers.")
    query = {"state": "OR"}
    assert NOTE_ES in admin_client.get(FINDER_URL, query, **SPANISH).content.decode()
    assert NOTE_ES not in member_client.get(FINDER_URL, query, **SPANISH).content.decode()
    assert NOTE_ES not in client.get(FINDER_URL, query, **SPANISH).content.decode()
    # The lists the visitors' pages shared do not hide the note from an admin.
    assert NOTE_ES in admin_client.get(FINDER_URL, query, **SPANISH).content.decode()
    assert "Only admins see this note" not in admin_client.get(FINDER_URL, query).content.decode()


def test_a_fully_translated_line_earns_no_note(admin_client):
    oregon_line()
    html = admin_client.get(FINDER_URL, {"state": "OR"}, **SPANISH).content.decode()
    assert NOTE_ES not in html


def test_the_api_speaks_the_requested_language_with_english_fallback(client):
    oregon_line()
    make_support_line(slug="or-peer", region="OR", description="A peer answers.")
    lines = {
        line["slug"]: line
        for line in client.get(API_URL, {"state": "OR"}, **SPANISH).json()["lines"]
    }
    assert lines["or-warm"]["description"] == "Alguien con quien hablar."
    assert lines["or-warm"]["hours_note"] == "Cerrada los días feriados."
    assert lines["or-peer"]["description"] == "A peer answers."
    english = client.get(API_URL, {"state": "OR"}, HTTP_ACCEPT_LANGUAGE="en").json()["lines"]
    assert {line["description"] for line in english} >= {"Someone to talk to."}


def test_the_admin_form_has_a_box_for_each_language(admin_client):
    line = oregon_line()
    url = reverse("admin:helplines_supportline_change", args=[line.pk])
    html = admin_client.get(url).content.decode()
    for name in ("description", "hours_note", "restrictions"):
        assert f'name="{name}_en"' in html
        assert f'name="{name}_es"' in html
    assert 'name="name"' in html
    assert 'name="name_es"' not in html


def test_an_admin_saves_spanish_without_touching_the_english(admin_client):
    line = oregon_line()
    url = reverse("admin:helplines_supportline_change", args=[line.pk])
    form = admin_client.get(url, **SPANISH).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data["hours"] = ""
    data["description_es"] = "Una persona te escucha."
    response = admin_client.post(url, data, **SPANISH)
    assert response.status_code == 302, response.context["adminform"].form.errors
    line.refresh_from_db()
    assert (line.description_en, line.description_es) == (
        "Someone to talk to.",
        "Una persona te escucha.",
    )


# CSV files


def run_import(text: str):
    dataset = tablib.Dataset().load(text, format="csv")
    return SupportLineResource().import_data(dataset, dry_run=False)


def test_export_and_import_carry_both_languages():
    oregon_line()
    exported = SupportLineResource().export().csv
    row = next(csv.DictReader(io.StringIO(exported)))
    assert (row["description_en"], row["description_es"]) == (
        "Someone to talk to.",
        "Alguien con quien hablar.",
    )
    assert row["restrictions_es"] == "Personas que viven en Oregón."
    assert "description" not in row
    SupportLine.objects.all().delete()
    result = run_import(exported)
    assert not result.has_errors() and not result.has_validation_errors()
    line = SupportLine.objects.get(slug="or-warm")
    assert line.description_es == "Alguien con quien hablar."
    assert line.hours_note_en == "Closed on holidays."


OLD_FILE = (
    "slug,name,kind,description,phone,region,open_24_7,time_zone,hours_note,restrictions,"
    "status,source_url,verified_on\n"
    "nm-warm,New Mexico Warmline,warmline,Call any time.,1-555-010-0101,NM,yes,"
    "America/Denver,Busy at night.,NM only.,needs_checking,https://example.org/nm,2026-11-20\n"
)


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_old_one_language_file_imports_as_english(language):
    with translation.override(language):
        result = run_import(OLD_FILE)
    assert not result.has_errors() and not result.has_validation_errors()
    line = SupportLine.objects.get(slug="nm-warm")
    assert (line.description_en, line.description_es) == ("Call any time.", None)
    assert (line.hours_note_en, line.restrictions_en) == ("Busy at night.", "NM only.")


# The starter loader


def test_the_starter_loader_writes_the_spanish_text():
    call_command("load_starter_helplines")
    for slug, texts in starter_es.LINES.items():
        line = SupportLine.objects.get(slug=slug)
        for name, text in texts.items():
            assert getattr(line, f"{name}_es") == text


def test_running_the_loader_again_adds_spanish_and_keeps_admins_edits(capsys):
    call_command("load_starter_helplines")
    SupportLine.objects.update(description_es=None)
    first, second = list(starter_es.LINES)[:2]
    SupportLine.objects.filter(slug=first).update(description_es="Texto de un administrador.")
    SupportLine.objects.filter(slug=second).update(description_en="An admin's English.")
    call_command("load_starter_helplines")
    assert SupportLine.objects.get(slug=first).description_es == "Texto de un administrador."
    line = SupportLine.objects.get(slug=second)
    assert line.description_en == "An admin's English."
    assert line.description_es == starter_es.LINES[second]["description"]
    assert "0 added" in capsys.readouterr().out.splitlines()[-1]


def test_the_loader_writes_english_whatever_language_is_active():
    with translation.override("es"):
        call_command("load_starter_helplines")
    line = SupportLine.objects.get(slug="988-lifeline")
    assert line.description_en.startswith("Free, confidential support")
