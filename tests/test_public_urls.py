"""Every URL needs a signed-in user unless it is on this reviewed allowlist.

LoginRequiredMiddleware protects every view that is not marked with
`login_not_required`. This test finds every marked view in the URLconf and
fails when one appears that nobody has reviewed. To make a page public, add it
here in the same change, with a reason in the review.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC_URL_NAMES = {
    # Site-wide pages.
    "home",
    "healthz",
    "helplines:finder",
    # What Connect is, its privacy notice, its accessibility statement and its
    # tips for being with people: read before deciding to sign up.
    "about",
    "privacy",
    "accessibility",
    "being-with-people",
    # The footer's language switcher (a POST that sets the language cookie):
    # visitors choose a language before they have an account.
    "set_language",
    # The offline crisis card: public crisis lines and one state's warmlines,
    # rendered as for an anonymous visitor so the service worker may keep it.
    "offline",
    # The installable app's manifest and service worker: no user data, and the
    # browser fetches them without asking anyone to sign in.
    "manifest",
    "service-worker",
    # The helpline finder's JSON: the same public directory as the finder page.
    "helplines_api:lines",
    # "This number didn't work": anonymous, rate-limited, published lines only.
    "helplines:report",
    # The published activity catalogue: anyone may browse it before signing up.
    "activities:list",
    # One published activity; drafts and suggestions answer 404.
    "activities:detail",
    # Read-only JSON of the published catalogue.
    "activities_api:list",
    # A member's private calendar feed: calendar apps cannot sign in. The URL
    # holds a long random token; a wrong, replaced or turned-off one is a 404.
    "activities:calendar-feed",
    # One-click unsubscribe from reminder emails (RFC 8058), which must work
    # without a session. A signed token names the member; all it can do is
    # turn reminders off, and GET only asks.
    "activities:reminders-unsubscribe",
    # Django admin's sign-in; it redirects to allauth's (secure_admin_login).
    "admin:login",
    # allauth: signing in, signing up, and recovering an account.
    "account_login",
    "account_signup",
    "account_logout",
    "account_inactive",
    "account_email_verification_sent",
    "account_confirm_email",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_confirm_login_code",
    "mfa_authenticate",
}


def iter_patterns(patterns=None, prefix="", namespace=""):
    if patterns is None:
        patterns = get_resolver().url_patterns
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}{entry.namespace}:"
            yield from iter_patterns(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else None
            yield name, prefix + str(entry.pattern), entry.callback


def is_public(callback) -> bool:
    return getattr(callback, "login_required", True) is False


def test_every_public_url_is_on_the_allowlist():
    public = {name or route for name, route, callback in iter_patterns() if is_public(callback)}
    unreviewed = public - PUBLIC_URL_NAMES
    assert not unreviewed, f"Public URLs not on the reviewed allowlist: {sorted(unreviewed)}"


def test_allowlist_has_no_stale_entries():
    names = {name for name, _, _ in iter_patterns()}
    assert names >= PUBLIC_URL_NAMES, sorted(PUBLIC_URL_NAMES - names)


@pytest.mark.django_db
def test_protected_pages_send_anonymous_visitors_to_sign_in(client):
    checked = 0
    for name, route, callback in iter_patterns():
        if is_public(callback) or "<" in route or route.startswith("admin/"):
            continue
        path = "/" + route.lstrip("^").rstrip("$")
        if "(" in path or "\\" in path:
            continue
        response = client.get(path)
        assert response.status_code == 302, (name, path, response.status_code)
        assert response["Location"].startswith("/accounts/login/"), (name, path)
        checked += 1
    assert checked >= 5


# RFC 8058 one-click unsubscribe: mail providers POST with no cookie and no
# CSRF token. The signed token in the URL is the key, and the only effect is
# turning reminders off. No other view may be exempt.
CSRF_EXEMPT_URL_NAMES = ["activities:reminders-unsubscribe"]


def test_no_view_is_exempt_from_csrf_protection():
    exempt = [
        name or route for name, route, cb in iter_patterns() if getattr(cb, "csrf_exempt", False)
    ]
    assert exempt == CSRF_EXEMPT_URL_NAMES
