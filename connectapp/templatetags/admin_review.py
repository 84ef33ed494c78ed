"""What waits for an admin's decision, for the top of the admin index."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from accounts.models import ClinicianProfile
from activities.models import Activity

register = template.Library()


@register.inclusion_tag("admin/includes/review_queue.html", takes_context=True)
def review_queue(context: template.Context) -> dict:
    user = context["request"].user
    items = []
    if user.has_perm("activities.change_activity"):
        count = Activity.objects.suggested().count()
        items.append(
            {
                "count": count,
                "text": ngettext(
                    "%(count)d activity suggestion from members",
                    "%(count)d activity suggestions from members",
                    count,
                )
                % {"count": count}
                if count
                else gettext("No activity suggestions from members"),
                "url": reverse("admin:activities_activity_changelist") + "?status__exact=suggested",
            }
        )
    if user.has_perm("accounts.change_clinicianprofile"):
        count = ClinicianProfile.objects.filter(status=ClinicianProfile.Status.PENDING).count()
        items.append(
            {
                "count": count,
                "text": ngettext(
                    "%(count)d clinician application", "%(count)d clinician applications", count
                )
                % {"count": count}
                if count
                else gettext("No clinician applications"),
                "url": reverse("admin:accounts_clinicianprofile_changelist")
                + "?status__exact=pending",
            }
        )
    return {"items": items}
