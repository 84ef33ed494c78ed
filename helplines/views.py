import hashlib
from datetime import datetime

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from connectapp.lib.fragments import fragment_get, fragment_set, kept_html
from connectapp.lib.frame import visitor_page
from connectapp.lib.states import State, get_state

from .cache import FRAGMENT_SECONDS, VERSION_KEY, finder_key
from .crisis import LIFELINE_988
from .finder import FinderEntry, find_lines
from .forms import ProblemReportForm, StateForm
from .models import SupportLine
from .services import problem_report_create

# Reports one client may file in an hour. The client's address is only hashed
# into a cache key that expires with the hour; it is never stored with a report.
REPORTS_PER_HOUR = 5


def _state_from_request(request: HttpRequest) -> tuple[StateForm, State | None]:
    """The state asked for in ?state=, else the signed-in member's saved state."""
    if "state" in request.GET:
        form = StateForm(request.GET)
        # The form accepts exactly the known codes; checking the code directly
        # spares it sorting every state's translated name on each request.
        state = get_state(request.GET["state"])
        if state is None:
            form.is_valid()
        return form, state
    saved = get_state(getattr(request.user, "home_state", ""))
    return StateForm(initial={"state": saved.code if saved else ""}), saved


def _finder_fragments(
    form: StateForm, state: State | None, now: datetime, *, staff: bool = False
) -> dict:
    """The finder's two shared parts, rendered: everything above the offer to
    remember the state, and the lists below it. For `staff`, lines that show
    English for want of Spanish say so (never cached)."""
    sections = find_lines(state=state, now=now)
    by_key = {section.key: section for section in sections}
    context = {
        "form": form,
        "state": state,
        "crisis": by_key["crisis"],
        "warmline_sections": [
            section
            for section in sections
            if section.key in {"own_state", "neighbours", "nationwide"}
        ],
        "other_sections": [by_key["peer_support"], by_key["referral"]],
        "crisis_line": LIFELINE_988,
        "now": now,
        "staff": staff,
    }
    return {
        "finder_top": kept_html("helplines/includes/finder_top.html", context),
        "finder_results": kept_html("helplines/includes/finder_results.html", context),
    }


@login_not_required
@require_GET
def finder(request: HttpRequest) -> HttpResponse:
    form, state = _state_from_request(request)
    # Opening hours change on the minute, so the lists are the same all minute.
    now = timezone.now().replace(second=0, microsecond=0)
    kept_under = None  # what a visitor's whole page may be kept under
    if form.is_bound and state is None:  # an unknown or missing state
        fragments = _finder_fragments(form, state, now)
        status = 400
    elif request.user.is_staff:  # with the admins' notes: not shared, so not cached
        fragments = _finder_fragments(form, state, now, staff=True)
        status = 200
    else:
        key = finder_key(state.code if state else "", get_language(), now.isoformat())
        version, fragments = fragment_get(VERSION_KEY, key)
        if fragments is None:
            fragments = _finder_fragments(form, state, now)
            fragment_set(key, version, fragments, FRAGMENT_SECONDS)
        status = 200
        kept_under = (key, version)
    user = request.user
    context = {
        **{name: mark_safe(html) for name, html in fragments.items()},  # noqa: S308  # nosec B308 B703: rendered above
        "state": state,
        "can_remember": bool(state and user.is_authenticated and user.home_state != state.code),
    }
    if kept_under:
        return visitor_page(request, kept_under, "helplines/finder.html", context)
    return render(request, "helplines/finder.html", context, status=status)


@require_POST
def remember_state(request: HttpRequest) -> HttpResponse:
    form = StateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("We couldn't save that state. Please choose one from the list."))
        return redirect("helplines:finder")
    state = get_state(form.cleaned_data["state"])
    if request.user.home_state != state.code:
        request.user.home_state = state.code
        request.user.save(update_fields=["home_state"])
    messages.success(
        request,
        _("We'll show %(state)s first from now on. You can change it on your profile.")
        % {"state": state.name},
    )
    return redirect(_finder_url(state.code))


