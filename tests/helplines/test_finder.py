import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from connectapp.lib.states import STATES
from helplines.finder import find_lines
from helplines.models import SupportLine
from tests.conftest import sign_in
from tests.factories import make_support_line

FINDER = reverse("helplines:finder")
API = reverse("helplines_api:lines")


def slugs_by_section(state_code: str | None) -> dict[str, list[str]]:
    state = STATES[state_code] if state_code else None
    return {
        section.key: [entry.line.slug for entry in section.entries]
        for section in find_lines(state=state, now=timezone.now())
    }


def html_order(html: str) -> list[str]:
    return re.findall(r'<article class="card line-card[^"]*" id="line-([\w-]+)"', html)


def test_finder_follows_the_own_state_first_order(directory):
    assert slugs_by_section("OR") == {
        "crisis": ["us-crisis"],
        "own_state": ["or-warm"],
        "neighbours": ["wa-warm"],
        "nationwide": ["mt-warm", "ny-warm", "us-warm"],
        "peer_support": ["us-peer"],
        "referral": ["us-referral"],
    }


def test_a_state_without_its_own_warmline_starts_with_its_neighbours(directory):
    # Idaho borders Oregon (which takes no outside calls), Washington and Montana.
    sections = slugs_by_section("ID")
    assert sections["own_state"] == []
    assert sections["neighbours"] == ["mt-warm", "wa-warm"]
    assert sections["nationwide"] == ["ny-warm", "us-warm"]


def test_own_state_crisis_and_peer_lines_come_before_national_ones(directory):
    sections = slugs_by_section("TX")
    assert sections["crisis"] == ["tx-crisis", "us-crisis"]
    assert sections["peer_support"] == ["tx-peer", "us-peer"]
    assert "ny-warm" in sections["nationwide"]


def test_without_a_state_national_lines_and_warmlines_open_to_all_show(directory):
    assert slugs_by_section(None) == {
        "crisis": ["us-crisis"],
        "nationwide": ["us-warm", "mt-warm", "ny-warm", "wa-warm"],
        "peer_support": ["us-peer"],
        "referral": ["us-referral"],
    }


