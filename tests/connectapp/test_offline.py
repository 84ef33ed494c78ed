"""The installable web app: manifest, service worker, offline crisis card,
and clearing the browser's cache at sign-out."""

import json

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import reverse

from helplines.crisis import LIFELINE_988
from helplines.models import SupportLine
from tests.factories import make_support_line


@pytest.fixture
def directory(db):
    return {
        "crisis": make_support_line(
            slug="text-line",
            name="Test Crisis Text Line",
            kind=SupportLine.Kind.CRISIS,
            region="US",
            phone="",
            text_number="741741",
            text_keyword="HOME",
        ),
        "oregon": make_support_line(slug="or-warm", name="Oregon Test Warmline", region="OR"),
        "washington": make_support_line(
            slug="wa-warm",
            name="Washington Test Warmline",
            region="WA",
            who_may_call=SupportLine.Callers.ANYWHERE,
        ),
        "texas": make_support_line(slug="tx-warm", name="Texas Test Warmline", region="TX"),
    }


def test_offline_card_without_a_state_is_the_crisis_line_in_code_and_needs_no_database(
    client, directory, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get(reverse("offline"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="tel:988"' in html
    assert 'href="sms:988"' in html
    assert "call 911" in html
    assert LIFELINE_988.name.replace("&", "&amp;") in html
    assert "Oregon Test Warmline" not in html
    assert "open the Helplines page and choose your state" in html


def test_offline_card_for_a_state_lists_its_warmlines_and_neighbours_that_take_calls(
    client, directory
):
    html = client.get(reverse("offline"), {"state": "OR"}).content.decode()
    assert "Warmlines for Oregon" in html
    assert "Text HOME to 741741" in html
    assert html.index("Oregon Test Warmline") < html.index("Washington Test Warmline")
    assert "Texas Test Warmline" not in html
    # Hours as a timetable, never "open now", which would go stale offline.
    assert "Open now" not in html
    assert "Checked " in html


def test_offline_card_says_so_for_an_unknown_state(client, directory):
    response = client.get(reverse("offline"), {"state": "ZZ"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "We don't know that state" in html
    assert 'href="tel:988"' in html


@pytest.mark.parametrize("browser_language", ["en", "es"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_offline_card_speaks_the_language_it_is_asked_for(
    client, directory, language, browser_language
):
    response = client.get(
        reverse("offline"),
        {"state": "OR", "lang": language},
        headers={"accept-language": browser_language},
    )
    assert response.status_code == 200
    assert response["Content-Language"] == language
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    heading = {"en": "Help by phone or text", "es": "Ayuda por teléfono o mensaje de texto"}
    assert heading[language] in html


@pytest.mark.parametrize("lang", ["fr", "ES", "es-x", "", "../en"])
def test_offline_card_ignores_a_language_connect_does_not_speak(client, directory, lang):
    response = client.get(reverse("offline"), {"lang": lang}, headers={"accept-language": "es"})
    assert response.status_code == 200
    assert response["Content-Language"] == "es"
    assert "Ayuda por teléfono o mensaje de texto" in response.content.decode()


def test_offline_card_in_a_language_leaves_the_next_request_in_its_own(client, directory):
    client.get(reverse("offline"), {"lang": "es"})
    response = client.get(reverse("offline"), headers={"accept-language": "en"})
    assert response["Content-Language"] == "en"
    assert "Help by phone or text" in response.content.decode()


def test_offline_card_uses_a_signed_in_members_saved_state_but_nothing_else_of_theirs(
    member, member_client, directory
):
    member.home_state = "OR"
    member.save(update_fields=["home_state"])
    response = member_client.get(reverse("offline"))
    html = response.content.decode()
    assert "Oregon Test Warmline" in html
    assert member.display_name not in html
    assert member.email not in html
    assert "Sign out" not in html
    assert "csrfmiddlewaretoken" not in html
    assert "Set-Cookie" not in str(response.headers)


def test_offline_card_leaves_flash_messages_for_the_page_they_were_meant_for(
    member_client, directory
):
    member_client.post(reverse("helplines:remember-state"), {"state": "OR"})
    assert "Oregon first" not in member_client.get(reverse("offline")).content.decode()
    assert "Oregon first" in member_client.get("/helplines/?state=OR").content.decode()


@pytest.mark.django_db
def test_offline_card_has_the_strict_policy(client):
    policy = client.get(reverse("offline"))["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "script-src 'self'" in policy


@pytest.mark.django_db
def test_manifest_describes_an_installable_app_with_our_own_icons(client):
    response = client.get(reverse("manifest"))
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == "/"
    assert manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert icon["src"].startswith(settings.STATIC_URL.rstrip("/") + "/")
        assert finders.find(icon["src"].split("/static/", 1)[1])


@pytest.mark.django_db
def test_base_template_links_the_manifest_and_the_service_worker_script(client):
    html = client.get("/").content.decode()
    assert f'<link rel="manifest" href="{reverse("manifest")}">' in html
    assert f'data-service-worker="{reverse("service-worker")}"' in html
    assert "navigator.serviceWorker" not in html  # no inline script


@pytest.mark.django_db
def test_service_worker_is_javascript_served_from_the_root_and_revalidated(client):
    response = client.get(reverse("service-worker"))
    assert reverse("service-worker") == "/sw.js"
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_service_worker_precaches_only_static_files_and_the_public_card(client):
    source = client.get(reverse("service-worker")).content.decode()
    start = source.index("const CONFIG = ") + len("const CONFIG = ")
    config, _ = json.JSONDecoder().raw_decode(source[start:])
    assert config["offlineUrl"] == reverse("offline")
    assert config["precache"]
    assert all(url.startswith("/static/") for url in config["precache"])
    assert config["logoutPath"] == reverse("account_logout")
    assert config["helplinesPath"] == reverse("helplines:finder")
    assert config["languages"] == [code for code, _name in settings.LANGUAGES]


def test_signing_out_tells_the_browser_to_clear_its_cache(member_client):
    response = member_client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache"'


def test_other_posts_do_not_clear_the_cache(member_client):
    response = member_client.post(reverse("helplines:remember-state"), {"state": "OR"})
    assert "Clear-Site-Data" not in response


@pytest.mark.django_db
def test_a_visitor_who_was_not_signed_in_gets_no_clear_site_data(client):
    assert "Clear-Site-Data" not in client.post(reverse("account_logout"))


def test_keep_on_device_box_is_hidden_until_the_service_worker_answers():
    html = render_to_string(
        "includes/keep_on_device.html",
        {"keep_urls": ["/worksheets/a/", "/worksheets/b/"], "keep_label": "Keep my plan here"},
    )
    assert 'data-keep-urls="/worksheets/a/ /worksheets/b/"' in html
    assert " hidden>" in html
    assert 'type="checkbox"' in html
    assert "checked" not in html
    assert "shared or borrowed phone" in html
    assert "signing out of Connect on this device, removes the copy" in html


@pytest.mark.parametrize("extra_lines", [1, 20])
def test_offline_card_takes_the_same_queries_for_any_number_of_lines(
    client, directory, django_assert_max_num_queries, extra_lines
):
    for n in range(extra_lines):
        make_support_line(slug=f"or-extra-{n}", name=f"Oregon Extra {n}", region="OR")
    with django_assert_max_num_queries(2):
        response = client.get(reverse("offline"), {"state": "OR"})
    assert f"Oregon Extra {extra_lines - 1}" in response.content.decode()
