"""Links for someone the member trusts: a read-only page of one worksheet
that a named person ("my sister") opens without an account.

The member makes a link, copies it or sends it from their own phone (Connect
sends nothing), sees when it was opened, and stops it from the Sharing page.
Only a hash of the token is stored, so the full link is shown once, when it
is made; a member who lost it makes a new one (the old one stops).

The page itself (`trusted_view`) is public: the token is the key. It shows
that one worksheet and nothing else of the member's, is never cached, indexed
or sent on as a referrer, and a wrong, stopped or expired token gets the same
calm 404. Failed tokens count against a rate limit per IP address, in the
shared cache (allauth's `ratelimit`, as share codes do)."""

import logging
from urllib.parse import quote

from allauth.core.internal import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.security import client_ip
from connectapp.lib.create_once import CreateOnceForm
from connectapp.lib.ids import id_from

from .. import registry, services
from ..access import get_trusted_link_by_token, get_trusted_link_for_user
from ..forms import TrustedLinkForm
from ..models import TrustedLink

security_log = logging.getLogger("connect.security")

RATE_LIMIT_ACTION = "trusted_link"


def _rate_limit(request: HttpRequest, *, dry_run: bool) -> bool:
    """allauth's limiter, with ACCOUNT_RATE_LIMITS["trusted_link"]. Its public
    `allauth.core.ratelimit.consume` never limits GET requests, and this page
    is a GET, hence `limit_get` (tests/worksheets/test_trusted_links.py)."""
    usage = ratelimit.consume(
        request,
        app="allauth.account",
        action=RATE_LIMIT_ACTION,
        limit_get=True,
        dry_run=dry_run,
    )
    return usage is not None


def trusted_links_for(user) -> list[TrustedLink]:
    """The member's links for the Sharing page, with how often and when last
    they were opened."""
    return list(
        TrustedLink.objects.owned_by(user)
        .select_related("worksheet", *registry.content_paths("worksheet__"))
        .annotate(open_count=Count("opens"), last_opened_at=Max("opens__opened_at"))
    )


def _created(request: HttpRequest, link: TrustedLink, secret: str) -> HttpResponse:
    """The one page that ever shows the full link, with ready-to-send texts."""
    url = request.build_absolute_uri(reverse("worksheets:trusted-view", args=[secret]))
    worksheet = link.worksheet.content
    until = formats.date_format(link.expires_at, "DATE_FORMAT")
    message = _("Here is my %(noun)s for you to read, until %(date)s: %(url)s") % {
        "noun": worksheet.kind_info.noun,
        "date": until,
        "url": url,
    }
    subject = _("My %(noun)s") % {"noun": worksheet.kind_info.noun}
    response = render(
        request,
        "worksheets/trusted_created.html",
        {
            "link": link,
            "worksheet": worksheet,
            "url": url,
            "sms_href": "sms:?body=" + quote(message),
            "mailto_href": f"mailto:?subject={quote(subject)}&body={quote(message)}",
        },
    )
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def trusted_create(request: HttpRequest) -> HttpResponse:
    """Make a link: which worksheet, for whom, for 7 or 30 days."""
    initial = {}
    if (chosen := id_from(request.GET.get("worksheet"))) is not None:
        initial["worksheet"] = chosen
    form = TrustedLinkForm(
        request.POST if request.method == "POST" else None, owner=request.user, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            link, secret = services.trusted_link_create(
                owner=request.user,
                worksheet=form.cleaned_data["worksheet"],
                recipient=form.cleaned_data["recipient"],
                duration_days=form.cleaned_data["duration"],
                token=form.cleaned_data["token"],
            )
        except services.TrustedLinkExists as exists:
            return _already_made(request, exists.link)
        return _created(request, link, secret)
    return render(
        request,
        "worksheets/trusted_form.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


def _already_made(request: HttpRequest, link: TrustedLink) -> HttpResponse:
    messages.info(
        request,
        _(
            "That link was already made. For safety the full link is shown only once: if you "
            "did not copy it, make a new one here."
        ),
    )
    return redirect("worksheets:trusted-detail", pk=link.pk)


@never_cache
@require_GET
def trusted_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One link: who it is for, until when, and every time it was opened."""
    link = get_trusted_link_for_user(request.user, pk)
    return render(
        request,
        "worksheets/trusted_detail.html",
        {
            "link": link,
            "worksheet": link.worksheet.content,
            "opens": list(link.opens.all()),
            "replace_form": CreateOnceForm(),
        },
    )


@never_cache
@require_POST
def trusted_replace(request: HttpRequest, pk: int) -> HttpResponse:
    """A lost link: stop it and make a new one for the same person."""
    link = get_trusted_link_for_user(request.user, pk)
    form = CreateOnceForm(request.POST)
    form.is_valid()
    try:
        new, secret = services.trusted_link_replace(link=link, token=form.cleaned_data["token"])
    except services.TrustedLinkExists as exists:
        return _already_made(request, exists.link)
    except ValueError:  # the kind no longer allows links
        messages.info(request, _("That link no longer opens."))
        return redirect("worksheets:sharing")
    return _created(request, new, secret)


@never_cache
@require_http_methods(["GET", "POST"])
def trusted_stop(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop a link: a confirmation page, then one POST. The very next
    opening finds nothing."""
    link = get_trusted_link_for_user(request.user, pk)
    if not link.is_live:
        messages.info(request, _("That link no longer opens."))
        return redirect("worksheets:sharing")
    if request.method == "POST":
        services.trusted_link_stop(link=link)
        messages.success(
            request,
            _("The link for %(person)s is stopped. It no longer opens anything.")
            % {"person": link.recipient},
        )
        return redirect("worksheets:sharing")
    return render(
        request,
        "worksheets/trusted_stop.html",
        {"link": link, "worksheet": link.worksheet.content},
    )


def _private(response: HttpResponse) -> HttpResponse:
    """Never indexed, never sent on as a referrer (never_cache adds no-store).
    Django's request log would write the path, token and all, for a 404 or
    429: the security log above notes the refusal instead, without it."""
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    response["Referrer-Policy"] = "no-referrer"
    response._has_been_logged = True
    return response


@login_not_required
@never_cache
@require_GET
def trusted_view(request: HttpRequest, token: str) -> HttpResponse:
    """The page the trusted person opens: that one worksheet, read-only."""
    if not _rate_limit(request, dry_run=True):
        security_log.warning("trusted_link_rate_limited ip=%s", client_ip(request))
        return _private(
            render(request, "worksheets/trusted_missing.html", {"limited": True}, status=429)
        )
    try:
        link = get_trusted_link_by_token(token)
    except Http404:
        _rate_limit(request, dry_run=False)
        security_log.info("trusted_link_refused ip=%s", client_ip(request))
        return _private(render(request, "worksheets/trusted_missing.html", status=404))
    services.trusted_link_record_open(link=link)
    worksheet = link.worksheet.content
    context = {
        "link": link,
        "worksheet": worksheet,
        "body_template": worksheet.kind_info.body_template,
        worksheet.kind_info.key: worksheet,
        **worksheet.detail_context(),
    }
    return _private(render(request, "worksheets/trusted_view.html", context))


# The path holds the token: logs name the route instead (accounts/middleware.py).
trusted_view.path_is_secret = True
