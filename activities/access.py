"""The one way in to each activities object. Every view fetches through these;
each returns the object or raises Http404."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import User

from .models import Activity, ActivityStart, Plan, Recommendation


def _with_parts(queryset):
    return queryset.prefetch_related("kinds", "links", "messages")


def get_activity_for_user(
    user: User | AnonymousUser, slug: str, *, parts: bool = False
) -> Activity:
    """An activity this user may see in the catalogue (`readable_by`: the
    published ones). Drafts and suggestions are a 404 here for everyone; staff
    see those through `get_activity_for_preview`. With `parts`, its kinds,
    links and messages come along."""
    queryset = Activity.objects.readable_by(user)
    return get_object_or_404(_with_parts(queryset) if parts else queryset, slug=slug)


def get_activity_for_preview(user: User | AnonymousUser, pk: int) -> Activity:
    if not user.is_staff:
        raise Http404
    return get_object_or_404(_with_parts(Activity.objects.all()), pk=pk)


def get_plan_for_user(user: User | AnonymousUser, pk: int) -> Plan:
    """One of the user's own plans, or a 404."""
    return get_object_or_404(Plan.objects.owned_by(user).select_related("activity"), pk=pk)


def get_recommendation_for_user(user: User | AnonymousUser, pk: int) -> Recommendation:
    """One of the recommendations made to the user, or a 404. The clinician
    who made it does not get in: it is the member's."""
    return get_object_or_404(
        Recommendation.objects.owned_by(user).select_related("activity"), pk=pk
    )


def get_start_for_user(user: User | AnonymousUser, pk: int) -> ActivityStart:
    """One of the user's own open "about to do it" notes, or a 404."""
    return get_object_or_404(ActivityStart.objects.owned_by(user).select_related("activity"), pk=pk)
