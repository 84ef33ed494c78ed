import json
import logging

from allauth.account.decorators import reauthentication_required
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import logout
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .access import get_clinician_profile_for_user
from .forms import AccountDeleteForm, ClinicianApplicationForm, ProfileForm
from .models import ClinicianProfile

logger = logging.getLogger(__name__)


def profile(request: HttpRequest) -> HttpResponse:
    """The account hub: display name, home state, and links to every account setting."""
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@never_cache
def data(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/data.html")


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
def delete(request: HttpRequest) -> HttpResponse:
    """Erase the account. The POST asks for the password again if it was not
    entered recently, then replays itself."""
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        email = user.email
        logout(request)
        services.account_delete(user=user)
        try:
            send_mail(
                "[Connect] Your account has been deleted",
                render_to_string("accounts/email/account_deleted.txt"),
                None,
                [email],
            )
        except Exception:
            # The account is already gone; a mail failure must not hide that.
            logger.exception("account_deleted_mail_failed")
        messages.success(request, "Your account and everything in it have been deleted.")
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def clinician_application(request: HttpRequest) -> HttpResponse:
    """Apply to be a clinician, see where the application stands, or, once
    verified, see the details an admin checked. Applying needs an
    authenticator app first, because the role always requires one."""
    application = ClinicianProfile.objects.filter(user=request.user).first()
    has_mfa = is_mfa_enabled(request.user, [Authenticator.Type.TOTP])
    # allauth refuses to add an authenticator while any address is unconfirmed.
    unconfirmed = EmailAddress.objects.filter(user=request.user, verified=False).first()
    can_apply = application is None or not application.is_verified
    form = None
    if can_apply:
        form = ClinicianApplicationForm(
            request.POST if request.method == "POST" else None, instance=application
        )
    status = 200
    if request.method == "POST":
        if not can_apply:
            messages.info(request, "You are verified. To change these details, ask an admin.")
            return redirect("accounts:clinician")
        status = 400
        if not has_mfa:
            messages.warning(
                request,
                "Please set up two-factor authentication first: clinicians must use it.",
            )
        elif form.is_valid():
            services.clinician_apply(user=request.user, values=form.cleaned_data)
            messages.success(
                request,
                "Thank you. An admin will check your details and you will see the result here.",
            )
            return redirect("accounts:clinician")
    return render(
        request,
        "accounts/clinician.html",
        {
            "application": application,
            "form": form,
            "has_mfa": has_mfa,
            "unconfirmed_email": unconfirmed,
        },
        status=status,
    )


@require_POST
def share_code_regenerate(request: HttpRequest) -> HttpResponse:
    profile = get_clinician_profile_for_user(request.user)
    services.share_code_regenerate(profile=profile)
    messages.success(
        request,
        f"Your new share code is {profile.share_code_display}. The old code no longer works.",
    )
    return redirect("clinician:dashboard")
