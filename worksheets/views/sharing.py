"""The member's Sharing pages: every share and the access log, sharing with a
clinician by their code (code, then choice, then consent), changing what a
share covers, and stopping it.

The clinician's code is kept in the session between the steps, never in the
address bar, and is checked again at every step: a code the clinician
replaced in the meantime stops the flow."""

import logging
from datetime import datetime, timedelta

from allauth.core import ratelimit
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import ClinicianProfile
from accounts.security import client_ip

from .. import registry, services
from ..access import get_share_for_user
from ..forms import ShareCodeForm, ShareForm, WorksheetChoiceForm
from ..models import AccessLogEntry, Share, Worksheet
from .trusted import trusted_links_for

security_log = logging.getLogger("connect.security")

SESSION_KEY = "connect_share_code"
LOG_PAGE_SIZE = 25

# The same words whether the code never existed, was replaced, has expired,
# or belongs to a clinician who is no longer verified.
WRONG_CODE = _(
    "That code does not match a clinician who can receive shares right now. Please check "
    "it with your clinician: they can give you a new one at any time."
)
CODE_GONE = _(
    "That share code no longer works: your clinician may have made a new one. Nothing was "
    "shared. Please ask them for their current code."
)
TOO_MANY = _(
    "You have tried several codes in a short time, so we have paused code checks for a "
    "while to keep clinicians' codes safe. Please try again in an hour."
)


def _worksheet_prefetches() -> list[Prefetch]:
    return [Prefetch("worksheets", queryset=Worksheet.objects.with_content())]


