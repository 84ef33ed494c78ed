import hashlib
import json

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from helplines.crisis import LIFELINE_988
from helplines.finder import find_lines
from helplines.states import get_state


@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


@login_not_required
@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness for load balancers: the database answers. No session, no cookies."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain")


# The installable web app: manifest, service worker and offline crisis card.
# docs/offline.md explains what is cached and why nothing private is.

OFFLINE_STATE_SECTIONS = ("own_state", "neighbours")


@login_not_required
@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    """The crisis card the service worker keeps for when there is no connection.

    It holds public lines only: the crisis lines, and the warmlines of one
    state (from ?state=, else the signed-in member's saved state). It renders
    as for an anonymous visitor, so a copy kept on the device holds nothing of
    the member's.
    """
    code = request.GET.get("state")
    if code is None:
        state = get_state(getattr(request.user, "home_state", ""))
    else:
        state = get_state(code.strip().upper())
    # Without a state the card is the crisis line in code: the service worker
    # fetches it at install, and it must not need the database.
    sections = {}
    if state:
        sections = {s.key: s for s in find_lines(state=state, now=timezone.now())}
    context = {
        # Render as for an anonymous visitor, and leave flash messages for the
        # page they were meant for.
        "user": AnonymousUser(),
        "messages": (),
        "crisis_line": LIFELINE_988,
        "crisis_entries": [
            entry
            for entry in (sections["crisis"].entries if sections else [])
            if entry.line.phone != LIFELINE_988.phone
        ],
        "state": state,
        "state_sections": [sections[key] for key in OFFLINE_STATE_SECTIONS if key in sections],
        "unknown_state": code is not None and state is None,
        "saved_on": timezone.localdate(),
    }
    status = 400 if context["unknown_state"] else 200
    return render(request, "connectapp/offline.html", context, status=status)


@login_not_required
@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    icons = [
        {"src": static(f"img/app-icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in (192, 512)
    ]
    return JsonResponse(
        {
            "name": "Connect",
            "short_name": "Connect",
            "description": "Small ways to stay connected, and crisis help that works offline.",
            "id": "/",
            "start_url": "/",
            "scope": "/",
            "display": "standalone",
            "background_color": "#f7f5f0",
            "theme_color": "#2a6b62",
            "icons": icons + [{**icon, "purpose": "maskable"} for icon in icons],
        },
        content_type="application/manifest+json",
    )


def _service_worker_config() -> dict:
    precache = [
        static(name)
        for name in (
            "bootstrap/css/bootstrap.min.css",
            "bootstrap/js/bootstrap.bundle.min.js",
            "css/connect.css",
            "js/theme.js",
            "js/sw-register.js",
            "img/favicon.svg",
            "img/app-icon-192.png",
        )
    ]
    offline_url = reverse("offline")
    version = hashlib.sha256(json.dumps([precache, offline_url]).encode()).hexdigest()[:12]
    return {
        "version": version,
        "offlineUrl": offline_url,
        "precache": precache,
        "helplinesPath": reverse("helplines:finder"),
        "logoutPath": reverse("account_logout"),
        "keepablePrefixes": [reverse("worksheets:overview")],
    }


@login_not_required
@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, served from the site root so that its scope is the
    whole site. It is a template only to learn the static files' hashed names."""
    response = render(
        request,
        "connectapp/sw.js",
        {"config": json.dumps(_service_worker_config(), indent=2)},
        content_type="text/javascript; charset=utf-8",
    )
    # Browsers check for a new worker at least daily; no-cache makes each check real.
    response["Cache-Control"] = "no-cache"
    return response
