import uuid
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import slugify

from accounts.models import User
from connectapp.lib.create_once import create_once
from connectapp.lib.translation import SOURCE_LANGUAGE, translations_fill

from . import starter_es
from .models import (
    RESERVED_SLUGS,
    Activity,
    ActivityLink,
    ActivityLog,
    ActivityStart,
    Plan,
    ReadyMessage,
    Recommendation,
    ReminderSettings,
    Suggestion,
    Tag,
    feed_token_new,
)
from .reminders import reminder_schedule, reminders_schedule_for
from .starter import KINDS, STARTER_ACTIVITIES, StarterActivity, starter_keywords


@transaction.atomic
def starter_catalogue_load() -> tuple[int, int]:
    """Add the starter activities that are missing. Returns (added, already there).

    An activity whose slug exists is never touched, so an admin's edits survive,
    except that Spanish text (`starter_es`) fills its Spanish fields that are
    still empty: running the loader again adds Spanish to an older catalogue.
    To retire a starter activity, unpublish it: a deleted one comes back.
    """
    # The starter text is English, whatever language is active.
    with translation.override(SOURCE_LANGUAGE):
        added = _starter_activities_add()
    _starter_spanish_fill()
    return added, len(STARTER_ACTIVITIES) - added


def _starter_activities_add() -> int:
    kinds = {}
    for order, (slug, name) in enumerate(KINDS):
        kinds[slug], _ = Tag.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order * 10}
        )
    existing = set(Activity.objects.values_list("slug", flat=True))
    added = 0
    for order, item in enumerate(STARTER_ACTIVITIES, start=1):
        if item.slug in existing:
            continue
        activity = Activity.objects.create(
            slug=item.slug,
            title=item.title,
            summary=item.summary,
            body=item.body,
            first_step=item.first_step,
            why_it_helps=item.why_it_helps,
            setting=item.setting,
            effort=item.effort,
            source_note=item.source_note,
            links_to_helplines=item.links_to_helplines,
            keywords=starter_keywords(item.slug),
            status=Activity.Status.PUBLISHED,
            order=order * 10,
        )
        activity.kinds.set([kinds[slug] for slug in item.kinds])
        ActivityLink.objects.bulk_create(
            ActivityLink(
                activity=activity,
                label=link.label,
                url=link.url,
                verified_on=link.verified_on,
                order=i,
            )
            for i, link in enumerate(item.links)
        )
        ReadyMessage.objects.bulk_create(
            ReadyMessage(activity=activity, text=text, order=i)
            for i, text in enumerate(item.messages)
        )
        added += 1
    return added


def _starter_spanish_fill() -> None:
    """Spanish starter text into the Spanish fields that are still empty. Links
    are matched by address and messages by their English text, so ones an
    admin added or rewrote are left alone."""
    for tag in Tag.objects.filter(slug__in=starter_es.TAGS):
        if written := translations_fill(tag, "es", {"name": starter_es.TAGS[tag.slug]}):
            tag.save(update_fields=written)
    starters = {item.slug: item for item in STARTER_ACTIVITIES}
    activities = Activity.objects.filter(slug__in=starter_es.ACTIVITIES).prefetch_related(
        "links", "messages"
    )
    for activity in activities:
        texts = starter_es.ACTIVITIES[activity.slug]
        fields = ("title", "summary", "body", "first_step", "why_it_helps")
        spanish = {name: texts[name] for name in fields if name in texts}
        spanish["keywords"] = starter_keywords(activity.slug, starter_es.FEELINGS)
        written = translations_fill(activity, "es", spanish)
        if written:
            activity.save(update_fields=written)
        item = starters.get(activity.slug)
        if item is not None:
            _starter_parts_fill(activity, item, texts)


def _starter_parts_fill(activity: Activity, item: StarterActivity, texts: dict) -> None:
    labels = dict(zip((link.url for link in item.links), texts.get("links", ()), strict=False))
    for link in activity.links.all():
        if written := translations_fill(link, "es", {"label": labels.get(link.url, "")}):
            link.save(update_fields=written)
    spanish = dict(zip(item.messages, texts.get("messages", ()), strict=False))
    for message in activity.messages.all():
        if written := translations_fill(message, "es", {"text": spanish.get(message.text_en, "")}):
            message.save(update_fields=written)


def plan_save(*, owner: User, activity: Activity, planned_for: date | None) -> Plan:
    """Put `activity` in the owner's "My activities", or change the date of the
    open plan already there. Saving twice never makes two."""
    plan, created = create_once(
        Plan,
        unique={"owner": owner, "activity": activity, "done_at": None},
        values={"planned_for": planned_for},
    )
    if not created:
        plan.planned_for = planned_for
        plan.save(update_fields=["planned_for"])
    reminder_schedule(plan)
    return plan


