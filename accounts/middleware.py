import logging
from collections.abc import Callable

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _

from .security import client_ip

security_log = logging.getLogger("connect.security")

# Set on the session when its user adds an authenticator in it: allauth only
# records "mfa" for sessions that logged in with a code.
MFA_ENROLLED_SESSION_KEY = "connect_mfa_enrolled_user"

# Any signed-in session may reach these, whether or not it passed MFA: signing
# out, and what holds nothing of anyone's (the service worker, the manifest and
# the offline crisis card, which render as for an anonymous visitor, and the
# language switcher), so a clinician half-way through setting up an
# authenticator still gets the offline crisis card and can change language.
MFA_EXEMPT_URL_NAMES = frozenset(
    {"account_logout", "healthz", "service-worker", "manifest", "offline", "set_language"}
)

# Setting up the first authenticator: the only other pages a session that has
# not passed MFA may reach, and only while its user has no authenticator at
# all. Enrolling can ask for the password again and needs a verified email.
# Recovery codes are not here: activating TOTP marks the session as having
# passed MFA, and a session that did not must never see or replace them.
MFA_SETUP_URL_NAMES = frozenset(
    {
        "account_reauthenticate",
        "account_email",
        "account_email_verification_sent",
        "account_confirm_email",
        "mfa_index",
        "mfa_activate_totp",
    }
)


def session_passed_mfa(request: HttpRequest) -> bool:
    user = request.user
    if request.session.get(MFA_ENROLLED_SESSION_KEY) == user.pk:
        return True
    return any(r.get("method") == "mfa" for r in get_authentication_records(request, user))


def authenticator_kinds(user) -> set[str] | frozenset[str]:
    """The kinds of authenticator the user has: loaded with the request's user
    from the cache (`accounts.backends`), else read from the database."""
    kinds = getattr(user, "authenticator_kinds", None)
    if kinds is None:
        kinds = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    return kinds


def is_second_factor_page(url_name: str | None) -> bool:
    """allauth's MFA pages: authenticators, recovery codes, MFA
    re-authentication. New ones are covered by their `mfa_` prefix."""
    return (url_name or "").startswith("mfa_")


class UserLanguageMiddleware:
    """A signed-in member's saved language (their account page) wins over the
    language cookie and Accept-Language, which LocaleMiddleware has already
    applied. The cookie can change the page, so responses vary on it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        preferred = getattr(user, "language", "") if user and user.is_authenticated else ""
        if preferred and translation.check_for_language(preferred):
            translation.activate(preferred)
            request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


class RequireMFAMiddleware:
    """A session that has not passed MFA may only set up a first authenticator
    and sign out.

    Clinicians and staff must have an authenticator and must have used it in
    this session: without one they are sent to set one up. A session that did
    not pass MFA while its user has an authenticator (for example, one that
    began before the authenticator or the role) is signed out and asked to sign
    in again with a code. Members need no MFA, but the same rule guards their
    second-factor pages, so an old password-only session can never read or
    replace a member's recovery codes.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated:
            return None
        url_name = request.resolver_match.url_name
        if url_name in MFA_EXEMPT_URL_NAMES:
            return None
        if not user.requires_mfa and not is_second_factor_page(url_name):
            return None
        kinds = authenticator_kinds(user)
        if kinds and not session_passed_mfa(request):
            security_log.warning(
                "mfa_session_refused user=%s ip=%s path=%s",
                user.pk,
                client_ip(request),
                request.path,
            )
            logout(request)
            messages.warning(
                request, _("Please sign in again and enter a code from your authenticator app.")
            )
            return redirect_to_login(request.get_full_path())
        if (
            user.requires_mfa
            and Authenticator.Type.TOTP not in kinds
            and url_name not in MFA_SETUP_URL_NAMES
        ):
            messages.info(
                request,
                _(
                    "Your role can see other people's information, so it needs "
                    "two-factor authentication. Please set up an authenticator app to go on."
                ),
            )
            return redirect("mfa_activate_totp")
        return None


class RefusedAccessLogMiddleware:
    """Log refused requests: a signed-in user's 403s and 404s (how reaching for
    someone else's worksheet looks) and every rate-limited 429. The path is
    logged without its query string; no request or response body ever is.
    A view marked `path_is_secret` (its path holds a key, such as a trusted
    link's token) is logged by its route instead."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        status = response.status_code
        signed_in = getattr(request, "user", None) is not None and request.user.is_authenticated
        if status == 429 or (status in (403, 404) and signed_in):
            path = request.path
            match = getattr(request, "resolver_match", None)
            if match is not None and getattr(match.func, "path_is_secret", False):
                path = "/" + match.route
            security_log.warning(
                "access_refused status=%s user=%s ip=%s method=%s path=%s",
                status,
                request.user.pk if signed_in else "-",
                client_ip(request),
                request.method,
                path,
            )
        return response


class PrivateByDefaultMiddleware:
    """Nothing shown to a signed-in user is kept by a browser or a proxy cache:
    every response to them says `Cache-Control: no-store`. A view whose page is
    the same for everyone may opt in to caching with Django's
    `cache_control(public=True, max_age=...)`, which this leaves alone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        opted_in = "public" in response.get("Cache-Control", "")
        if user is not None and user.is_authenticated and not opted_in:
            add_never_cache_headers(response)
        return response
