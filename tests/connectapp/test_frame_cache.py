"""Kept HTML: the page frame (head, menu, footers) is rendered once per
process and kept, by language, page and role; a visitor's whole catalogue,
activity or helplines page is kept by the version of its data. CSRF tokens,
messages and the current address never are."""

import re

import pytest
from csp.middleware import CSPMiddleware
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import INFO
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse

from connectapp.lib import fragments, frame
from connectapp.lib.cache import RedisCache
from connectapp.lib.frame import FRAME_PIECES, VISITOR_PAGES

from ..factories import make_activity

pytestmark = pytest.mark.django_db

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NEXT_RE = re.compile(r'name="next" value="([^"]*)"')


def kept_text() -> str:
    return "".join("".join(p) for p in [*FRAME_PIECES.values(), *VISITOR_PAGES.values()])


def test_the_language_form_gets_a_new_token_and_this_pages_address_each_time(client, member_client):
    # The same query in another order: one kept page, two addresses.
    first = client.get("/activities/?setting=home&effort=low").content.decode()
    second = client.get("/activities/?effort=low&setting=home").content.decode()
    assert len(VISITOR_PAGES) == 1  # the second page was the kept one
    # A member's page is rendered each time, from kept pieces of the frame.
    third = member_client.get("/activities/?q=call").content.decode()
    assert FRAME_PIECES
    tokens = TOKEN_RE.findall(first) + TOKEN_RE.findall(second) + TOKEN_RE.findall(third)
    assert len(tokens) == 3 and len(set(tokens)) == 3
    assert NEXT_RE.findall(first) == ["/activities/?setting=home&amp;effort=low"]
    assert NEXT_RE.findall(second) == ["/activities/?effort=low&amp;setting=home"]
    assert NEXT_RE.findall(third) == ["/activities/?q=call"]


def test_no_kept_piece_holds_a_token_or_an_address(client, member_client):
    activity = make_activity(title="A walk", slug="a-walk")
    activity.messages.create(text="Fancy a walk?")
    # Pages whose content does not show these parameters: only the address has them.
    client.get(reverse("activities:detail", args=[activity.slug]), {"from": "private-words"})
    client.get(reverse("helplines:finder"), {"state": "CA", "from": "private-words"})
    member_client.get(reverse("activities:list"), {"from": "private-words"})
    assert len(VISITOR_PAGES) == 2 and FRAME_PIECES
    kept = kept_text()
    assert "csrfmiddlewaretoken" in kept  # the activity page's message forms...
    assert not re.search(r'name="csrfmiddlewaretoken" value="[^\x00]', kept)  # ...hold no token
    assert "private-words" not in kept


def test_a_kept_visitor_page_gets_this_requests_token_in_every_form():
    activity = make_activity(title="A walk", slug="a-walk")
    activity.messages.create(text="Fancy a walk?")
    url = reverse("activities:detail", args=[activity.slug])
    Client().get(url)  # another visitor's request: the page is kept
    client = Client(enforce_csrf_checks=True)
    page = client.get(url)
    html = page.content.decode()
    assert not page.templates or "activities/detail.html" not in [t.name for t in page.templates]
    tokens = TOKEN_RE.findall(html)
    assert len(tokens) >= 2 and len(set(tokens)) == 1 and "\x00" not in html
    # The token is a real one: the message form posts with it.
    response = client.post(
        url, {"message": 0, "text": "Walk later?", "csrfmiddlewaretoken": tokens[0]}
    )
    assert response.status_code == 200 and "Walk later?" in response.content.decode()
    assert client.post(url, {"message": 0, "text": "Walk later?"}).status_code == 403


def test_a_kept_visitor_page_shows_this_visitors_messages(client):
    client.get(reverse("activities:list"))
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(INFO, "A note for this visitor only")
    response = HttpResponse()
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value
    html = client.get(reverse("activities:list")).content.decode()
    assert "A note for this visitor only" in html
    assert (
        "A note for this visitor only"
        not in client.get(reverse("activities:list")).content.decode()
    )
    assert "A note for this visitor only" not in kept_text()


