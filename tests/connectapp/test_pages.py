import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from helplines.crisis import LIFELINE_988


def assert_crisis_footer(html: str) -> None:
    assert 'href="tel:988"' in html
    assert 'href="sms:988"' in html
    assert LIFELINE_988.name.replace("&", "&amp;") in html
    assert LIFELINE_988.source_url in html
    assert "Nov. 26, 2026" in html


@pytest.mark.django_db
def test_home_explains_the_app_to_anonymous_visitors(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stay connected" in html
    assert reverse("account_signup") in html
    assert_crisis_footer(html)


def test_home_shows_the_crisis_footer_when_signed_in(member_client):
    html = member_client.get("/").content.decode()
    assert "Sign out" in html
    assert_crisis_footer(html)


def test_crisis_footer_is_on_account_pages(member_client):
    assert_crisis_footer(member_client.get(reverse("accounts:profile")).content.decode())


@pytest.mark.django_db
def test_crisis_footer_is_on_the_sign_in_page(client):
    assert_crisis_footer(client.get(reverse("account_login")).content.decode())


@pytest.mark.django_db
def test_not_found_page_is_friendly_and_keeps_the_footer(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "couldn't find that page" in html
    assert_crisis_footer(html)


def test_server_error_page_renders_without_a_request():
    """Django renders 500.html with no context at all; it must still show crisis help."""
    html = render_to_string("500.html")
    assert "Something went wrong" in html
    assert_crisis_footer(html)


@pytest.mark.django_db
def test_forbidden_page_is_friendly(rf):
    html = render_to_string("403.html", request=rf.get("/"))
    assert "isn't available to you" in html
    assert_crisis_footer(html)


@pytest.mark.django_db
def test_pages_have_landmarks_and_a_skip_link(client):
    html = client.get("/").content.decode()
    assert 'href="#main"' in html
    assert '<main id="main"' in html
    assert '<nav class="navbar' in html
    assert "<footer" in html
    assert 'lang="en"' in html


@pytest.mark.django_db
def test_bootstrap_is_served_locally(client):
    html = client.get("/").content.decode()
    assert "/static/bootstrap/css/bootstrap.min.css" in html
    assert "cdn" not in html.lower()


@pytest.mark.django_db
def test_templates_have_no_inline_scripts_or_styles(client):
    html = client.get("/").content.decode()
    assert "style=" not in html
    assert "<style" not in html
    for chunk in html.split("<script")[1:]:
        assert chunk.lstrip().startswith("src="), "inline script found"