@pytest.mark.django_db
def test_finder_page_lists_lines_in_finder_order_with_crisis_lines_first(client, directory):
    response = client.get(FINDER, {"state": "OR"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html_order(html) == [
        "us-crisis",
        "or-warm",
        "wa-warm",
        "mt-warm",
        "ny-warm",
        "us-warm",
        "us-peer",
        "us-referral",
    ]
    assert html.index('id="crisis-heading"') < html.index('id="section-own_state"')
    assert "Closed Oregon Line" not in html
    assert "California Warmline" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["OR", "ID", "TX", "NY", "HI"])
def test_json_order_matches_the_page_order(client, directory, code):
    html = client.get(FINDER, {"state": code}).content.decode()
    data = client.get(API, {"state": code}).json()
    assert [line["slug"] for line in data["lines"]] == html_order(html)
    assert [line["position"] for line in data["lines"]] == list(range(1, len(data["lines"]) + 1))


@pytest.mark.django_db
def test_api_returns_the_finder_order_for_every_state(client, directory):
    for code, state in STATES.items():
        response = client.get(API, {"state": code.lower()})
        assert response.status_code == 200, code
        data = response.json()
        assert data["state"] == {"code": code, "name": state.name}
        expected = [slug for slugs in slugs_by_section(code).values() for slug in slugs]
        assert [line["slug"] for line in data["lines"]] == expected, code
        sections = [line["section"] for line in data["lines"]]
        order = [s["key"] for s in data["sections"]]
        assert order == [
            "crisis",
            "own_state",
            "neighbours",
            "nationwide",
            "peer_support",
            "referral",
        ]
        assert sections == sorted(sections, key=order.index), code
        for line in data["lines"]:
            if line["section"] == "own_state":
                assert line["region"] == code
            if line["section"] == "neighbours":
                assert line["region"] in state.neighbours and line["accepts_out_of_state"]
            if line["section"] == "nationwide":
                assert line["accepts_out_of_state"]
                assert line["region"] not in {code, *state.neighbours}
        assert "or-closed" not in {line["slug"] for line in data["lines"]}


@pytest.mark.django_db
def test_api_describes_each_line(client, directory):
    data = client.get(API, {"state": "OR"}).json()
    first = data["lines"][0]
    assert first["slug"] == "us-crisis"
    assert first["section"] == "crisis"
    assert first["open_now"] is True
    assert first["phone"] == "1-555-010-0000"
    assert first["verified_on"] == timezone.localdate().isoformat()
    assert first["source_date"] == timezone.localdate().isoformat()
    assert first["source_kind"] == "operator"
    assert first["source_name"] == "example.org"
    assert first["who_may_call"] == "state"
    assert first["stale"] is False
    assert response_is_json_safe(data)


def response_is_json_safe(data: dict) -> bool:
    return json.loads(json.dumps(data)) == data


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["ZZ", "XX", "USA", "O", "<b>OR</b>", "US", ""])
def test_api_refuses_an_unknown_state_with_a_clear_400(client, bad):
    response = client.get(API, {"state": bad})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "unknown_state"
    assert "two-letter US state code" in body["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["ZZ", "<script>alert(1)</script>", "US"])
def test_finder_page_explains_an_unknown_state(client, bad):
    response = client.get(FINDER, {"state": bad})
    assert response.status_code == 400
    html = response.content.decode()
    assert "We don&#x27;t know that state" in html
    assert "<script>alert(1)</script>" not in html
    assert 'aria-invalid="true"' in html


@pytest.mark.django_db
def test_api_without_a_state_lists_national_lines(client, directory):
    data = client.get(API).json()
    assert data["state"] is None
    assert [line["slug"] for line in data["lines"]] == [
        "us-crisis",
        "us-warm",
        "mt-warm",
        "ny-warm",
        "wa-warm",
        "us-peer",
        "us-referral",
    ]


@pytest.mark.django_db
def test_empty_sections_say_so_kindly(client, directory):
    html = client.get(FINDER, {"state": "HI"}).content.decode()
    assert "We don't have a checked warmline listed for Hawaii yet." in html
    assert "We don't have a warmline listed next door" in html


@pytest.mark.django_db
def test_contact_ways_are_tel_and_sms_links(client):
    make_support_line(
        slug="contacts",
        region="OR",
        phone="1-800-950-6264",
        text_number="62640",
        text_keyword="HELPLINE",
        tty="1-800-487-4889",
        chat_url="https://example.org/chat",
    )
    html = client.get(FINDER, {"state": "OR"}).content.decode()
    # Full numbers carry +1 so a phone dials them at once; the keyword is filled in.
    assert 'href="tel:+18009506264"' in html
    # "?&body=" fills in the word on both iOS and Android, as activities do.
    assert 'href="sms:62640?&amp;body=HELPLINE"' in html
    assert "Text HELPLINE to 62640" in html
    assert 'href="tel:+18004874889"' in html
    assert 'href="https://example.org/chat" rel="noopener noreferrer"' in html


@pytest.mark.django_db
def test_lines_with_evidence_over_two_years_old_carry_a_calm_note(client):
    old = timezone.localdate() - timedelta(days=800)
    make_support_line(slug="old-line", name="Old Line", region="OR", source_date=old)
    make_support_line(slug="new-line", name="New Line", region="OR")
    html = client.get(FINDER, {"state": "OR"}).content.decode()
    assert html.count("Numbers change") == 1
    new_card = html[html.index('id="line-new-line"') : html.index('id="line-old-line"')]
    old_card = html[html.index('id="line-old-line"') :]
    assert "Numbers change" not in new_card
    assert "If it doesn't answer, please try the next line" in old_card
    assert f"our source for this one is from {old.strftime('%B %Y')}" in old_card
    data = client.get(API, {"state": "OR"}).json()
    assert {line["slug"]: line["stale"] for line in data["lines"]} == {
        "old-line": True,
        "new-line": False,
    }


@pytest.mark.django_db
def test_every_line_says_when_and_by_whom_it_was_last_confirmed(client, directory):
    SupportLine.objects.filter(slug="or-warm").update(
        source_name="Oregon Health News", source_date="2025-03-14"
    )
    html = client.get(FINDER, {"state": "OR"}).content.decode()
    cards = len(html_order(html))
    assert html.count("Last confirmed ") == cards
    assert html.count('href="https://example.org/source" rel="noopener noreferrer"') == cards
    assert "Last confirmed March 2025 by" in html
    assert ">Oregon Health News</a> (operator)" in html
    assert ">example.org</a> (operator)" in html


@pytest.mark.django_db
def test_hours_read_as_words_people_use(client):
    make_support_line(
        slug="evenings",
        region="OR",
        open_24_7=False,
        hours=[{"day": day, "opens": "10:00", "closes": "22:00"} for day in range(5)],
        time_zone="America/New_York",
    )
    html = client.get(FINDER, {"state": "OR"}).content.decode()
    assert "Monday to Friday, 10 am to 10 pm Eastern" in html
    assert "America/New_York" not in html
    data = client.get(API, {"state": "OR"}).json()
    assert data["lines"][0]["hours_text"] == "Monday to Friday, 10 am to 10 pm Eastern"


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["closed", "needs_checking"])
def test_closed_and_unchecked_lines_never_reach_the_page_or_the_json(client, status):
    make_support_line(slug="hidden", name="Hidden Line", region="OR", status=status)
    make_support_line(
        slug="hidden-far",
        name="Hidden Far Line",
        region="NY",
        who_may_call="anywhere",
        status=status,
    )
    for params in ({"state": "OR"}, {"state": "ID"}, {}):
        html = client.get(FINDER, params).content.decode()
        assert "Hidden" not in html
        data = client.get(API, params).json()
        assert not [line for line in data["lines"] if "hidden" in line["slug"]]
    assert client.get(reverse("helplines:report", args=["hidden"])).status_code == 404


