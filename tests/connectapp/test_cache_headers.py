"""Every response to a signed-in user is `Cache-Control: no-store`, on every
URL in the URLconf, unless its view opts in to public caching."""

import re

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.views.decorators.cache import cache_control

from accounts.middleware import PrivateByDefaultMiddleware
from tests.factories import make_member
from tests.test_public_urls import iter_patterns

# Views that opt in to public caching for signed-in users. None do yet.
PUBLIC_CACHE_URL_NAMES: set[str] = set()

# Values for the URL parts; an object that does not exist answers 404, which
# must be no-store as well.
REGEX_PATHS = {
    "admin:app_list": "/admin/accounts/",
    "account_confirm_email": "/accounts/confirm-email/not-a-key/",
    "account_reset_password_from_key": "/accounts/password/reset/key/1-not-a-key/",
}


def concrete_paths():
    for name, route, _callback in iter_patterns():
        if name in REGEX_PATHS:
            yield name, REGEX_PATHS[name]
            continue
        if "(" in route or "^" in route:
            continue
        path = "/" + re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: "1" if m[1] != "slug" else "x", route)
        yield name or route, path


PATHS = sorted(set(concrete_paths()))


@pytest.mark.parametrize(("name", "path"), PATHS, ids=[name for name, _ in PATHS])
@pytest.mark.django_db
def test_every_page_for_a_signed_in_user_is_no_store(admin_client, member_client, name, path):
    if name in PUBLIC_CACHE_URL_NAMES:
        pytest.skip("opts in to public caching")
    client = admin_client if path.startswith("/admin/") else member_client
    response = client.get(path)
    assert "no-store" in response.get("Cache-Control", ""), (name, path, response.status_code)


def test_the_list_covers_the_private_account_pages():
    paths = {path for _name, path in PATHS}
    for path in (
        "/accounts/profile/",
        "/accounts/email/",
        "/accounts/sessions/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/activities/suggest/",
    ):
        assert path in paths


@pytest.mark.django_db
def test_a_view_may_opt_in_to_public_caching():
    @cache_control(public=True, max_age=300)
    def view(request):
        return HttpResponse("Same for everyone")

    request = RequestFactory().get("/")
    request.user = make_member()
    response = PrivateByDefaultMiddleware(view)(request)
    assert response["Cache-Control"] == "public, max-age=300"


@pytest.mark.django_db
def test_anonymous_visitors_are_left_alone(client):
    assert "no-store" not in client.get("/helplines/").get("Cache-Control", "")
