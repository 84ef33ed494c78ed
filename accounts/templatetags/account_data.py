from datetime import date, datetime

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

# How the printable copy names each key of the data download, in the words
# the rest of the site uses. The JSON keeps its keys; only the page shows
# these. tests/connectapp/test_export_coverage.py fails when a key of a full
# download has no label here.
DATA_LABELS = {
    # The account
    "account": _("Your account"),
    "email": _("Email address"),
    "email_addresses": _("Email addresses"),
    "verified": _("Confirmed"),
    "primary": _("Main address"),
    "display_name": _("Display name"),
    "role": _("Role"),
    "home_state": _("Your US state"),
    "language": _("Language"),
    "joined_at": _("Joined"),
    "last_sign_in": _("Last signed in"),
    "sign_in_sessions": _("Signed-in devices"),
    "ip_address": _("IP address"),
    "browser": _("Browser"),
    "signed_in_at": _("Signed in"),
    "last_seen_at": _("Last active"),
    "two_factor_authentication": _("Two-factor authentication"),
    "type": _("Type"),
    "added_at": _("Added"),
    "last_used_at": _("Last used"),
    # A clinician application
    "clinician_profile": _("Your clinician application"),
    "profession": _("Profession"),
    "licence_number": _("License or registration number"),
    "licence_region": _("Where it was issued"),
    "practice_name": _("Practice"),
    "status": _("Status"),
    "applied_at": _("Applied"),
    "reviewed_at": _("Decided"),
    # Activities
    "activities": _("Activities"),
    "activity": _("Activity"),
    "reminder_settings": _("Reminders"),
    "reminders_on": _("Email me a reminder on days I planned something"),
    "time_of_day": _("At what time"),
    "time_zone": _("Time zone"),
    "email_names_the_activity": _("The email names the activity"),
    "quiet_from": _("Quiet hours from"),
    "quiet_until": _("Quiet hours until"),
    "calendar_feed_on": _("Calendar feed"),
    "calendar_feed_names_activities": _("The calendar names the activities"),
    "plans": _("My activities"),
    "planned_for": _("Planned for"),
    "saved_at": _("Saved"),
    "done_at": _("Done"),
    "reminder": _("Reminder"),
    "started_activities": _("Activities you started"),
    "started_at": _("Started"),
    "mood_logs": _("Mood notes"),
    "done_on": _("Done on"),
    "mood_before": _("Mood before"),
    "mood_after": _("Mood after"),
    "note": _("Note"),
    "logged_at": _("Written"),
    "suggestions": _("Activities you suggested"),
    "description": _("Description"),
    "setting": _("Where"),
    "effort": _("Effort"),
    "suggested_at": _("Suggested"),
    "recommendations": _("Suggested by your clinician"),
    "from": _("From"),
    "recommended_at": _("Suggested"),
    "put_aside_at": _("Put aside"),
    # Worksheets
    "worksheets": _("Worksheets"),
    "needs_statements": _("Needs statements"),
    "title": _("Title"),
    "audience": _("Who this is for"),
    "experience": _("What depression is like for me"),
    "warning_signs": _("Signs that I am struggling"),
    "helps": _("What helps"),
    "helps_other": _("Other things that help"),
    "unhelpful": _("What does not help"),
    "check_ins": _("How and how often to check in"),
    "if_unavailable": _("If you can't help right now"),
    "crisis_contacts": _("Who to contact if I am in crisis"),
    "with_therapist": _("I filled this in with a therapist"),
    "therapist_note": _("A note about working on this with a therapist"),
    "created_at": _("Made"),
    "updated_at": _("Last changed"),
    "relationships": _("Relationships"),
    "safety_plans": _("Safety plans"),
    "coping": _("Things I can do on my own to feel calmer"),
    "distractions": _("People and places that take my mind off things"),
    "helpers": _("People I can ask for help"),
    "professionals": _("Professionals and services"),
    "environment": _("Making my surroundings safer"),
    "reasons": _("What matters most to me, my reasons to keep going"),
    "phone": _("Phone"),
    "message": _("Text message"),
    "label": _("Label"),
    "for": _("For"),
    "made_at": _("Made"),
    "stopped_at": _("Stopped"),
    "opened_at": _("Opened"),
    "client_labels": _("Your private labels for clients"),
    "trusted_links": _("Links for someone you trust"),
    "name": _("Name or nickname"),
    "kind": _("Kind"),
    "notes": _("Notes"),
    "security_checks": _("Security checks"),
    "checked_on": _("Checked on"),
    "rating": _("Rating"),
    "test_drives": _("Test drives"),
    "asked_on": _("Asked on"),
    "ask": _("What I asked for"),
    "response": _("How they responded"),
    "unsaved_edits": _("Unsaved changes"),
    "worksheet": _("Worksheet"),
    "text": _("Text"),
    "kept_at": _("Kept"),
    "shares": _("Sharing with clinicians"),
    "clinician": _("Clinician"),
    "expires_at": _("Ends"),
    "ended_at": _("Ended"),
    "end_reason": _("Why it ended"),
    "comments": _("Comments"),
    "written_by": _("Written by"),
    "written_at": _("Written"),
    "access_log": _("What clinicians read"),
    "what": _("What"),
    "viewed_at": _("Read"),
    # A clinician's work with members
    "clinician_work": _("Your work with members"),
    "member": _("Member"),
    "shares_received": _("Shares you received"),
    "comments_written": _("Comments you wrote"),
    "worksheets_read": _("Worksheets you read"),
    "recommendations_made": _("Activities you suggested to members"),
}

# Keys the download keeps for programs that read it, which mean nothing on
# the page.
HIDDEN_IN_PRINT = {"format", "exported_at", "activity_slug"}


@register.filter
def data_kind(value: object) -> str:
    """How the printable copy lays out one value of the export."""
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    return "text"


@register.filter
def data_items(mapping: dict) -> list[tuple[str, object]]:
    """The (key, value) pairs the printable copy shows."""
    return [(key, value) for key, value in mapping.items() if key not in HIDDEN_IN_PRINT]


@register.filter
def data_label(key: str) -> str:
    """A key's label; keys that are labels already (a security check's
    "Consistency") show as they are."""
    return DATA_LABELS.get(key, key)