@never_cache
@require_GET
def sharing(request: HttpRequest) -> HttpResponse:
    """Every share, current and past, and who looked at what and when."""
    shares = list(
        Share.objects.owned_by(request.user)
        .with_liveness()
        .prefetch_related(*_worksheet_prefetches())
    )
    groups = Paginator(
        AccessLogEntry.objects.filter(owner=request.user).grouped(), LOG_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    _describe_log_groups(groups.object_list)
    links = trusted_links_for(request.user)
    return render(
        request,
        "worksheets/sharing.html",
        {
            "trusted_active": [link for link in links if link.is_live],
            "trusted_past": [link for link in links if not link.is_live],
            "trusted_kinds": registry.trusted_link_kinds(),
            "active": [share for share in shares if share.is_active],
            "past": [share for share in shares if not share.is_active],
            "log": groups,
        },
    )


def _describe_log_groups(groups: list[dict]) -> None:
    """Add each group's worksheet (None once deleted) and its reads in words."""
    ids = {group["worksheet_id"] for group in groups}
    worksheets = Worksheet.objects.with_content().in_bulk([i for i in ids if i is not None])
    for group in groups:
        worksheet = worksheets.get(group["worksheet_id"])
        group["worksheet"] = worksheet.content if worksheet is not None else None
        parts = []
        if group["pages"]:
            parts.append(
                ngettext("opened once", "opened %(count)d times", group["pages"])
                % {"count": group["pages"]}
            )
        if group["prints"]:
            parts.append(
                ngettext("printable page once", "printable page %(count)d times", group["prints"])
                % {"count": group["prints"]}
            )
        if group["pdfs"]:
            parts.append(
                ngettext("PDF downloaded once", "PDF downloaded %(count)d times", group["pdfs"])
                % {"count": group["pdfs"]}
            )
        group["reads"] = ", ".join(parts)


def _profile_for_code(code: str) -> ClinicianProfile | None:
    return ClinicianProfile.objects.with_share_code(code).select_related("user").first()


def _pending_clinician(request: HttpRequest) -> ClinicianProfile | None:
    """The clinician whose code the member entered, if the code still works."""
    code = request.session.get(SESSION_KEY)
    return _profile_for_code(code) if code else None


def _active_share_with(request: HttpRequest, profile: ClinicianProfile) -> Share | None:
    return Share.objects.owned_by(request.user).active().filter(clinician=profile.user).first()


def _already_sharing(request: HttpRequest, share: Share) -> HttpResponse:
    messages.info(
        request,
        gettext("You already share with %(name)s. You can change what they see here.")
        % {"name": share.clinician_name},
    )
    return redirect("worksheets:share-detail", pk=share.pk)


@never_cache
@require_http_methods(["GET", "POST"])
def share_start(request: HttpRequest) -> HttpResponse:
    """Step 1: the clinician's share code. Every check counts against a rate
    limit per member and per IP address, in the shared cache."""
    form = ShareCodeForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            code = form.cleaned_data["code"]
            if not ratelimit.consume(request, action="share_code", user=request.user):
                security_log.warning(
                    "share_code_rate_limited user=%s ip=%s", request.user.pk, client_ip(request)
                )
                form.add_error(None, TOO_MANY)
                status = 429
            elif (profile := _profile_for_code(code)) is None:
                security_log.info(
                    "share_code_refused user=%s ip=%s", request.user.pk, client_ip(request)
                )
                form.add_error("code", WRONG_CODE)
            elif profile.user_id == request.user.pk:
                form.add_error(
                    "code", gettext("That is your own share code. Ask your clinician for theirs.")
                )
            elif (share := _active_share_with(request, profile)) is not None:
                return _already_sharing(request, share)
            else:
                request.session[SESSION_KEY] = code
                return redirect("worksheets:share-choose")
    return render(request, "worksheets/share_start.html", {"form": form}, status=status)


def _expiry_preview(expiry: str) -> datetime | None:
    if expiry == Share.Expiry.UNTIL_STOPPED:
        return None
    return timezone.now() + timedelta(days=int(expiry))


@never_cache
@require_http_methods(["GET", "POST"])
def share_choose(request: HttpRequest) -> HttpResponse:
    """Step 2: which worksheets, and for how long. A valid choice shows the
    consent screen (step 3), which changes nothing until it is confirmed.
    The consent screen's "Change" button posts back here with `change`."""
    profile = _pending_clinician(request)
    if profile is None:
        messages.warning(request, CODE_GONE)
        return redirect("worksheets:share-start")
    if (share := _active_share_with(request, profile)) is not None:
        return _already_sharing(request, share)
    form = ShareForm(request.POST if request.method == "POST" else None, owner=request.user)
    if request.method == "POST" and "change" not in request.POST and form.is_valid():
        return render(
            request,
            "worksheets/share_consent.html",
            {
                "profile": profile,
                "form": form,
                "expires_at": _expiry_preview(form.cleaned_data["expiry"]),
            },
        )
    status = 400 if request.method == "POST" and "change" not in request.POST else 200
    return render(
        request,
        "worksheets/share_choose.html",
        {"profile": profile, "form": form},
        status=status,
    )


@never_cache
@require_POST
def share_confirm(request: HttpRequest) -> HttpResponse:
    """The member confirmed the consent screen: share now. Sending it twice
    makes one share."""
    profile = _pending_clinician(request)
    if profile is None:
        messages.warning(request, CODE_GONE)
        return redirect("worksheets:share-start")
    form = ShareForm(request.POST, owner=request.user)
    if not form.is_valid():
        return render(
            request,
            "worksheets/share_choose.html",
            {"profile": profile, "form": form},
            status=400,
        )
    try:
        share = services.share_create(
            owner=request.user,
            clinician=profile.user,
            worksheets=form.cleaned_data["worksheets"],
            expiry=form.cleaned_data["expiry"],
            token=form.cleaned_data["token"],
            request=request,
        )
    except services.ShareExists as exists:
        return _already_sharing(request, exists.share)
    messages.success(
        request,
        gettext("You are sharing with %(name)s. You can change or stop this here at any time.")
        % {"name": share.clinician_name},
    )
    return redirect("worksheets:sharing")


@never_cache
@require_http_methods(["GET", "POST"])
def share_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One share: what it covers, and, while it lasts, changing that."""
    share = get_share_for_user(request.user, pk)
    form = WorksheetChoiceForm(
        request.POST if request.method == "POST" else None,
        owner=request.user,
        initial=WorksheetChoiceForm.initial_for(share),
    )
    if request.method == "POST":
        if not share.is_active:
            messages.info(request, gettext("This share has ended, so nothing was changed."))
            return redirect("worksheets:share-detail", pk=share.pk)
        if form.is_valid():
            services.share_update(share=share, worksheets=form.cleaned_data["worksheets"])
            messages.success(
                request,
                gettext("%(name)s now sees only what you checked.")
                % {"name": share.clinician_name},
            )
            return redirect("worksheets:share-detail", pk=share.pk)
    return render(
        request,
        "worksheets/share_detail.html",
        {"share": share, "form": form},
        status=400 if form.is_bound else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def share_stop(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop sharing: a confirmation page, then one POST. It takes effect on
    the clinician's very next request."""
    share = get_share_for_user(request.user, pk)
    if not share.is_active:
        messages.info(
            request,
            gettext("You are no longer sharing with %(name)s.") % {"name": share.clinician_name},
        )
        return redirect("worksheets:sharing")
    if request.method == "POST":
        services.share_revoke(share=share, request=request)
        messages.success(
            request,
            gettext(
                "You have stopped sharing with %(name)s. From now on they cannot "
                "see any of these worksheets."
            )
            % {"name": share.clinician_name},
        )
        return redirect("worksheets:sharing")
    return render(
        request,
        "worksheets/share_stop.html",
        {"share": share, "worksheets": share.covered()},
    )
