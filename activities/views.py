import functools
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from connectapp.lib import userdata
from connectapp.lib.fragments import CSRF_PLACEHOLDER, kept_html
from connectapp.lib.frame import visitor_page
from connectapp.lib.ids import id_from
from connectapp.lib.translation import untranslated_fields

from . import reminders, services
from .access import (
    get_activity_for_preview,
    get_activity_for_user,
    get_plan_for_user,
    get_recommendation_for_user,
    get_start_for_user,
)
from .cache import VERSION_KEY as CATALOGUE_VERSION_KEY
from .cache import catalogue_fragment_get, catalogue_fragment_set, part_key
from .calendar import feed_ics, plan_ics
from .filters import ActivityFilter
from .forms import (
    FeedSettingsForm,
    LogForm,
    MessageForm,
    PlanForm,
    ReminderSettingsForm,
    StartForm,
    SuggestionForm,
)
from .models import (
    Activity,
    ActivityLog,
    ActivityStart,
    Plan,
    Recommendation,
    ReminderSettings,
    sms_href,
)
from .progress import CHART_MAX_LOGS, mood_chart, overall_summary, per_activity

PAGE_SIZE = 30
# What feed_token_new makes: URL-safe base64. Anything else is a 404 before any query.
FEED_TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{20,64}")

# Items per page of /api/activities/ (docs/activities.md).
API_PAGE_SIZE = 50
RELATED_COUNT = 4
MY_RECENT_LOGS = 10
PER_ACTIVITY_ROWS = 20
# Each filter parameter, and how notes on the page name it.
FILTER_NAMES = {
    "setting": gettext_lazy("place"),
    "effort": gettext_lazy("effort"),
    "kind": gettext_lazy("kind"),
    "q": gettext_lazy("search"),
}


# The catalogue


def _filter_notes(filterset: ActivityFilter, data: QueryDict) -> list[str]:
    notes = []
    for name in filterset.errors:
        if name not in FILTER_NAMES:
            continue
        value = ", ".join(data.getlist(name))
        if len(value) > 40:
            value = value[:40] + "…"
        notes.append(
            _("We didn't recognize “%(value)s” for the %(filter)s filter, so we left it out.")
            % {"value": value, "filter": FILTER_NAMES[name]}
        )
    return notes


def _relaxations(filterset: ActivityFilter, data: QueryDict) -> list[dict]:
    """For an empty result: which single filter, taken away, would show something."""
    suggestions = []
    for name in FILTER_NAMES:
        if not filterset.form.cleaned_data.get(name) or name in filterset.errors:
            continue
        relaxed = data.copy()
        relaxed.pop(name, None)
        relaxed.pop("page", None)
        count = ActivityFilter(relaxed, queryset=Activity.objects.published()).qs.count()
        if count:
            suggestions.append(
                {
                    "label": FILTER_NAMES[name],
                    "count": count,
                    "url": f"{reverse('activities:list')}?{relaxed.urlencode()}",
                }
            )
    return suggestions


def _catalogue_page(request: HttpRequest) -> tuple[ActivityFilter, Page]:
    filterset = ActivityFilter(request.GET, queryset=Activity.objects.published().for_cards())
    filterset.is_valid()  # so cleaned_data is there for whatever reads it
    return filterset, Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))


def _catalogue_html(request: HttpRequest) -> str:
    """The catalogue's content for this query: filter forms, results, paging."""
    filterset, page = _catalogue_page(request)
    paging = request.GET.copy()
    paging.pop("page", None)
    context = {
        "filter": filterset,
        "page": page,
        "activities": page.object_list,
        "notes": _filter_notes(filterset, request.GET),
        "relaxations": (_relaxations(filterset, request.GET) if not page.paginator.count else []),
        "is_filtered": any(request.GET.get(name) for name in FILTER_NAMES),
        "current_setting": filterset.form.cleaned_data.get("setting") or "",
        "current_effort": filterset.form.cleaned_data.get("effort") or "",
        "paging_query": paging.urlencode(),
    }
    return kept_html("activities/includes/catalogue.html", context)


@login_not_required
@require_GET
def activity_list(request: HttpRequest) -> HttpResponse:
    """The catalogue. Its content is kept in the cache per query and language
    with the catalogue version (`activities.cache`): a hit runs no query."""
    key = part_key("list", request.GET)
    version, html = catalogue_fragment_get(key)
    if html is None:
        html = _catalogue_html(request)
        catalogue_fragment_set(key, version, html)
    context = {"catalogue": mark_safe(html)}  # noqa: S308  # nosec B308 B703: rendered above
    if request.user.is_staff:
        # Only admins hear that some cards show English for want of a translation.
        _, page = _catalogue_page(request)
        context["untranslated"] = any(
            untranslated_fields(activity, ["title", "summary"]) for activity in page.object_list
        )
    return visitor_page(request, (key, version), "activities/list.html", context)


