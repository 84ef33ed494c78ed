import logging

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .access import get_clinician_profile_for_user
from .forms import ClinicianApplicationForm, ProfileForm
from .models import ClinicianProfile

logger = logging.getLogger(__name__)


def profile(request: HttpRequest) -> HttpResponse:
    """The account hub: display name, home state, and links to every account setting."""
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@never_cache
def data(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/data.html")


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
            messages.info(request, _("You are verified. To change these details, ask an admin."))
            return redirect("accounts:clinician")
        status = 400
        if not has_mfa:
            messages.warning(
                request,
                _("Please set up two-factor authentication first: clinicians must use it."),
            )
        elif form.is_valid():
            services.clinician_apply(user=request.user, values=form.cleaned_data)
            messages.success(
                request,
                _("Thank you. An admin will check your details and you will see the result here."),
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
        _("Your new share code is %(code)s. The old code no longer works.")
        % {"code": profile.share_code_display},
    )
    return redirect("clinician:dashboard")