def plan_reminder_set(*, plan: Plan, on: bool) -> None:
    """Turn the reminder for one plan on or off."""
    plan.reminder = on
    plan.save(update_fields=["reminder"])
    reminder_schedule(plan)


def reminder_settings_get(*, owner: User) -> ReminderSettings:
    """The member's settings, or unsaved defaults (reminders off, no feed)."""
    return ReminderSettings.objects.filter(owner=owner).first() or ReminderSettings(owner=owner)


def reminder_settings_save(*, prefs: ReminderSettings) -> int:
    """Store changed reminder settings and queue reminders at the new time.
    Returns how many reminders were queued."""
    prefs.save()
    return reminders_schedule_for(prefs.owner) if prefs.enabled else 0


def feed_token_replace(*, prefs: ReminderSettings) -> str:
    """Turn the calendar feed on with a new address; any old one stops working."""
    prefs.feed_token = feed_token_new()
    prefs.save()
    return prefs.feed_token


def feed_turn_off(*, prefs: ReminderSettings) -> None:
    prefs.feed_token = None
    if prefs.pk is not None:
        prefs.save()


def plan_remove(*, plan: Plan) -> None:
    """Take an open plan off "My activities". Done plans stay, with their logs."""
    if not plan.is_done:
        plan.delete()


def log_create(
    *,
    owner: User,
    activity: Activity,
    submission: uuid.UUID,
    done_on: date,
    mood_before: int,
    mood_after: int,
    note: str = "",
    plan: Plan | None = None,
) -> tuple[ActivityLog, bool]:
    """Record that the owner did `activity`, and mark their plan for it done.

    `submission` identifies the form that was sent, so sending it twice records
    one log. Returns the log and whether it is new.
    """
    if plan is None:
        plan = Plan.objects.owned_by(owner).open().filter(activity=activity).first()

    def plan_done(log: ActivityLog) -> None:
        if plan is not None and not plan.is_done:
            plan.done_at = timezone.now()
            plan.save(update_fields=["done_at"])
        ActivityStart.objects.owned_by(owner).filter(activity=activity).delete()

    return create_once(
        ActivityLog,
        unique={"owner": owner, "submission": submission},
        values={
            "activity": activity,
            "plan": plan,
            "done_on": done_on,
            "mood_before": mood_before,
            "mood_after": mood_after,
            "note": note,
        },
        then=plan_done,
    )


def start_save(*, owner: User, activity: Activity, mood_before: int) -> ActivityStart:
    """Note the mood before an activity the member is about to do. Starting the
    same activity again replaces the earlier note."""
    start, _ = ActivityStart.objects.update_or_create(
        owner=owner,
        activity=activity,
        defaults={"mood_before": mood_before, "started_at": timezone.now()},
    )
    return start


def start_dismiss(*, start: ActivityStart) -> None:
    start.delete()


def _unique_slug(title: str) -> str:
    base = (slugify(title)[:60] or "suggestion").strip("-")
    if base in RESERVED_SLUGS:
        base = f"{base}-idea"
    slug = base
    while Activity.objects.filter(slug=slug).exists():
        slug = f"{base}-{uuid.uuid4().hex[:6]}"
    return slug


def suggestion_create(
    *,
    owner: User,
    submission: uuid.UUID,
    title: str,
    description: str,
    setting: str,
    effort: str,
) -> tuple[Suggestion, bool]:
    """Store a member's suggestion and the hidden "suggested" activity admins review.

    Sending the same form twice stores one. Returns the suggestion and whether it is new.
    """

    def activity_create(suggestion: Suggestion) -> None:
        # The member's words go in as written, into the source-language columns
        # admins review, whichever language the member reads Connect in.
        with translation.override(SOURCE_LANGUAGE):
            suggestion.activity = Activity.objects.create(
                title=title,
                slug=_unique_slug(title),
                summary=description.strip().splitlines()[0][:200],
                body=description,
                setting=setting,
                effort=effort,
                status=Activity.Status.SUGGESTED,
                source_note="Suggested by a member",
                order=1000,
            )
        suggestion.save(update_fields=["activity"])

    return create_once(
        Suggestion,
        unique={"owner": owner, "submission": submission},
        values={"title": title, "description": description, "setting": setting, "effort": effort},
        then=activity_create,
    )


@transaction.atomic
def member_data_delete(*, owner: User, **kwargs) -> None:
    """What deleting a member's account means here, beyond the cascade."""
    suggestions_delete_for_owner(owner=owner)