def _detail_parts(activity: Activity, *, preview: bool = False, **extra) -> dict:
    """An activity page's parts that are the same for everyone, rendered."""
    ready_messages = [
        {"pk": m.pk, "index": i, "text": m.text, "href": sms_href(m.text)}
        for i, m in enumerate(activity.messages.all())
    ]
    edited = extra.pop("edited", None)
    if edited is not None and edited["message"] < len(ready_messages):
        ready = ready_messages[edited["message"]]
        ready["text"] = edited["text"]
        ready["href"] = sms_href(edited["text"])
        ready["edited"] = True
    context = {
        "activity": activity,
        "ready_messages": ready_messages,
        "related": Activity.objects.published().same_or_easier_than(activity)[:RELATED_COUNT],
        "preview": preview,
        # Kept for everyone: each page puts its own token here (with_csrf_token).
        "csrf_token": CSRF_PLACEHOLDER,
        **extra,
    }
    return {
        "pk": activity.pk,
        "slug": activity.slug,
        "title": activity.title,
        "summary": activity.summary,
        "has_messages": bool(ready_messages),
        "main": kept_html("activities/includes/detail_main.html", context),
        "related": kept_html("activities/includes/detail_related.html", context),
    }


def _detail_response(
    request: HttpRequest, parts: dict, *, plan_form: PlanForm | None = None, status: int = 200
) -> HttpResponse:
    # The template puts this request's CSRF token into "main" (with_csrf_token).
    context = {**parts, "related": mark_safe(parts["related"])}  # noqa: S308  # nosec B308 B703: rendered above
    if request.user.is_staff:
        # Only admins hear that some text shows in English for want of a translation.
        activity = Activity.objects.prefetch_related("links", "messages").get(pk=parts["pk"])
        context["untranslated"] = activity.shows_untranslated_text()
    if request.user.is_authenticated:  # "Make it yours": their plan and its form
        plan = Plan.objects.owned_by(request.user).open().filter(activity_id=parts["pk"]).first()
        context["plan"] = plan
        context["plan_form"] = plan_form or PlanForm(instance=plan)
    return render(request, "activities/detail.html", context, status=status)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def activity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One activity. Its page's shared parts are kept in the cache with the
    catalogue version (one round trip, no query for a visitor). A POST here
    only edits a ready-to-send message and saves nothing; it keeps the
    member's words out of the address bar and server logs."""
    if request.method == "POST":
        activity = get_activity_for_user(request.user, slug, parts=True)
        form = MessageForm(request.POST)
        if form.is_valid():
            extra, status = {"edited": form.cleaned_data}, 200
        else:
            extra, status = {"message_errors": form.errors}, 400
        parts = _detail_parts(activity, **extra)
        return _detail_response(request, parts, status=status)
    key = part_key("detail", QueryDict(), slug)
    version, parts = catalogue_fragment_get(key)
    if parts is None:
        activity = get_activity_for_user(request.user, slug, parts=True)
        parts = _detail_parts(activity)
        catalogue_fragment_set(key, version, parts)
    if not request.user.is_authenticated:
        context = {**parts, "related": mark_safe(parts["related"])}  # noqa: S308  # nosec B308 B703: rendered above
        return visitor_page(request, (key, version), "activities/detail.html", context)
    return _detail_response(request, parts)


@require_GET
@never_cache
def activity_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """How a draft or suggested activity will look once published. Staff only."""
    activity = get_activity_for_preview(request.user, pk)
    return _detail_response(request, _detail_parts(activity, preview=True))


def _api_item(request: HttpRequest, activity: Activity) -> dict:
    return {
        "slug": activity.slug,
        "title": activity.title,
        "summary": activity.summary,
        "setting": activity.setting,
        "effort": activity.effort,
        "kinds": [kind.slug for kind in activity.kinds.all()],
        "url": request.build_absolute_uri(activity.get_absolute_url()),
        "updated_at": activity.updated_at.isoformat(),
    }


