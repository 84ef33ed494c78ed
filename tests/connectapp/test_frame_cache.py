"""The page frame (head, menu, footers) is rendered once per process and kept,
by language, page and role; CSRF tokens and the current address never are."""

import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from connectapp.lib import fragments
from connectapp.lib.cache import RedisCache
from connectapp.templatetags.connect_pages import FRAME_PIECES

pytestmark = pytest.mark.django_db

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NEXT_RE = re.compile(r'name="next" value="([^"]*)"')


@pytest.fixture(autouse=True)
def _empty_frame():
    FRAME_PIECES.clear()
    yield
    FRAME_PIECES.clear()


def test_the_language_form_gets_a_new_token_and_this_pages_address_each_time(client):
    first = client.get(reverse("activities:list"), {"q": "walk"}).content.decode()
    second = client.get(reverse("activities:list"), {"q": "call"}).content.decode()
    assert FRAME_PIECES  # the second page was built from kept pieces
    tokens = TOKEN_RE.findall(first) + TOKEN_RE.findall(second)
    assert len(tokens) == 2 and tokens[0] != tokens[1]
    assert NEXT_RE.findall(first) == ["/activities/?q=walk"]
    assert NEXT_RE.findall(second) == ["/activities/?q=call"]


def test_no_kept_piece_holds_a_token_or_an_address(client):
    client.get(reverse("activities:list"), {"q": "private-words"})
    kept = "".join("".join(pieces) for pieces in FRAME_PIECES.values())
    assert "csrfmiddlewaretoken" not in kept
    assert "private-words" not in kept


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
