"""Site-wide middleware: sliding sessions without a write on every request,
and clearing the browser's cache at sign-out."""

import time
from collections.abc import Callable

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.http import HttpRequest, HttpResponse

REFRESHED_KEY = "connect_session_refreshed_at"


class SessionRefreshMiddleware:
    """A sliding session expiry, written at most every SESSION_REFRESH_SECONDS.

    Each write moves the session's expiry SESSION_COOKIE_AGE into the future and
    records the visit in allauth's list of the user's sessions (their "last seen").
    In between, a signed-in page reads its session from the cache and writes
    nothing. Stands in for SESSION_SAVE_EVERY_REQUEST and for allauth's
    UserSessionsMiddleware, which both write on every request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and session.session_key and user and user.is_authenticated:
            now = int(time.time())
            if now - session.get(REFRESHED_KEY, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[REFRESHED_KEY] = now
                UserSession.objects.create_from_request(request)
        return self.get_response(request)


class ClearCacheOnSignOutMiddleware:
    """When a request signs the user out, tell the browser to drop its HTTP
    cache for the site, so no page of theirs can be shown from it afterwards.

    Only "cache": "storage" would also remove the service worker and the
    offline crisis card. The service worker deletes what a member kept on the
    device itself when it sees the sign-out (docs/offline.md).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST":  # signing out is always a POST
            return self.get_response(request)
        was_signed_in = request.user.is_authenticated
        response = self.get_response(request)
        if was_signed_in and not request.user.is_authenticated:
            response["Clear-Site-Data"] = '"cache"'
        return response