def _api_page_url(request: HttpRequest, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@login_not_required
@require_GET
def api_activity_list(request: HttpRequest) -> HttpResponse:
    """The published catalogue as JSON, API_PAGE_SIZE items a page, with links to
    the next and previous pages. The body is cached like the catalogue's fragments."""
    key = part_key("api", request.GET, request.build_absolute_uri("/"))
    version, cached = catalogue_fragment_get(key)
    if cached is not None:
        return HttpResponse(cached, content_type="application/json")
    filterset = ActivityFilter(request.GET, queryset=Activity.objects.published().for_cards())
    if not filterset.is_valid():
        return JsonResponse(
            {
                "error": _("Some filter values are not valid."),
                "fields": {name: list(errors) for name, errors in filterset.errors.items()},
            },
            status=400,
        )
    page_number = request.GET.get("page") or "1"
    paginator = Paginator(filterset.qs, API_PAGE_SIZE)
    try:
        page = paginator.page(page_number)
    except InvalidPage:
        return JsonResponse(
            {"error": _("There is no page “%(page)s”.") % {"page": page_number[:20]}}, status=400
        )
    response = JsonResponse(
        {
            "count": paginator.count,
            "next": _api_page_url(request, page.next_page_number()) if page.has_next() else None,
            "previous": (
                _api_page_url(request, page.previous_page_number()) if page.has_previous() else None
            ),
            "results": [_api_item(request, activity) for activity in page.object_list],
        }
    )
    catalogue_fragment_set(key, version, response.content)
    return response


# A member's own plans and logs


@require_POST
def plan_save(request: HttpRequest, slug: str) -> HttpResponse:
    activity = get_activity_for_user(request.user, slug)
    plan = Plan.objects.owned_by(request.user).open().filter(activity=activity).first()
    form = PlanForm(request.POST, instance=plan)
    if not form.is_valid():
        activity = get_activity_for_user(request.user, slug, parts=True)
        parts = _detail_parts(activity)
        response = _detail_response(request, parts, plan_form=form, status=400)
        response["Cache-Control"] = "no-store"
        return response
    plan = services.plan_save(
        owner=request.user, activity=activity, planned_for=form.cleaned_data["planned_for"]
    )
    if plan.planned_for:
        day = date_format(plan.planned_for, "DATE_FORMAT")
        messages.success(request, _("Planned for %(day)s. It's in My activities.") % {"day": day})
    else:
        messages.success(request, _("Saved to My activities."))
    return redirect(activity)


@require_POST
def plan_remove(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, pk)
    services.plan_remove(plan=plan)
    messages.success(
        request, _("“%(title)s” is no longer in My activities.") % {"title": plan.activity.title}
    )
    return redirect("activities:my")


@require_POST
def recommendation_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = get_recommendation_for_user(request.user, pk)
    services.recommendation_dismiss(recommendation=recommendation)
    messages.success(
        request,
        _("“%(title)s” is put aside. You can still find it in the catalog.")
        % {"title": recommendation.activity.title},
    )
    return redirect("activities:my")


@never_cache
@require_http_methods(["GET", "POST"])
def log_create(request: HttpRequest, slug: str) -> HttpResponse:
    activity = get_activity_for_user(request.user, slug)
    plan_value = request.POST.get("plan") or request.GET.get("plan")
    plan = None
    if plan_value:
        plan_pk = id_from(plan_value)
        if plan_pk is None:
            raise Http404
        plan = get_plan_for_user(request.user, plan_pk)
        if plan.activity_id != activity.pk:
            raise Http404
    start = ActivityStart.objects.filter(owner=request.user, activity=activity).first()
    initial = {}
    if start is not None:
        initial = {
            "mood_before": start.mood_before,
            "done_on": timezone.localdate(start.started_at),
        }
    form = LogForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.log_create(
            owner=request.user,
            activity=activity,
            plan=plan,
            submission=data["submission"],
            done_on=data["done_on"],
            mood_before=data["mood_before"],
            mood_after=data["mood_after"],
            note=data["note"],
        )
        messages.success(
            request,
            _("Logged “%(title)s”. Thank you for noticing how it went.")
            % {"title": activity.title},
        )
        return redirect("activities:progress")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "activities/log.html",
        {"activity": activity, "plan": plan, "form": form, "start": start},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def start_create(request: HttpRequest, slug: str) -> HttpResponse:
    """ "I'm about to do it": note the mood before now, and the after later."""
    activity = get_activity_for_user(request.user, slug)
    form = StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.start_save(
            owner=request.user, activity=activity, mood_before=form.cleaned_data["mood_before"]
        )
        messages.success(
            request,
            _(
                "Your mood before “%(title)s” is noted. When you're done, come back "
                "here or to My activities to note how it went."
            )
            % {"title": activity.title},
        )
        return redirect(activity)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "activities/start.html", {"activity": activity, "form": form}, status=status
    )