def suggestions_delete_for_owner(*, owner: User) -> None:
    """Erase a member's suggestions, and the suggested activities still awaiting
    review. For account deletion.

    The member's own plans, mood notes and recommendations go first (the
    account's cascade would erase them anyway). A suggested activity that
    someone else has since planned, started, logged or been recommended stays, like one
    an admin already published: deleting the suggestion clears its link to the
    member, so nothing in the catalogue points back to them."""
    Plan.objects.owned_by(owner).delete()
    ActivityLog.objects.owned_by(owner).delete()
    Recommendation.objects.owned_by(owner).delete()
    ActivityStart.objects.filter(owner=owner).delete()
    Activity.objects.suggested().filter(suggestion__owner=owner).exclude(
        Q(plans__isnull=False)
        | Q(logs__isnull=False)
        | Q(recommendations__isnull=False)
        | Q(starts__isnull=False)
    ).delete()
    Suggestion.objects.owned_by(owner).delete()


def recommendation_create(
    *, owner: User, clinician: User, activity: Activity, note: str = ""
) -> tuple[Recommendation, bool]:
    """Put `activity` in the member's "My activities" as the clinician's
    suggestion. Recommending it again, before the member puts it aside, keeps
    one. Returns the recommendation and whether it is new."""
    return create_once(
        Recommendation,
        unique={"owner": owner, "clinician": clinician, "activity": activity, "dismissed_at": None},
        values={"clinician_name": str(clinician.clinician_profile), "note": note.strip()},
    )


def recommendation_dismiss(*, recommendation: Recommendation) -> None:
    """Take a recommendation off "My activities". The clinician is not told."""
    if recommendation.dismissed_at is None:
        recommendation.dismissed_at = timezone.now()
        recommendation.save(update_fields=["dismissed_at"])


def clinician_data_export(*, clinician: User) -> dict[str, list[dict]]:
    """The activities a clinician recommended, for the clinician's own data
    download."""
    recommendations = Recommendation.objects.filter(clinician=clinician).select_related(
        "owner", "activity"
    )
    return {
        "recommendations_made": [
            {
                "member": recommendation.owner.display_name,
                "activity": recommendation.activity.title,
                "activity_slug": recommendation.activity.slug,
                "recommended_at": recommendation.created_at,
            }
            for recommendation in recommendations.order_by("created_at", "pk")
        ]
    }


def member_data_export(*, owner: User) -> dict[str, list[dict]]:
    """Everything a member keeps in activities, for their data download."""
    plans = Plan.objects.owned_by(owner).select_related("activity").order_by("created_at")
    logs = ActivityLog.objects.owned_by(owner).select_related("activity")
    suggestions = Suggestion.objects.owned_by(owner)
    prefs = ReminderSettings.objects.owned_by(owner).first()
    return {
        "reminder_settings": None
        if prefs is None
        else {
            "reminders_on": prefs.enabled,
            "time_of_day": prefs.time_of_day,
            "time_zone": prefs.time_zone,
            "email_names_the_activity": prefs.show_title,
            "quiet_from": prefs.quiet_from,
            "quiet_until": prefs.quiet_until,
            # Whether the feed is on; its address is a secret, so it stays out.
            "calendar_feed_on": bool(prefs.feed_token),
            "calendar_feed_names_activities": prefs.feed_shows_titles,
        },
        "plans": [
            {
                "activity": plan.activity.title,
                "activity_slug": plan.activity.slug,
                "planned_for": plan.planned_for,
                "saved_at": plan.created_at,
                "done_at": plan.done_at,
                "reminder": plan.reminder,
            }
            for plan in plans
        ],
        "started_activities": [
            {
                "activity": start.activity.title,
                "activity_slug": start.activity.slug,
                "mood_before": start.mood_before,
                "started_at": start.started_at,
            }
            for start in ActivityStart.objects.filter(owner=owner)
            .select_related("activity")
            .order_by("started_at")
        ],
        "mood_logs": [
            {
                "activity": log.activity.title,
                "activity_slug": log.activity.slug,
                "done_on": log.done_on,
                "mood_before": log.mood_before,
                "mood_after": log.mood_after,
                "note": log.note,
                "logged_at": log.created_at,
            }
            for log in logs.order_by("done_on", "created_at")
        ],
        "suggestions": [
            {
                "title": suggestion.title,
                "description": suggestion.description,
                "setting": suggestion.get_setting_display(),
                "effort": suggestion.get_effort_display(),
                "suggested_at": suggestion.created_at,
            }
            for suggestion in suggestions.order_by("created_at")
        ],
        "recommendations": [
            {
                "activity": recommendation.activity.title,
                "activity_slug": recommendation.activity.slug,
                "from": recommendation.clinician_name,
                "note": recommendation.note,
                "recommended_at": recommendation.created_at,
                "put_aside_at": recommendation.dismissed_at,
            }
            for recommendation in Recommendation.objects.owned_by(owner)
            .select_related("activity")
            .order_by("created_at", "pk")
        ],
    }
