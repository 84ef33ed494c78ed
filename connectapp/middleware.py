from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


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