def test_a_catalogue_change_shows_at_once_on_a_kept_page(
    client, django_capture_on_commit_callbacks
):
    activity = make_activity(title="Call a friend", slug="call-a-friend")
    assert "Call a friend" in client.get(reverse("activities:list")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        activity.title = "Phone a friend"
        activity.save()
    html = client.get(reverse("activities:list")).content.decode()
    assert "Phone a friend" in html and "Call a friend" not in html


def test_signed_in_people_never_get_a_visitors_page(client, member_client):
    client.get(reverse("activities:list"))
    client.get(reverse("activities:list"))
    html = member_client.get(reverse("activities:list")).content.decode()
    assert reverse("activities:suggest") in html and "Sign out" in html
    assert (
        reverse("activities:suggest") not in client.get(reverse("activities:list")).content.decode()
    )


def test_visitor_pages_are_bounded(client, monkeypatch):
    monkeypatch.setattr(frame, "VISITOR_PAGES_MAX", 2)
    for word in ("walk", "call", "bake"):
        client.get(reverse("activities:list"), {"q": word})
    assert len(VISITOR_PAGES) == 2
    assert not any("bake" in repr(key) for key in list(VISITOR_PAGES)[:1])


def test_a_page_that_uses_the_nonce_is_never_kept(settings):
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "APP_DIRS": False,
            "OPTIONS": {
                **settings.TEMPLATES[0]["OPTIONS"],
                "loaders": [
                    ("django.template.loaders.locmem.Loader", {"nonce.html": NONCE_PAGE}),
                ],
            },
        }
    ]
    nonces = []
    for _ in range(2):
        request = RequestFactory().get("/somewhere/")
        request.user = AnonymousUser()
        CSPMiddleware(lambda r: None).process_request(request)
        html = frame.visitor_page(request, ("nonce", "v1"), "nonce.html", {}).content.decode()
        nonces.append(re.search(r'nonce="([^"]+)"', html)[1])
    assert nonces[0] != nonces[1]
    assert not VISITOR_PAGES


NONCE_PAGE = '<script nonce="{{ request.csp_nonce }}"></script>'


def test_the_menu_follows_the_role_not_the_previous_visitor(client, member_client):
    assert "Sign in" in client.get("/").content.decode()
    html = member_client.get("/").content.decode()
    assert "Sign out" in html
    assert reverse("account_login") + '"' not in html
    assert "Sign out" not in client.get("/").content.decode()


def test_the_clinician_and_admin_links_stay_with_their_roles(
    clinician_client, admin_client, member_client
):
    assert reverse("clinician:dashboard") in clinician_client.get("/").content.decode()
    assert reverse("admin:index") in admin_client.get("/").content.decode()
    html = member_client.get("/").content.decode()
    assert reverse("clinician:dashboard") not in html
    assert reverse("admin:index") not in html


def test_the_current_page_is_marked_on_each_page(client):
    for name in ("activities:list", "helplines:finder", "activities:list"):
        html = client.get(reverse(name)).content.decode()
        current = re.findall(r'href="([^"]+)" aria-current="page"', html)
        assert current == [reverse(name)]


def test_each_language_keeps_its_own_frame(client):
    spanish = client.get("/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Iniciar sesión" in spanish and "¿Necesitas ayuda ahora mismo?" in spanish
    assert "Sign in" in english and "Need help right now?" in english
    assert "Iniciar sesión" not in english
    assert "Sign in<" not in spanish


def test_a_changed_setting_empties_the_kept_pieces(client, settings):
    client.get("/")
    assert FRAME_PIECES
    settings.CONTACT_EMAIL = "other@connect.invalid"
    assert not FRAME_PIECES


def test_per_request_parts_render_every_time_and_nested_blocks_keep_their_holes():
    template = Template(
        "{% load connect_pages %}"
        "{% frame_cache 'outer' kind %}[{{ kind }}|{{ fixed }}]"
        "{% per_request %}<{{ now }}>{% end_per_request %}"
        "{% frame_cache 'inner' %}{% per_request %}({{ now }}){% end_per_request %}"
        "{% endframe_cache %}"
        "{% endframe_cache %}"
    )
    assert template.render(Context({"kind": "a", "fixed": 1, "now": 1})) == "[a|1]<1>(1)"
    # The same key: the kept text stays, the per-request parts follow the context.
    assert template.render(Context({"kind": "a", "fixed": 2, "now": 2})) == "[a|1]<2>(2)"
    assert template.render(Context({"kind": "b", "fixed": 3, "now": 3})) == "[b|3]<3>(3)"


def test_the_redis_backend_keeps_one_client():
    backend = RedisCache("redis://127.0.0.1:6379/15", {})
    assert backend._cache.get_client() is backend._cache.get_client()


def test_a_page_builds_on_the_request_factory_too():
    """Error pages render without a request; the frame must still work."""
    html = Template("{% extends 'base.html' %}").render(Context({}))
    assert 'href="tel:988"' in html
    request = RequestFactory().get("/")
    assert 'href="tel:988"' in Template("{% extends 'base.html' %}").render(
        Context({"request": request})
    )


def test_shared_fragments_are_kept_per_release(monkeypatch, memory_cache):
    version, _ = fragments.fragment_get("test:version", "test:part")
    fragments.fragment_set("test:part", version, "<p>old markup</p>", 60)
    assert fragments.fragment_get("test:version", "test:part") == (version, "<p>old markup</p>")
    monkeypatch.setattr(fragments, "code_version", lambda: "next-release")
    assert fragments.fragment_get("test:version", "test:part") == (version, None)


def test_a_version_bump_retires_shared_fragments(memory_cache):
    version, _ = fragments.fragment_get("test:version", "test:part")
    fragments.fragment_set("test:part", version, "<p>kept</p>", 60)
    fragments.version_bump("test:version")
    new_version, kept = fragments.fragment_get("test:version", "test:part")
    assert new_version != version and kept is None
