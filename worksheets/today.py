"""What the member's Today page reads from worksheets. Kept to one small
function so the Today page does not depend on how worksheets are stored."""

from datetime import datetime

from accounts.models import User

from . import registry
from .models import Comment


def clinician_comments_since(*, owner: User, since: datetime, limit: int = 5) -> list[dict]:
    """The newest comments clinicians wrote on the owner's worksheets since
    `since`: who wrote, when, and a link to the conversation. No worksheet or
    comment text, so the Today page shows nothing a glance should not."""
    comments = (
        Comment.objects.filter(owner=owner, from_clinician=True, created_at__gte=since)
        .select_related("worksheet", *registry.content_paths("worksheet__"))
        .order_by("-created_at", "-pk")[:limit]
    )
    return [
        {
            "clinician": comment.clinician_name,
            "at": comment.created_at,
            "link": comment.worksheet.content.get_absolute_url() + "#comments",
        }
        for comment in comments
    ]