@require_POST
def start_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    start = get_start_for_user(request.user, pk)
    services.start_dismiss(start=start)
    messages.success(
        request,
        _("Put aside your mood note for “%(title)s”.") % {"title": start.activity.title},
    )
    return redirect("activities:my")


@never_cache
@require_GET
def my_activities(request: HttpRequest) -> HttpResponse:
    """The member's plans, what they did lately, and their suggestions.

    Each section is one query, so the page stays fast however much is in it,
    and the querysets run only when the cached fragment is missing: its key
    changes with the member's data, the catalogue and the day (a plan's day
    passing changes its words).
    """
    fragment = userdata.fragment(
        "my-activities",
        request.user.pk,
        version_keys=[CATALOGUE_VERSION_KEY],
        stamp_parts=[timezone.localdate().isoformat()],
    )
    context = userdata.lazy_context(functools.partial(_my_activities, request.user), MY_NAMES)
    return render(request, "activities/my.html", {"fragment": fragment, **context})


MY_NAMES = (
    "planned",
    "saved",
    "recent_logs",
    "starts",
    "suggestions",
    "recommendations",
    "reminders_on",
)


def _my_activities(user) -> dict:
    plans = Plan.objects.owned_by(user).select_related("activity")
    return {
        "planned": plans.planned(),
        "saved": plans.saved(),
        "recent_logs": ActivityLog.objects.owned_by(user).select_related("activity")[
            :MY_RECENT_LOGS
        ],
        "starts": ActivityStart.objects.owned_by(user).select_related("activity"),
        "suggestions": user.activity_suggestions.select_related("activity"),
        "recommendations": Recommendation.objects.owned_by(user).open().select_related("activity"),
        "reminders_on": ReminderSettings.objects.filter(owner=user, enabled=True).exists(),
    }


@never_cache
@require_GET
def progress(request: HttpRequest) -> HttpResponse:
    """The chart and tables come from a fragment cached under the member's data
    version, so their numbers are worked out only after a change."""
    slug = request.GET.get("activity", "")
    fragment = userdata.fragment(
        "progress", request.user.pk, key_parts=[slug], version_keys=[CATALOGUE_VERSION_KEY]
    )
    context = userdata.lazy_context(
        functools.partial(_progress_numbers, request.user, slug), PROGRESS_NAMES
    )
    return render(request, "activities/progress.html", {"fragment": fragment, **context})


PROGRESS_NAMES = (
    "chart",
    "recent",
    "summary",
    "per_activity",
    "per_activity_limited",
    "selected",
    "unknown_activity",
)


def _progress_numbers(user, slug: str) -> dict:
    logs = ActivityLog.objects.owned_by(user)
    selected = None
    if slug:
        selected = Activity.objects.filter(logs__owner=user, slug=slug).first()
        if selected is not None:
            logs = logs.filter(activity=selected)
    recent = list(
        logs.select_related("activity").order_by("-done_on", "-created_at")[:CHART_MAX_LOGS]
    )
    recent.reverse()
    # A long-time member may have logged hundreds of activities: the table keeps to the most logged.
    rows = per_activity(ActivityLog.objects.owned_by(user), limit=PER_ACTIVITY_ROWS + 1)
    return {
        "chart": mood_chart(recent),
        "recent": recent,
        "summary": overall_summary(logs),
        "per_activity": rows[:PER_ACTIVITY_ROWS],
        "per_activity_limited": len(rows) > PER_ACTIVITY_ROWS,
        "selected": selected,
        "unknown_activity": bool(slug) and selected is None,
    }


@require_http_methods(["GET", "POST"])
def suggest(request: HttpRequest) -> HttpResponse:
    form = SuggestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.suggestion_create(owner=request.user, **form.cleaned_data)
        messages.success(
            request,
            _(
                "Thank you for your idea. An admin will read it, and if it's added to the "
                "catalog you'll see it marked here."
            ),
        )
        return redirect("activities:my")
    status = 400 if request.method == "POST" else 200
    return render(request, "activities/suggest.html", {"form": form}, status=status)


# Reminders and calendars


