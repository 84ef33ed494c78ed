"""The "Get help now" control in the header of every page."""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

GET_HELP = re.compile(r'<a class="btn btn-sm get-help-now" href="#([\w-]+)">Get help now</a>')


def assert_get_help_leads_to_crisis_lines(html: str) -> None:
    found = GET_HELP.findall(html)
    assert len(found) == 1, "one Get help now link per page"
    target = found[0]
    # The link's target is on the same page, and it is the crisis panel.
    assert f'id="{target}"' in html
    panel = html[html.index(f'id="{target}"') :]
    assert 'href="tel:988"' in panel
    assert 'href="sms:988"' in panel
    # It sits in the header, before the main content.
    assert html.index("Get help now") < html.index('<main id="main"')


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/", "/activities/", "/helplines/", "/accounts/login/", "/accounts/signup/", "/offline/"],
)
def test_public_pages_have_get_help_now_in_the_header(client, url):
    assert_get_help_leads_to_crisis_lines(client.get(url).content.decode())


@pytest.mark.parametrize(
    "name", ["worksheets:overview", "activities:my", "accounts:profile", "account_logout"]
)
def test_signed_in_pages_have_get_help_now_in_the_header(member_client, name):
    assert_get_help_leads_to_crisis_lines(member_client.get(reverse(name)).content.decode())


def test_clinician_dashboard_has_get_help_now(clinician_client):
    html = clinician_client.get(reverse("clinician:dashboard")).content.decode()
    assert_get_help_leads_to_crisis_lines(html)


@pytest.mark.django_db
def test_not_found_page_has_get_help_now(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_get_help_leads_to_crisis_lines(response.content.decode())


@pytest.mark.django_db
def test_forbidden_page_has_get_help_now(rf):
    assert_get_help_leads_to_crisis_lines(render_to_string("403.html", request=rf.get("/")))


def test_server_error_page_has_get_help_now_without_a_request():
    html = render_to_string("500.html")
    assert_get_help_leads_to_crisis_lines(html)
    # No menu: it would need the database to know who is signed in.
    assert "Sign in" not in html
