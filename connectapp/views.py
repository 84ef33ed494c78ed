"""Pages of the whole site, and the account pages that span apps (the data
download and account deletion), composed from every app's services."""

import json
import logging

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.forms import AccountDeleteForm

from . import services
from .lib.notifications import notification_send

logger = logging.getLogger(__name__)


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


@never_cache
def data_download(request: HttpRequest) -> HttpResponse:
    """Everything the member keeps in Connect, as a JSON file."""
    body = json.dumps(services.account_export(user=request.user), cls=DjangoJSONEncoder, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"connect-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
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
        email = user.email
        # Delete first: if it fails, the member is still signed in and can try
        # again. Only once the account is gone does this session end.
        services.account_delete(user=user, request=request)
        logout(request)
        # The account is already gone; a mail failure must not hide that.
        notification_send(to=email, template="accounts/email/account_deleted")
        messages.success(request, "Your account and everything in it have been deleted.")
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})
