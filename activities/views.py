import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import User

from . import services
from .cache import FRAGMENT_SECONDS, fragment_key
from .filters import ActivityFilter
from .forms import LogForm, MessageForm, PlanForm, SuggestionForm
from .models import Activity, ActivityLog, Plan, Recommendation, sms_href
from .progress import CHART_MAX_LOGS, mood_chart, overall_summary, per_activity

PAGE_SIZE = 30
# Items per page of /api/activities/ (docs/activities.md).
API_PAGE_SIZE = 50
RELATED_COUNT = 4
MY_RECENT_LOGS = 10
PER_ACTIVITY_ROWS = 20
# Each filter parameter, and how notes on the page name it.
FILTER_NAMES = {"setting": "place", "effort": "effort", "kind": "kind", "q": "search"}


# Access: every view reaches an activity or a plan through one of these.


def _with_parts(queryset):
    return queryset.prefetch_related("kinds", "links", "messages")


def get_activity_for_user(
    user: User | AnonymousUser, slug: str, *, parts: bool = False
) -> Activity:
    """A published activity. Drafts and suggestions are a 404 for everyone here;
    staff see those through `get_activity_for_preview`. With `parts`, its kinds,
    links and messages come along."""
    queryset = Activity.objects.published()
    return get_object_or_404(_with_parts(queryset) if parts else queryset, slug=slug)


def get_activity_for_preview(user: User | AnonymousUser, pk: int) -> Activity:
    if not user.is_staff:
        raise Http404
    return get_object_or_404(_with_parts(Activity.objects.all()), pk=pk)


def get_plan_for_user(user: User | AnonymousUser, pk: int) -> Plan:
    """One of the user's own plans, or a 404."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(Plan.objects.select_related("activity"), pk=pk, owner=user)


def get_recommendation_for_user(user: User | AnonymousUser, pk: int) -> Recommendation:
    """One of the recommendations made to the user, or a 404. The clinician
    who made it does not get in: it is the member's."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(Recommendation.objects.select_related("activity"), pk=pk, owner=user)


# The catalogue


def _filter_notes(filterset: ActivityFilter, data: QueryDict) -> list[str]:
    notes = []
    for name in filterset.errors:
        if name not in FILTER_NAMES:
            continue
        value = ", ".join(data.getlist(name))
        if len(value) > 40:
            value = value[:40] + "…"
        label = FILTER_NAMES[name]
        article = "an" if label[0] in "aeiou" else "a"
        notes.append(
            f"We didn't recognise “{value}” as {article} {label} filter, so we left it out."
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


@login_not_required
@require_GET
def activity_list(request: HttpRequest) -> HttpResponse:
    """The catalogue. Its content is a cached fragment (see `activities.cache`):
    everything it needs is computed lazily, so a cache hit runs no query."""

    @functools.cache
    def filterset() -> ActivityFilter:
        filterset = ActivityFilter(request.GET, queryset=Activity.objects.published().for_cards())
        filterset.is_valid()  # so cleaned_data is there for whatever reads it first
        return filterset

    @functools.cache
    def page() -> Page:
        return Paginator(filterset().qs, PAGE_SIZE).get_page(request.GET.get("page"))

    paging = request.GET.copy()
    paging.pop("page", None)
    return render(
        request,
        "activities/list.html",
        {
            "catalogue_key": fragment_key("list", request.GET),
            "fragment_seconds": FRAGMENT_SECONDS,
            "filter": SimpleLazyObject(filterset),
            "page": SimpleLazyObject(page),
            "activities": SimpleLazyObject(lambda: page().object_list),
            "notes": SimpleLazyObject(lambda: _filter_notes(filterset(), request.GET)),
            "relaxations": SimpleLazyObject(
                lambda: _relaxations(filterset(), request.GET) if not page().paginator.count else []
            ),
            "is_filtered": any(request.GET.get(name) for name in FILTER_NAMES),
            "current_setting": SimpleLazyObject(
                lambda: filterset().form.cleaned_data.get("setting") or ""
            ),
            "current_effort": SimpleLazyObject(
                lambda: filterset().form.cleaned_data.get("effort") or ""
            ),
            "paging_query": paging.urlencode(),
        },
    )


def _detail_context(request: HttpRequest, activity: Activity, **extra) -> dict:
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
    plan = None
    if request.user.is_authenticated:
        plan = Plan.objects.open().filter(owner=request.user, activity=activity).first()
    related = Activity.objects.published().same_or_easier_than(activity)[:RELATED_COUNT]
    preview = extra.get("preview", False)
    context = {
        # The published page's content is a cached fragment; a staff preview never is.
        "detail_key": fragment_key("detail", QueryDict(), activity.slug, str(preview)),
        "detail_seconds": 0 if preview else FRAGMENT_SECONDS,
        "activity": activity,
        "ready_messages": ready_messages,
        "related": related,
        "plan": plan,
        "plan_form": PlanForm(instance=plan),
    }
    context.update(extra)
    return context


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def activity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One activity. A POST here only edits a ready-to-send message and saves
    nothing; it keeps the member's words out of the address bar and server logs."""
    # Its kinds and links are read only when the cached fragment is missing.
    activity = get_activity_for_user(request.user, slug)
    extra = {}
    status = 200
    if request.method == "POST":
        form = MessageForm(request.POST)
        if form.is_valid():
            extra["edited"] = form.cleaned_data
        else:
            extra["message_errors"] = form.errors
            status = 400
    return render(
        request,
        "activities/detail.html",
        _detail_context(request, activity, **extra),
        status=status,
    )


@require_GET
@never_cache
def activity_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """How a draft or suggested activity will look once published. Staff only."""
    activity = get_activity_for_preview(request.user, pk)
    return render(
        request, "activities/detail.html", _detail_context(request, activity, preview=True)
    )


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
    key = fragment_key("api", request.GET, request.build_absolute_uri("/"))
    cached = cache.get(key)
    if cached is not None:
        return HttpResponse(cached, content_type="application/json")
    filterset = ActivityFilter(request.GET, queryset=Activity.objects.published().for_cards())
    if not filterset.is_valid():
        return JsonResponse(
            {
                "error": "Some filter values are not valid.",
                "fields": {name: list(errors) for name, errors in filterset.errors.items()},
            },
            status=400,
        )
    page_number = request.GET.get("page") or "1"
    paginator = Paginator(filterset.qs, API_PAGE_SIZE)
    try:
        page = paginator.page(page_number)
    except InvalidPage:
        return JsonResponse({"error": f"There is no page “{page_number[:20]}”."}, status=400)
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
    cache.set(key, response.content, FRAGMENT_SECONDS)
    return response


# A member's own plans and logs


@require_POST
def plan_save(request: HttpRequest, slug: str) -> HttpResponse:
    activity = get_activity_for_user(request.user, slug)
    plan = Plan.objects.open().filter(owner=request.user, activity=activity).first()
    form = PlanForm(request.POST, instance=plan)
    if not form.is_valid():
        activity = get_activity_for_user(request.user, slug, parts=True)
        context = _detail_context(request, activity)
        context["plan_form"] = form
        response = render(request, "activities/detail.html", context, status=400)
        response["Cache-Control"] = "no-store"
        return response
    plan = services.plan_save(
        owner=request.user, activity=activity, planned_for=form.cleaned_data["planned_for"]
    )
    if plan.planned_for:
        day = date_format(plan.planned_for, "l j F")
        messages.success(request, f"Planned for {day}. It's in My activities.")
    else:
        messages.success(request, "Saved to My activities.")
    return redirect(activity)


@require_POST
def plan_remove(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, pk)
    services.plan_remove(plan=plan)
    messages.success(request, f"“{plan.activity.title}” is no longer in My activities.")
    return redirect("activities:my")


@require_POST
def recommendation_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = get_recommendation_for_user(request.user, pk)
    services.recommendation_dismiss(recommendation=recommendation)
    messages.success(
        request,
        f"“{recommendation.activity.title}” is put aside. You can still find it in the catalogue.",
    )
    return redirect("activities:my")


@never_cache
@require_http_methods(["GET", "POST"])
def log_create(request: HttpRequest, slug: str) -> HttpResponse:
    activity = get_activity_for_user(request.user, slug)
    plan_pk = request.POST.get("plan") or request.GET.get("plan")
    plan = None
    if plan_pk:
        if not plan_pk.isdigit():
            raise Http404
        plan = get_plan_for_user(request.user, int(plan_pk))
        if plan.activity_id != activity.pk:
            raise Http404
    form = LogForm(request.POST or None)
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
        messages.success(request, f"Logged “{activity.title}”. Thank you for noticing how it went.")
        return redirect("activities:progress")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "activities/log.html",
        {"activity": activity, "plan": plan, "form": form},
        status=status,
    )


