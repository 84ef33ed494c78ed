from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from activities.models import ActivityLog, Plan, Recommendation, ReminderSettings
from worksheets.today import clinician_comments_since

from .privacy import data_kinds, session_lifetime

# How far back "new" comments and recommendations reach on the Today page.
TODAY_NEWS_DAYS = 14


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
        data_kinds=data_kinds(),
        session_lifetime=session_lifetime(),
        csrf_cookie_days=settings.CSRF_COOKIE_AGE // (60 * 60 * 24),
    )


@login_not_required
@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return _public_page(request, "accessibility.html")


@login_not_required
@require_GET
def being_with_people(request: HttpRequest) -> HttpResponse:
    return _public_page(request, "being_with_people.html")


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
@require_GET
def today(request: HttpRequest) -> HttpResponse:
    """A member's landing page after sign-in: today's plans and the next one,
    an energy check-in, their latest mood note, and what their clinician
    added lately. Each part is one query."""
    user = request.user
    prefs = ReminderSettings.objects.filter(owner=user).first()
    day = prefs.today() if prefs else timezone.localdate()
    plans = Plan.objects.open().filter(owner=user).select_related("activity")
    since = timezone.now() - timedelta(days=TODAY_NEWS_DAYS)
    return render(
        request,
        "today.html",
        {
            "day": day,
            "todays_plans": list(plans.filter(planned_for=day).order_by("pk")),
            "next_plan": plans.filter(planned_for__gt=day).order_by("planned_for", "pk").first(),
            "latest_log": ActivityLog.objects.for_owner(user).select_related("activity").first(),
            "recommendations": list(
                Recommendation.objects.open()
                .filter(owner=user, created_at__gte=since)
                .select_related("activity")[:5]
            ),
            "comments": clinician_comments_since(owner=user, since=since),
        },
    )
