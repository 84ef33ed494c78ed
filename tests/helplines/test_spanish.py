"""Spanish-speaking callers: lines that speak Spanish first, and the crisis
lines' Spanish options, when Spanish is active."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from connectapp.lib.states import get_state
from helplines.finder import find_lines
from helplines.hours import describe_hours, opening_status, parse_hours
from helplines.models import SupportLine
from helplines.starter import STARTER_LINES
from tests.factories import make_support_line

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def oregon_lines(db):
    make_support_line(slug="a-english", name="A English Line", languages="English")
    make_support_line(slug="b-spanish", name="B Spanish Line", languages="English, Spanish")
    make_support_line(slug="c-english", name="C English Line", languages="English")


def own_state_slugs(**headers) -> list[str]:
    with translation.override(headers.get("lang")):
        sections = find_lines(state=get_state("OR"), now=timezone.now())
    own = next(section for section in sections if section.key == "own_state")
    return [entry.line.slug for entry in own.entries]


def test_spanish_speaking_lines_come_first_only_in_spanish(oregon_lines):
    assert own_state_slugs(lang="en") == ["a-english", "b-spanish", "c-english"]
    assert own_state_slugs(lang="es") == ["b-spanish", "a-english", "c-english"]


def test_the_page_and_api_put_spanish_lines_first_in_spanish(client, oregon_lines):
    url = reverse("helplines:finder") + "?state=OR"
    html = client.get(url, **SPANISH).content.decode()
    assert html.index('id="line-b-spanish"') < html.index('id="line-a-english"')
    html = client.get(url, **ENGLISH).content.decode()
    assert html.index('id="line-a-english"') < html.index('id="line-b-spanish"')
    data = client.get(reverse("helplines_api:lines") + "?state=OR", **SPANISH).json()
    slugs = [line["slug"] for line in data["lines"] if line["section"] == "own_state"]
    assert slugs == ["b-spanish", "a-english", "c-english"]


def test_starter_crisis_lines_carry_their_spanish_options():
    by_slug = {line["slug"]: line for line in STARTER_LINES}
    assert by_slug["988-lifeline"]["spanish_keypress"] == "2"
    assert by_slug["988-lifeline"]["spanish_text_keyword"] == "AYUDA"
    assert by_slug["crisis-text-line"]["spanish_text_keyword"] == "AYUDA"
    assert "Spanish" in by_slug["samhsa-national-helpline"]["languages"]


@pytest.mark.django_db
def test_crisis_lines_show_their_spanish_options_in_spanish(client):
    make_support_line(
        slug="988-lifeline",
        name="988 Suicide & Crisis Lifeline",
        kind=SupportLine.Kind.CRISIS,
        region="US",
        phone="988",
        text_number="988",
        languages="English, Spanish",
        spanish_keypress="2",
        spanish_text_keyword="AYUDA",
    )
    make_support_line(
        slug="crisis-text-line",
        name="Crisis Text Line",
        kind=SupportLine.Kind.CRISIS,
        region="US",
        phone="",
        text_number="741741",
        text_keyword="HOME",
        spanish_text_keyword="AYUDA",
    )
    html = client.get(reverse("helplines:finder"), **SPANISH).content.decode()
    assert "Llama al 988 y marca 2 para español" in html
    assert "Envía AYUDA al 988 para español" in html
    assert 'href="sms:988?&amp;body=AYUDA"' in html
    assert "Envía AYUDA al 741741 para español" in html
    english = client.get(reverse("helplines:finder"), **ENGLISH).content.decode()
    assert "AYUDA" not in english.replace("Text AYUDA", "")
    assert "for Spanish" not in english


@pytest.mark.django_db
def test_the_api_gives_the_name_people_see_in_their_language(client):
    make_support_line(
        slug="988-lifeline",
        name="988 Suicide & Crisis Lifeline",
        kind=SupportLine.Kind.CRISIS,
        region="US",
        phone="988",
    )
    make_support_line(slug="oregon-warmline", name="Oregon Warmline", region="OR")

    def names(**headers) -> dict[str, str]:
        data = client.get(reverse("helplines_api:lines") + "?state=OR", **headers).json()
        return {line["slug"]: line["name"] for line in data["lines"]}

    assert names(**SPANISH) == {
        "988-lifeline": "988 Línea de Prevención del Suicidio y Crisis",
        "oregon-warmline": "Oregon Warmline",
    }
    assert names(**ENGLISH)["988-lifeline"] == "988 Suicide & Crisis Lifeline"


@pytest.mark.django_db
def test_a_spanish_option_needs_its_way_to_reach_the_line():
    line = make_support_line()
    line.phone, line.chat_url = "", "https://example.org/chat"
    line.spanish_keypress = "2"
    line.spanish_text_keyword = "AYUDA"
    with pytest.raises(Exception) as error:
        line.full_clean()
    assert {"spanish_keypress", "spanish_text_keyword"} <= set(error.value.message_dict)


def test_hours_and_status_read_in_spanish():
    eastern = ZoneInfo("America/New_York")
    spans = parse_hours("Mon-Fri 10:00-22:00")
    with translation.override("es"):
        assert describe_hours(spans, "America/New_York") == (
            "De lunes a viernes, de 10 a. m. a 10 p. m., hora del Este"
        )
        friday_night = datetime(2026, 11, 27, 23, 0, tzinfo=eastern)
        status = opening_status(spans, eastern, friday_night)
        assert status.describe(friday_night) == "Cerrada ahora. Abre el lunes a las 10:00 EST"


@pytest.mark.django_db
def test_state_names_and_api_errors_are_in_spanish(client):
    html = client.get(reverse("helplines:finder") + "?state=NY", **SPANISH).content.decode()
    assert "Líneas de apoyo emocional en Nueva York" in html
    response = client.get(reverse("helplines_api:lines") + "?state=ZZ", **SPANISH)
    assert response.status_code == 400
    assert response.json()["message"].startswith("Código de estado desconocido")