@never_cache
@require_GET
def my_activities(request: HttpRequest) -> HttpResponse:
    """The member's plans, what they did lately, and their suggestions.

    Each section is one query, so the page stays fast however much is in it.
    """
    plans = Plan.objects.filter(owner=request.user).select_related("activity")
    return render(
        request,
        "activities/my.html",
        {
            "planned": plans.planned(),
            "saved": plans.saved(),
            "recent_logs": ActivityLog.objects.for_owner(request.user).select_related("activity")[
                :MY_RECENT_LOGS
            ],
            "suggestions": request.user.activity_suggestions.select_related("activity"),
            "recommendations": Recommendation.objects.open()
            .filter(owner=request.user)
            .select_related("activity"),
        },
    )


@never_cache
@require_GET
def progress(request: HttpRequest) -> HttpResponse:
    logs = ActivityLog.objects.for_owner(request.user)
    selected = None
    slug = request.GET.get("activity")
    if slug:
        selected = Activity.objects.filter(logs__owner=request.user, slug=slug).first()
        if selected is not None:
            logs = logs.filter(activity=selected)
    recent = list(
        logs.select_related("activity").order_by("-done_on", "-created_at")[:CHART_MAX_LOGS]
    )
    recent.reverse()
    # A long-time member may have logged hundreds of activities: the table keeps to the most logged.
    rows = per_activity(ActivityLog.objects.for_owner(request.user), limit=PER_ACTIVITY_ROWS + 1)
    return render(
        request,
        "activities/progress.html",
        {
            "chart": mood_chart(recent),
            "recent": recent,
            "summary": overall_summary(logs),
            "per_activity": rows[:PER_ACTIVITY_ROWS],
            "per_activity_limited": len(rows) > PER_ACTIVITY_ROWS,
            "selected": selected,
            "unknown_activity": bool(slug) and selected is None,
        },
    )


@require_http_methods(["GET", "POST"])
def suggest(request: HttpRequest) -> HttpResponse:
    form = SuggestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.suggestion_create(owner=request.user, **form.cleaned_data)
        messages.success(
            request,
            "Thank you for your idea. An admin will read it, and if it's added to the "
            "catalogue you'll see it marked here.",
        )
        return redirect("activities:my")
    status = 400 if request.method == "POST" else 200
    return render(request, "activities/suggest.html", {"form": form}, status=status)
