from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from connectapp.lib.states import State, get_state

from .crisis import LIFELINE_988
from .finder import FinderEntry, find_lines
from .forms import StateForm


def _state_from_request(request: HttpRequest) -> tuple[StateForm, State | None]:
    """The state asked for in ?state=, else the signed-in member's saved state."""
    if "state" in request.GET:
        form = StateForm(request.GET)
        if form.is_valid():
            return form, get_state(form.cleaned_data["state"])
        return form, None
    saved = get_state(getattr(request.user, "home_state", ""))
    return StateForm(initial={"state": saved.code if saved else ""}), saved


@login_not_required
@require_GET
def finder(request: HttpRequest) -> HttpResponse:
    form, state = _state_from_request(request)
    now = timezone.now()
    sections = find_lines(state=state, now=now)
    by_key = {section.key: section for section in sections}
    user = request.user
    context = {
        "form": form,
        "state": state,
        "sections": sections,
        "crisis": by_key["crisis"],
        "warmline_sections": [
            section
            for section in sections
            if section.key in {"own_state", "neighbours", "nationwide"}
        ],
        "other_sections": [by_key["peer_support"], by_key["referral"]],
        "crisis_line": LIFELINE_988,
        "now": now,
        "can_remember": bool(state and user.is_authenticated and user.home_state != state.code),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "helplines/finder.html", context, status=status)


@require_POST
def remember_state(request: HttpRequest) -> HttpResponse:
    form = StateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "We couldn't save that state. Please choose one from the list.")
        return redirect("helplines:finder")
    state = get_state(form.cleaned_data["state"])
    if request.user.home_state != state.code:
        request.user.home_state = state.code
        request.user.save(update_fields=["home_state"])
    messages.success(
        request,
        f"We'll show {state.name} first from now on. You can change it on your profile.",
    )
    return redirect(f"{reverse('helplines:finder')}?state={state.code}")


def _entry_json(entry: FinderEntry, section: str, position: int) -> dict:
    line, status = entry.line, entry.status
    return {
        "position": position,
        "section": section,
        "slug": line.slug,
        "name": line.name,
        "kind": line.kind,
        "kind_label": line.get_kind_display(),
        "description": line.description,
        "region": line.region,
        "accepts_out_of_state": line.accepts_out_of_state,
        "phone": line.phone or None,
        "text_number": line.text_number or None,
        "text_keyword": line.text_keyword or None,
        "chat_url": line.chat_url or None,
        "website": line.website or None,
        "tty": line.tty or None,
        "languages": line.language_list,
        "open_24_7": line.open_24_7,
        "hours": line.hours,
        "time_zone": line.time_zone,
        "hours_note": line.hours_note,
        "restrictions": line.restrictions,
        "open_now": status.is_open if status else None,
        "status_changes_at": (
            status.changes_at.isoformat() if status and status.changes_at else None
        ),
        "source_url": line.source_url,
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
                "message": "Unknown state code. Use a two-letter US state code such as "
                "OR or NY, or DC for the District of Columbia.",
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
            "state": {"code": state.code, "name": state.name} if state else None,
            "sections": [
                {"key": section.key, "title": section.title, "count": len(section.entries)}
                for section in sections
            ],
            "lines": lines,
        }
    )
