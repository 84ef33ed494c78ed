"""The clinician area at /clinician/: the members who share with me, what
each shares and whether it changed since I last looked, and recommending
activities. Only verified clinicians get in (`get_clinician_profile_for_user`),
and the MFA middleware has already required a code for their role.

Reading a shared worksheet happens on the worksheet's own pages
(`worksheets.views.worksheets`), which log every read."""

import functools
from datetime import datetime

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Min, Prefetch, Window
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import clinician_role_check, get_clinician_profile_for_user
from accounts.models import ClinicianProfile
from activities import services as activity_services
from activities.forms import RecommendForm
from activities.models import Recommendation
from connectapp.lib import userdata

from .. import registry, services
from ..access import get_share_for_user
from ..forms import ClientLabelForm
from ..models import ClientLabel, Share, WorksheetModel

# Members a page on the dashboard; a busy clinician may have hundreds.
DASHBOARD_PAGE_SIZE = 20


@never_cache
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """A page of the members who share with me, as cards. The cards, the page
    of live shares they come from and my verified profile are kept together
    under my data version and my viewed version (which any change of a member
    who shares with me bumps), until the soonest of the shares expires: one
    round trip to the cache. So a stopped or expired share leaves the page at
    once, and any change of a member's (or a read, a comment, a label of mine)
    shows at once."""
    me = request.user
    clinician_role_check(me)  # the verified profile below may come from the cache
    number = request.GET.get("page") or "1"
    wanted = int(number) if number.isascii() and number.isdigit() and len(number) < 7 else 0
    fragment = _dashboard_fragment(me, wanted) if wanted >= 1 else None
    if fragment is None or (wanted > 1 and not fragment.data[1]):
        # Past the end or not a number: Django's usual answer (the last page,
        # or the first).
        wanted = Paginator(_live_shares(me), DASHBOARD_PAGE_SIZE).get_page(number).number
        fragment = _dashboard_fragment(me, wanted)
    profile, rows, total, _soonest = fragment.data
    paginator = Paginator([], DASHBOARD_PAGE_SIZE)
    paginator.count = total
    page = Page(rows, wanted, paginator)
    shares = SimpleLazyObject(lambda: _page_shares(me, [pk for pk, _ in rows]))
    return render(
        request,
        "worksheets/clinician_dashboard.html",
        {"profile": profile, "shares": shares, "page": page, "fragment": fragment},
    )


def _dashboard_fragment(me, number: int) -> userdata.Fragment:
    return userdata.fragment(
        "clinician-dashboard",
        me.pk,
        key_parts=[str(number)],
        version_keys=[userdata.viewed_key(me.pk)],
        data=functools.partial(_profile_and_rows, me, number),
        fresh=lambda kept: kept[3] is None or timezone.now() < kept[3],
    )


def _verified_profile(me) -> ClinicianProfile:
    """The clinician's verified profile (else 404), without the user row it is
    read with: what goes into the cache holds no password hash."""
    return ClinicianProfile.objects.get(pk=get_clinician_profile_for_user(me).pk)


def _live_shares(me):
    return (
        Share.objects.active()
        .filter(clinician=me)
        .order_by("owner__display_name", "owner_id", "-created_at")
        .values_list("pk", "owner_id")
    )


def _profile_and_rows(
    me, number: int
) -> tuple[ClinicianProfile, list[tuple[int, int]], int, datetime | None]:
    """My verified profile, (pk, owner_id) of page `number` of my live shares,
    how many there are, and when the soonest of them expires."""
    profile = _verified_profile(me)
    start = (number - 1) * DASHBOARD_PAGE_SIZE
    counted = _live_shares(me).annotate(
        total=Window(Count("pk")), soonest=Window(Min("expires_at"))
    )
    rows = list(
        counted.values_list("pk", "owner_id", "total", "soonest")[
            start : start + DASHBOARD_PAGE_SIZE
        ]
    )
    if not rows:
        return profile, [], 0, None
    return profile, [(pk, owner_id) for pk, owner_id, _, _ in rows], rows[0][2], rows[0][3]


def _page_shares(me, pks: list[int]) -> list[Share]:
    shares = (
        Share.objects.filter(pk__in=pks)
        .select_related("owner")
        .prefetch_related(
            Prefetch(
                "owner__recommendations",
                queryset=Recommendation.objects.filter(clinician=me).select_related("activity"),
                to_attr="from_me",
            ),
        )
        .order_by("owner__display_name", "owner_id", "-created_at")
    )
    page_shares = list(shares)
    _attach_marked_worksheets(page_shares, me)
    labels = dict(ClientLabel.objects.owned_by(me).values_list("member_id", "label"))
    for share in page_shares:
        share.my_label = labels.get(share.owner_id, "")
    return page_shares


def _attach_marked_worksheets(shares: list[Share], clinician) -> None:
    """Give each share `marked`: what it covers, kind by kind, each with the
    dashboard's "updated since you last looked" marks. One query per kind."""
    by_share: dict[int, list[WorksheetModel]] = {share.pk: [] for share in shares}
    for kind in registry.kinds():
        rows = (
            kind.model.objects.filter(worksheet__shares__in=list(by_share))
            .for_lists()
            .with_marks_for(clinician)
            .annotate(share_id=F("worksheet__shares"))
        )
        for row in rows:
            by_share[row.share_id].append(row)
    for share in shares:
        share.marked = by_share[share.pk]


@never_cache
@require_http_methods(["GET", "POST"])
def recommend(request: HttpRequest, pk: int) -> HttpResponse:
    """Recommend a catalogue activity to a member who shares with me now."""
    share = get_share_for_user(request.user, pk, as_clinician=True)
    form = RecommendForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        activity = form.cleaned_data["activity"]
        _recommendation, created = activity_services.recommendation_create(
            owner=share.owner,
            clinician=request.user,
            activity=activity,
            note=form.cleaned_data["note"],
        )
        if created:
            messages.success(
                request,
                _("“%(title)s” is now in My activities for %(name)s.")
                % {"title": activity.title, "name": share.owner.display_name},
            )
        else:
            messages.info(
                request, _("You had already recommended “%(title)s”.") % {"title": activity.title}
            )
        return redirect("clinician:dashboard")
    recommended = Recommendation.objects.filter(
        owner=share.owner, clinician=request.user
    ).select_related("activity")
    return render(
        request,
        "worksheets/clinician_recommend.html",
        {"share": share, "form": form, "recommended": recommended},
        status=400 if form.is_bound else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def client_label(request: HttpRequest, pk: int) -> HttpResponse:
    """The clinician's private label for a member who shares with them now.
    Only this clinician sees it; an empty label removes it."""
    share = get_share_for_user(request.user, pk, as_clinician=True)
    current = ClientLabel.objects.owned_by(request.user).filter(member=share.owner).first()
    form = ClientLabelForm(
        request.POST if request.method == "POST" else None,
        initial={"label": current.label if current else ""},
    )
    if request.method == "POST" and form.is_valid():
        services.client_label_set(
            clinician=request.user, member=share.owner, label=form.cleaned_data["label"]
        )
        messages.success(request, _("Your private label is saved."))
        return redirect("clinician:dashboard")
    return render(
        request,
        "worksheets/client_label.html",
        {"share": share, "form": form},
        status=400 if form.is_bound else 200,
    )