def _finder_url(state_code: str | None = None) -> str:
    """The finder, for a state, landing on the results."""
    query = f"?state={state_code}" if state_code else ""
    return f"{reverse('helplines:finder')}{query}#results"


def _report_allowed(request: HttpRequest) -> bool:
    """Count one report against this client; False once it is over the limit."""
    address = get_adapter(request).get_client_ip(request) or ""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    key = f"helplines:report:{digest}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count <= REPORTS_PER_HOUR


@login_not_required
@require_http_methods(["GET", "POST"])
def report_problem(request: HttpRequest, slug: str) -> HttpResponse:
    """“This number didn't work”: an anonymous report for the admins' queue."""
    line = get_object_or_404(SupportLine.objects.published(), slug=slug)
    back = _finder_url(None if line.is_national else line.region)
    form = ProblemReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not _report_allowed(request):
            form.add_error(
                None,
                _(
                    "We've had several reports from you in the last hour, thank you. "
                    "Please try again later. The other lines on the list can still help."
                ),
            )
            context = {"line": line, "form": form, "back": back}
            return render(request, "helplines/report.html", context, status=429)
        problem_report_create(line=line, note=form.cleaned_data["note"])
        messages.success(
            request,
            _(
                "Thank you for telling us about %(line)s. We'll check it. "
                "Meanwhile, please try the next line on the list."
            )
            % {"line": line.display_name},
        )
        return redirect(back)
    status = 400 if form.is_bound else 200
    context = {"line": line, "form": form, "back": back}
    return render(request, "helplines/report.html", context, status=status)


def _entry_json(entry: FinderEntry, section: str, position: int) -> dict:
    line, status = entry.line, entry.status
    return {
        "position": position,
        "section": section,
        "slug": line.slug,
        "name": line.display_name,
        "kind": line.kind,
        "kind_label": line.get_kind_display(),
        "description": line.description,
        "region": line.region,
        "who_may_call": line.who_may_call,
        "accepts_out_of_state": line.accepts_out_of_state,
        "phone": line.phone or None,
        "text_number": line.text_number or None,
        "text_keyword": line.text_keyword or None,
        "chat_url": line.chat_url or None,
        "website": line.website or None,
        "tty": line.tty or None,
        "languages": [lang.strip() for lang in line.languages.split(",") if lang.strip()],
        "speaks_spanish": line.speaks_spanish,
        "spanish_keypress": line.spanish_keypress or None,
        "spanish_text_keyword": line.spanish_text_keyword or None,
        "open_24_7": line.open_24_7,
        "hours": line.hours,
        "hours_text": line.hours_in_words,
        "time_zone": line.time_zone,
        "hours_note": line.hours_note,
        "restrictions": line.restrictions,
        "open_now": status.is_open if status else None,
        "status_changes_at": (
            status.changes_at.isoformat() if status and status.changes_at else None
        ),
        "source_url": line.source_url,
        "source_kind": line.source_kind,
        "source_name": line.source_label,
        "source_date": line.source_date.isoformat() if line.source_date else None,
        "verified_on": line.verified_on.isoformat(),
        "stale": entry.is_stale,
    }


@login_not_required
@require_GET
def api_lines(request: HttpRequest) -> JsonResponse:
    """The finder's lines as JSON, in the same order as the page."""
    code = request.GET.get("state", "")
    state = get_state(code)
    if "state" in request.GET and state is None:
        return JsonResponse(
            {
                "error": "unknown_state",
                "message": _(
                    "Unknown state code. Use a two-letter US state code such as "
                    "OR or NY, or DC for the District of Columbia."
                ),
            },
            status=400,
        )
    sections = find_lines(state=state, now=timezone.now())
    lines = []
    for section in sections:
        for entry in section.entries:
            lines.append(_entry_json(entry, section.key, len(lines) + 1))
    return JsonResponse(
        {
            "state": {"code": state.code, "name": str(state.name)} if state else None,
            "sections": [
                {"key": section.key, "title": section.title, "count": len(section.entries)}
                for section in sections
            ],
            "lines": lines,
        }
    )