@pytest.mark.django_db
def test_a_line_open_to_callers_anywhere_fills_the_out_of_state_sections(client):
    make_support_line(slug="mo-anywhere", region="MO", who_may_call="anywhere")
    assert slugs_by_section("KS")["neighbours"] == ["mo-anywhere"]
    assert slugs_by_section("WY")["nationwide"] == ["mo-anywhere"]
    html = client.get(FINDER, {"state": "WY"}).content.decode()
    assert "Anyone, from anywhere." in html


@pytest.mark.django_db
def test_finder_without_any_lines_still_shows_the_988_lifeline(client):
    html = client.get(FINDER).content.decode()
    crisis = html[html.index('id="crisis-heading"') : html.index('id="state-heading"')]
    assert 'href="tel:988"' in crisis
    assert 'href="sms:988"' in crisis


@pytest.mark.django_db
def test_signed_in_member_without_a_state_is_asked_to_choose(member_client, directory):
    html = member_client.get(FINDER).content.decode()
    assert "Choose your state above" in html
    assert "Remember" not in html


@pytest.mark.parametrize("size", [5, 40])
@pytest.mark.django_db
def test_finder_query_count_does_not_grow_with_the_directory(
    client, member, memory_cache, django_assert_max_num_queries, size
):
    for n in range(size):
        make_support_line(
            slug=f"bulk-{n}", region=["OR", "WA", "NY", "US"][n % 4], who_may_call="us"
        )
    with django_assert_max_num_queries(1):
        assert client.get(FINDER, {"state": "OR"}).status_code == 200
    with django_assert_max_num_queries(1):
        assert client.get(API, {"state": "OR"}).status_code == 200
    signed_in = sign_in(client, member)
    signed_in.get(FINDER)  # the first request records the signed-in session
    # One query for the lines; the session, the user and allauth's record of
    # signed-in devices take the rest, whatever the directory's size.
    with django_assert_max_num_queries(11):
        assert signed_in.get(FINDER).status_code == 200
