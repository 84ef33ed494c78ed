import logging
from collections.abc import Callable

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from .security import client_ip

security_log = logging.getLogger("connect.security")

# Set on the session when its user adds an authenticator in it: allauth only
# records "mfa" for sessions that logged in with a code.
MFA_ENROLLED_SESSION_KEY = "connect_mfa_enrolled_user"

# Pages a clinician or staff member may reach before MFA is set up and passed:
# enrolment (which can ask to re-enter the password and needs a verified
# email), and signing out.
MFA_EXEMPT_URL_NAMES = frozenset(
    {
        "account_logout",
        "account_reauthenticate",
        "account_email",
        "account_email_verification_sent",
        "account_confirm_email",
        "mfa_index",
        "mfa_activate_totp",
        "mfa_reauthenticate",
        "mfa_view_recovery_codes",
        "mfa_download_recovery_codes",
        "healthz",
    }
)


def session_passed_mfa(request: HttpRequest) -> bool:
    user = request.user
    if request.session.get(MFA_ENROLLED_SESSION_KEY) == user.pk:
        return True
    return any(r.get("method") == "mfa" for r in get_authentication_records(request, user))


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
    """Clinicians and staff must have an authenticator and must have used it.

    Without an authenticator they are sent to set one up. A session that signed
    in without passing MFA (for example, one that began before the role was
    granted) is signed out and asked to sign in again with a code.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or not user.requires_mfa:
            return None
        if request.resolver_match.url_name in MFA_EXEMPT_URL_NAMES:
            return None
        if not is_mfa_enabled(user, [Authenticator.Type.TOTP]):
            messages.info(
                request,
                _(
                    "Your role can see other people's information, so it needs "
                    "two-factor authentication. Please set up an authenticator app to go on."
                ),
            )
            return redirect("mfa_activate_totp")
        if not session_passed_mfa(request):
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
        return None


class RefusedAccessLogMiddleware:
    """Log refused requests: a signed-in user's 403s and 404s (how reaching for
    someone else's worksheet looks) and every rate-limited 429. The path is
    logged without its query string; no request or response body ever is."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        status = response.status_code
        signed_in = getattr(request, "user", None) is not None and request.user.is_authenticated
        if status == 429 or (status in (403, 404) and signed_in):
            security_log.warning(
                "access_refused status=%s user=%s ip=%s method=%s path=%s",
                status,
                request.user.pk if signed_in else "-",
                client_ip(request),
                request.method,
                request.path,
            )
        return response
