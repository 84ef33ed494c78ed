"""The one way in to a clinician's own professional profile."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import ClinicianProfile, User


def clinician_role_check(user: User | AnonymousUser) -> None:
    """404 unless the user, as loaded for this request, has the clinician role:
    the part of the check below that a page keeping the profile in the cache
    (the dashboard) still makes on every request."""
    if not user.is_authenticated or not user.is_clinician:
        raise Http404


def get_clinician_profile_for_user(user: User | AnonymousUser) -> ClinicianProfile:
    """The user's profile if they are a verified clinician right now, else 404.
    The clinician area and the share code go through this."""
    clinician_role_check(user)
    return get_object_or_404(ClinicianProfile.objects.verified().select_related("user"), user=user)
