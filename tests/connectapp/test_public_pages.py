"""About, privacy, accessibility and tips: public, linked from every page, and
each page with a meta description of its own."""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from connectapp.descriptions import DEFAULT, PAGE_DESCRIPTIONS
from tests.factories import make_activity
from tests.test_public_urls import PUBLIC_URL_NAMES

FOOTER_PAGES = ["about", "being-with-people", "privacy", "accessibility"]

# Public URLs that answer with something other than an HTML page of their own.
NOT_HTML_PAGES = {
    "healthz",
    "helplines_api:lines",
    "activities_api:list",
    "activities:calendar-feed",
    "manifest",
    "service-worker",
    "admin:login",  # redirects to allauth's sign-in page
    "activities:detail",  # each activity's summary is its description
    "set_language",  # the footer's language switcher: a POST that redirects
}

META = re.compile(r'<meta name="description" content="([^"]*)">')


def description(html: str) -> str:
    found = META.findall(html)
    assert len(found) == 1, found
    return found[0]


def assert_footer_links(html: str) -> None:
    for name in FOOTER_PAGES:
        assert f'href="{reverse(name)}"' in html, name


@pytest.mark.django_db
@pytest.mark.parametrize("name", FOOTER_PAGES)
def test_the_page_is_public_and_has_its_own_description(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert description(html) == PAGE_DESCRIPTIONS[name]
    assert 'aria-current="page"' in html
    assert_footer_links(html)


def test_every_public_page_has_a_description_of_its_own():
    pages = PUBLIC_URL_NAMES - NOT_HTML_PAGES
    assert sorted(pages - PAGE_DESCRIPTIONS.keys()) == []
    texts = [*PAGE_DESCRIPTIONS.values(), DEFAULT]
    assert len(set(texts)) == len(texts), "two pages share a description"
    # Search results cut descriptions at about 160 characters.
    assert all(0 < len(text) <= 160 for text in texts)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["home", "activities:list", "helplines:finder", "account_login", "account_signup"],
)
def test_public_pages_carry_their_description(client, name):
    html = client.get(reverse(name)).content.decode()
    assert description(html) == PAGE_DESCRIPTIONS[name].replace("'", "&#x27;")


@pytest.mark.django_db
def test_an_activity_is_described_by_its_summary(client):
    activity = make_activity(summary="Sit in a café for ten minutes & say hello to one person.")
    html = client.get(activity.get_absolute_url()).content.decode()
    assert description(html) == "Sit in a café for ten minutes &amp; say hello to one person."


def test_signed_in_pages_link_to_the_four_pages(member_client):
    assert_footer_links(member_client.get(reverse("accounts:profile")).content.decode())


@pytest.mark.django_db
def test_error_pages_keep_the_footer_and_a_description(client, rf):
    assert_footer_links(client.get("/no-such-page/").content.decode())
    html = render_to_string("500.html")
    assert_footer_links(html)
    assert description(html) == DEFAULT


@pytest.mark.django_db
def test_about_credits_the_guide_and_the_sources_it_cites(client):
    html = client.get(reverse("about")).content.decode()
    assert "a guide about keeping connected with others" in html
    assert "<cite>The New York Times</cite>" in html
    assert "<cite>25 Volunteer Jobs to Do from Home</cite>" in html
    assert "not a crisis service" in html
    assert "https://doi.org/10.1371/journal.pone.0100100" in html
    assert "https://doi.org/10.1001/jamapsychiatry.2018.1776" in html


@pytest.mark.django_db
def test_tips_cover_the_guide_s_ideas_and_link_to_the_tools(client):
    html = client.get(reverse("being-with-people")).content.decode()
    for heading in [
        "go easy on the hard days",
        "Give your full attention",
        "Let your face and body show you are there",
        "Be yourself, untidy parts included",
        "Take a friendship for a test drive",
        "When shame says",
    ]:
        assert heading in html, heading
    tools = ["worksheets:relationship-create", "worksheets:statement-create", "activities:list"]
    for name in tools:
        assert f'href="{reverse(name)}"' in html, name


@pytest.mark.django_db
def test_accessibility_statement_names_the_standard_and_how_to_report(client, settings):
    settings.CONTACT_EMAIL = "access@example.org"
    html = client.get(reverse("accessibility")).content.decode()
    assert "WCAG) 2.2 at level AA" in html
    assert "Known gaps" in html
    assert 'href="mailto:access@example.org"' in html


@pytest.mark.django_db
def test_privacy_notice_says_how_to_ask_and_the_minimum_age(client, settings):
    settings.CONTACT_EMAIL = "privacy@example.org"
    settings.MINIMUM_AGE = 16
    html = client.get(reverse("privacy")).content.decode()
    assert 'href="mailto:privacy@example.org"' in html
    assert "aged 16 or over" in html
    assert "never logged" in html