def _feed_url(request: HttpRequest, token: str) -> str:
    """The feed's address for calendar apps: webcal:// asks them to subscribe."""
    url = request.build_absolute_uri(reverse("activities:calendar-feed", args=[token]))
    return "webcal://" + url.split("://", 1)[1]


@never_cache
@require_http_methods(["GET", "POST"])
def reminder_settings(request: HttpRequest) -> HttpResponse:
    """Reminders (off until the member turns them on) and the private calendar feed."""
    prefs = services.reminder_settings_get(owner=request.user)
    is_new = prefs.pk is None
    form = ReminderSettingsForm(request.POST or None, instance=prefs)
    if request.method == "POST" and form.is_valid():
        services.reminder_settings_save(prefs=form.save(commit=False))
        if prefs.enabled:
            messages.success(
                request, _("Reminders are on. You can change or stop them here at any time.")
            )
        else:
            messages.success(request, _("Your reminder settings are saved. Reminders are off."))
        return redirect("activities:reminders")
    return render(
        request,
        "activities/reminders.html",
        {
            "form": form,
            "prefs": prefs,
            "is_new": is_new,
            "feed_form": FeedSettingsForm(instance=prefs),
            "feed_url": _feed_url(request, prefs.feed_token) if prefs.feed_token else "",
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def feed_change(request: HttpRequest) -> HttpResponse:
    """Turn the calendar feed on with a new address, turn it off, or choose its titles."""
    prefs = services.reminder_settings_get(owner=request.user)
    action = request.POST.get("action")
    if action == "new":
        had_feed = bool(prefs.feed_token)
        services.feed_token_replace(prefs=prefs)
        messages.success(
            request,
            _("Your calendar feed has a new address. The old one no longer works.")
            if had_feed
            else _("Your calendar feed is on. Add its address to your calendar app."),
        )
    elif action == "off":
        services.feed_turn_off(prefs=prefs)
        messages.success(request, _("Your calendar feed is off. Its address no longer works."))
    elif action == "titles":
        FeedSettingsForm(request.POST, instance=prefs).save()
        messages.success(request, _("Your calendar feed settings are saved."))
    else:
        messages.error(request, _("We didn't understand that request, so nothing changed."))
    return redirect(reverse("activities:reminders") + "#calendar")


@require_POST
def plan_reminder(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, pk)
    on = request.POST.get("reminder") == "on"
    services.plan_reminder_set(plan=plan, on=on)
    if on:
        messages.success(
            request, _("You'll get a reminder for “%(title)s”.") % {"title": plan.activity.title}
        )
    else:
        messages.success(
            request, _("No reminder for “%(title)s”.") % {"title": plan.activity.title}
        )
    return redirect("activities:my")


@never_cache
@require_GET
def plan_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    """One dated plan as an .ics file, for "Add to calendar"."""
    plan = get_plan_for_user(request.user, pk)
    if plan.planned_for is None:
        raise Http404
    body = plan_ics(plan, link=request.build_absolute_uri(plan.activity.get_absolute_url()))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="connect-plan-{plan.pk}.ics"'
    return response


@login_not_required
@never_cache
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A member's private feed, for calendar apps that cannot sign in. The
    long random token is the only key: a wrong, replaced or turned-off token
    is a 404, and the feed holds nothing but days and (if chosen) titles."""
    if not FEED_TOKEN_RE.fullmatch(token):
        raise Http404
    prefs = (
        ReminderSettings.objects.select_related("owner")
        .filter(feed_token=token, owner__is_active=True)
        .first()
    )
    if prefs is None:
        raise Http404
    plans = Plan.objects.open().filter(owner=prefs.owner, planned_for__isnull=False)
    # Calendar apps send no cookie: the member's saved language, else the app's.
    with translation.override(prefs.owner.language or translation.get_language()):
        body = feed_ics(plans.select_related("activity"), show_titles=prefs.feed_shows_titles)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


# RFC 8058 one-click unsubscribe: mail providers POST here with no cookies and
# no CSRF token, so CSRF protection cannot apply. The signed token in the URL
# is the key, and the only thing it can do is turn reminders off.
@login_not_required
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def reminders_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (link checkers and previews must not unsubscribe anyone);
    POST turns reminders off, with or without a session."""
    owner_id = reminders.unsubscribe_owner_id(token)
    if owner_id is None:
        return render(request, "activities/unsubscribe.html", {"invalid": True}, status=404)
    done = False
    if request.method == "POST":
        reminders.reminders_turn_off(owner_id=owner_id)
        done = True
    return render(request, "activities/unsubscribe.html", {"done": done, "token": token})
