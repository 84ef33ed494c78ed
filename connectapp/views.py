"""Pages of the whole site, and the account pages that span apps (the data
download and account deletion), composed from every app's services."""

import hashlib
import json
import logging
from datetime import date, timedelta

from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language as django_set_language

from accounts.forms import AccountDeleteForm
from activities.models import ActivityLog, Plan, Recommendation, ReminderSettings
from connectapp.lib.states import get_state
from helplines.crisis import LIFELINE_988
from helplines.finder import find_lines
from worksheets.today import clinician_comments_since

from . import services
from .lib.notifications import notification_send
from .privacy import data_kinds, session_lifetime

logger = logging.getLogger(__name__)

# How far back "new" comments and recommendations reach on the Today page.
TODAY_NEWS_DAYS = 14

# When each statement was last checked against what the app does.
ACCESSIBILITY_REVIEWED_ON = date(2026, 11, 27)
PRIVACY_UPDATED_ON = date(2026, 11, 27)


@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


def _public_page(request: HttpRequest, template: str, **context) -> HttpResponse:
    return render(
        request,
        f"pages/{template}",
        {"contact_email": settings.CONTACT_EMAIL, "minimum_age": settings.MINIMUM_AGE, **context},
    )


@login_not_required
@require_GET
def about(request: HttpRequest) -> HttpResponse:
    return _public_page(request, "about.html")


@login_not_required
@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    """The privacy notice. Its table comes from `connectapp.privacy`, which a
    test keeps in step with the models."""
    return _public_page(
        request,
        "privacy.html",
        updated_on=PRIVACY_UPDATED_ON,
        data_kinds=data_kinds(),
        session_lifetime=session_lifetime(),
        csrf_cookie_days=settings.CSRF_COOKIE_AGE // (60 * 60 * 24),
    )


@login_not_required
@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return _public_page(request, "accessibility.html", reviewed_on=ACCESSIBILITY_REVIEWED_ON)


@login_not_required
@require_GET
def being_with_people(request: HttpRequest) -> HttpResponse:
    return _public_page(request, "being_with_people.html")


@login_not_required
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """The footer's language switcher: Django's `set_language` (the cookie and
    the redirect back). A signed-in member's saved preference follows the
    choice, since it outranks the cookie."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    user = request.user
    if user.is_authenticated and language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return response


@login_not_required
@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness for load balancers: the database answers. No session, no cookies."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@reauthentication_required
def data_download(request: HttpRequest) -> HttpResponse:
    """Everything the member keeps in Connect, as a JSON file. Asks for the
    password (or second factor) again if it was not entered recently, as
    account deletion does."""
    body = json.dumps(services.account_export(user=request.user), cls=DjangoJSONEncoder, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"connect-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@reauthentication_required
def data_print(request: HttpRequest) -> HttpResponse:
    """The same data as the download, laid out to read or print."""
    return render(
        request, "accounts/data_print.html", {"export": services.account_export(user=request.user)}
    )


@never_cache
@reauthentication_required(allow_get=True)
def account_delete(request: HttpRequest) -> HttpResponse:
    """Erase the account. The POST asks for the password again if it was not
    entered recently, then replays itself."""
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        email, language = user.email, user.language
        # Delete first: if it fails, the member is still signed in and can try
        # again. Only once the account is gone does this session end.
        try:
            services.account_delete(user=user, request=request)
        except DatabaseError:
            # One transaction: nothing was deleted. Say so, calmly.
            logger.exception("account_delete_failed user=%s", user.pk)
            messages.error(
                request,
                _(
                    "We could not delete your account just now, and nothing was "
                    "deleted. Please try again in a few minutes."
                ),
            )
            return render(request, "accounts/delete.html", {"form": form}, status=503)
        logout(request)
        # The account is already gone; a mail failure must not hide that.
        notification_send(to=email, language=language, template="accounts/email/account_deleted")
        messages.success(request, _("Your account and everything in it have been deleted."))
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})


@never_cache
@require_GET
def today(request: HttpRequest) -> HttpResponse:
    """A member's landing page after sign-in: today's plans and the next one,
    an energy check-in, their latest mood note, and what their clinician
    added lately. Each part is one query."""
    user = request.user
    prefs = ReminderSettings.objects.owned_by(user).first()
    day = prefs.today() if prefs else timezone.localdate()
    plans = Plan.objects.owned_by(user).open().select_related("activity")
    since = timezone.now() - timedelta(days=TODAY_NEWS_DAYS)
    return render(
        request,
        "today.html",
        {
            "day": day,
            "todays_plans": list(plans.filter(planned_for=day).order_by("pk")),
            "next_plan": plans.filter(planned_for__gt=day).order_by("planned_for", "pk").first(),
            "latest_log": ActivityLog.objects.owned_by(user).select_related("activity").first(),
            "recommendations": list(
                Recommendation.objects.owned_by(user)
                .open()
                .filter(created_at__gte=since)
                .select_related("activity")[:5]
            ),
            "comments": clinician_comments_since(owner=user, since=since),
        },
    )


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
    the member's. ?lang= (a language Connect speaks; anything else is ignored)
    picks its language: the worker fetches it in the language of the pages the
    member reads, which it cannot otherwise tell without their cookies.
    """
    language = request.GET.get("lang")
    if language not in dict(settings.LANGUAGES):
        return _offline_card(request)
    with translation.override(language):
        response = _offline_card(request)
    response["Content-Language"] = language
    return response


def _offline_card(request: HttpRequest) -> HttpResponse:
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
            "description": _("Small ways to stay connected, and crisis help that works offline."),
            "lang": get_language(),
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
        "languages": [code for code, _name in settings.LANGUAGES],
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
