"""How Connect picks a language: the member's saved preference, then the
footer's cookie, then the browser's Accept-Language. URLs carry no prefix."""

import re

import pytest
from django.conf import settings
from django.test import Client

COOKIE = settings.LANGUAGE_COOKIE_NAME


def html_lang(response) -> str:
    match = re.search(r'<html lang="([^"]+)"', response.content.decode())
    assert match, "no <html lang>"
    return match.group(1)


@pytest.mark.django_db
def test_english_by_default(client):
    response = client.get("/")
    assert html_lang(response) == "en"
    assert response["Content-Language"] == "en"


@pytest.mark.django_db
def test_accept_language_picks_spanish_without_a_url_prefix(client):
    response = client.get("/", headers={"accept-language": "es-US,es;q=0.9"})
    assert response.status_code == 200
    assert html_lang(response) == "es"
    assert response["Content-Language"] == "es"
    assert client.get("/es/").status_code == 404


@pytest.mark.django_db
def test_responses_vary_on_language_and_cookie(client):
    response = client.get("/about/")
    vary = {part.strip().lower() for part in response["Vary"].split(",")}
    assert {"accept-language", "cookie"} <= vary


@pytest.mark.django_db
def test_cookie_beats_accept_language(client):
    client.cookies[COOKIE] = "en"
    response = client.get("/", headers={"accept-language": "es"})
    assert html_lang(response) == "en"


@pytest.mark.django_db
def test_saved_preference_beats_cookie_and_browser(member, member_client):
    member.language = "es"
    member.save()
    member_client.cookies[COOKIE] = "en"
    response = member_client.get("/", headers={"accept-language": "en"})
    assert html_lang(response) == "es"


@pytest.mark.django_db
def test_blank_preference_follows_the_cookie(member, member_client):
    assert member.language == ""
    member_client.cookies[COOKIE] = "es"
    assert html_lang(member_client.get("/")) == "es"


@pytest.mark.django_db
def test_footer_switcher_is_a_plain_form(client):
    html = client.get("/about/").content.decode()
    assert 'action="/i18n/setlang/"' in html
    assert 'method="post"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="next" value="/about/"' in html
    assert '<option value="es" lang="es">Español</option>' in html


@pytest.mark.django_db
def test_switcher_sets_the_cookie_and_returns_to_the_page():
    client = Client(enforce_csrf_checks=True)
    client.get("/about/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/i18n/setlang/",
        {"language": "es", "next": "/about/", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert response["Location"] == "/about/"
    assert client.cookies[COOKIE].value == "es"
    assert html_lang(client.get("/about/")) == "es"


@pytest.mark.django_db
def test_switcher_refuses_an_outside_next(client):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.django_db
def test_switcher_ignores_an_unknown_language(member, member_client):
    response = member_client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.language == ""
    assert html_lang(member_client.get("/")) == "en"


@pytest.mark.django_db
def test_switcher_saves_a_signed_in_members_preference(member, member_client):
    member_client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    member.refresh_from_db()
    assert member.language == "es"


@pytest.mark.django_db
def test_switcher_only_answers_post(client):
    assert client.get("/i18n/setlang/").status_code == 405


@pytest.mark.django_db
def test_account_page_saves_the_preference(member, member_client):
    response = member_client.post(
        "/accounts/profile/", {"display_name": "Robin", "home_state": "", "language": "es"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.language == "es"
    assert html_lang(member_client.get("/accounts/profile/")) == "es"


@pytest.mark.django_db
def test_account_page_refuses_an_unknown_language(member, member_client):
    response = member_client.post(
        "/accounts/profile/", {"display_name": "Robin", "home_state": "", "language": "xx"}
    )
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.language == ""


@pytest.mark.django_db
def test_crisis_footer_date_follows_the_language(client):
    english = client.get("/").content.decode()
    spanish = client.get("/", headers={"accept-language": "es"}).content.decode()
    assert "Nov. 26, 2026" in english
    assert "26 de noviembre de 2026" in spanish
