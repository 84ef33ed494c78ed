import secrets
import uuid
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo, available_timezones

import markdown
import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from connectapp.lib.models import OwnedQuerySet
from connectapp.lib.search import fold, folded_words
from connectapp.lib.translation import (
    content_languages,
    localized,
    translated_fields,
    untranslated_fields,
    with_language_columns,
)

# Path segments under /activities/ that are pages, so no activity may use them as its slug.
RESERVED_SLUGS = frozenset(
    {"my", "suggest", "preview", "plans", "recommendations", "reminders", "calendar", "started"}
)

# Tags an activity body may use once its Markdown is rendered. Anything else is dropped.
BODY_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "h3", "h4"}

# The fields that search reads, in every language.
SEARCHED_FIELDS = ("title", "summary", "body", "first_step", "keywords")

MOOD_MIN = 0
MOOD_MAX = 10


def validate_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(value)s” is the address of another page. Please pick another slug."),
            params={"value": value},
        )


def render_markdown(text: str) -> str:
    """Markdown to HTML that keeps only a small set of safe tags and attributes."""
    html = markdown.markdown(text)
    return nh3.clean(
        html,
        tags=BODY_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"https", "http", "mailto", "tel", "sms"},
        link_rel="noopener noreferrer",
    )


def searchable_text(activity) -> str:
    """The folded text that search reads: each searched field in every
    language. `activity` may be a migration's historical model too."""
    values = (
        getattr(activity, localized(name, language))
        for name in SEARCHED_FIELDS
        for language in content_languages()
    )
    return "\n".join(fold(value) for value in values if value)


class Tag(models.Model):
    """A curated tag, such as "online" or "volunteering". (The catalogue's
    filter calls them kinds; the model is a tag, so "kind" in code means the
    choice sets only.)"""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=60)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("kind")
        verbose_name_plural = _("kinds")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class ActivityQuerySet(models.QuerySet):
    def readable_by(self, user) -> "ActivityQuerySet":
        """The catalogue anyone may read, signed in or not: published activities."""
        return self.published()

    def published(self) -> "ActivityQuerySet":
        return self.filter(status=Activity.Status.PUBLISHED)

    def suggested(self) -> "ActivityQuerySet":
        return self.filter(status=Activity.Status.SUGGESTED)

    def for_setting(self, setting: str) -> "ActivityQuerySet":
        return self.filter(setting=setting)

    def for_effort(self, effort: str) -> "ActivityQuerySet":
        return self.filter(effort=effort)

    def with_any_kind(self, slugs: list[str]) -> "ActivityQuerySet":
        return self.filter(
            pk__in=Activity.kinds.through.objects.filter(tag__slug__in=slugs).values("activity")
        )

    def search(self, text: str) -> "ActivityQuerySet":
        """Activities whose text holds every word of `text`, in any order,
        ignoring case and accents: "musica casa" finds "Música en casa"."""
        queryset = self
        for word in folded_words(text):
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def same_or_easier_than(self, activity: "Activity") -> "ActivityQuerySet":
        """Activities in the same quadrant as `activity`, or one that asks less:
        staying home instead of going out, or low effort instead of high."""
        settings_ = {activity.setting, Activity.Setting.HOME}
        efforts = {activity.effort, Activity.Effort.LOW}
        return self.filter(setting__in=settings_, effort__in=efforts).exclude(pk=activity.pk)

    def for_cards(self) -> "ActivityQuerySet":
        return self.prefetch_related("kinds")


class Activity(models.Model):
    class Setting(models.TextChoices):
        HOME = "home", _("At home")
        OUT = "out", _("Out and about")

    class Effort(models.TextChoices):
        LOW = "low", _("Low effort")
        HIGH = "high", _("More effort")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", pgettext_lazy("activity", "Published")
        SUGGESTED = "suggested", _("Suggested by a member")

    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, validators=[validate_not_reserved]
    )
    summary = models.CharField(_("one-line summary"), max_length=200)
    body = models.TextField(
        _("body"), blank=True, help_text=_("Markdown. Links and basic formatting only.")
    )
    # `body` rendered and sanitised, once at save rather than on every page view.
    body_html = models.TextField(_("body as HTML"), editable=False, default="")
    # Every language's searched fields, folded (connectapp.lib.search), at save:
    # a Spanish speaker may type an English word they saw, and an activity
    # without Spanish yet still shows.
    search_text = models.TextField(_("search text"), editable=False, default="")
    first_step = models.CharField(
        _("tiny first step"),
        max_length=300,
        blank=True,
        help_text=_("The smallest version of this activity."),
    )
    why_it_helps = models.TextField(_("why it can help"), blank=True)
    setting = models.CharField(_("setting"), max_length=10, choices=Setting.choices)
    effort = models.CharField(_("effort"), max_length=10, choices=Effort.choices)
    kinds = models.ManyToManyField(
        Tag, blank=True, related_name="activities", verbose_name=_("kinds")
    )
    keywords = models.CharField(
        _("search keywords"),
        max_length=500,
        blank=True,
        help_text=_(
            "Words people might type when looking for this, such as feelings "
            "(lonely, tired, anxious), separated by commas. Search uses them; "
            "members never see them."
        ),
    )
    source_note = models.CharField(
        _("source note"),
        max_length=200,
        blank=True,
        help_text=_("Where the idea came from, for curators."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    order = models.PositiveIntegerField(
        _("order"), default=100, help_text=_("Lower numbers come first.")
    )
    links_to_helplines = models.BooleanField(
        _("links to helplines"),
        default=False,
        help_text=_("Show a link to the helplines finder on this activity."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The admin who last changed this activity."),
        verbose_name=_("updated by"),
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["order", "title"]
        indexes = [
            models.Index(
                fields=["status", "setting", "effort", "order"], name="activity_filter_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.derive_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            names = with_language_columns(Activity, update_fields)
            if names & with_language_columns(Activity, ["body"]):
                names |= with_language_columns(Activity, ["body_html"])
            if names & with_language_columns(Activity, SEARCHED_FIELDS):
                names.add("search_text")
            kwargs["update_fields"] = names
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("activities:detail", args=[self.slug])

    def derive_fields(self) -> None:
        """Work out what is kept from the other fields at save, for code that
        saves without save() (bulk_create): each language's body rendered into
        its body_html, and the text that search reads."""
        for language in content_languages():
            body = getattr(self, localized("body", language)) or ""
            setattr(self, localized("body_html", language), render_markdown(body))
        self.search_text = searchable_text(self)

    def shows_untranslated_text(self) -> bool:
        """Some of what the page shows has no text in the active language yet,
        so it shows the English: its own fields, its links or its messages."""
        own = [name for name in translated_fields(Activity) if name != "body_html"]
        return bool(
            untranslated_fields(self, own)
            or any(untranslated_fields(link) for link in self.links.all())
            or any(untranslated_fields(message) for message in self.messages.all())
        )

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def quadrant_label(self) -> str:
        return f"{self.get_setting_display()}, {self.get_effort_display().lower()}"


class ActivityLink(models.Model):
    """An outside service an activity mentions. Pages open these with rel="noopener noreferrer"."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="links", verbose_name=_("activity")
    )
    label = models.CharField(_("label"), max_length=100)
    url = models.URLField(_("URL"), max_length=300)
    verified_on = models.DateField(
        _("verified on"),
        null=True,
        blank=True,
        help_text=_("When someone last checked that the link works."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("activity link")
        verbose_name_plural = _("activity links")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.label


class ReadyMessage(models.Model):
    """A short message a member can edit and send, for activities about reaching out."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="messages", verbose_name=_("activity")
    )
    text = models.CharField(_("text"), max_length=320)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("ready-to-send message")
        verbose_name_plural = _("ready-to-send messages")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


def sms_href(text: str) -> str:
    """An sms: link that opens the messaging app with `text` filled in and no recipient.

    `sms:?&body=` is the form both platforms accept: Android reads the query string
    and ignores the empty first parameter, while iOS reads its body only after an
    `&`. Spaces become %20, never `+`, which iOS would show literally.
    """
    return "sms:?&body=" + quote(text, safe="")


class PlanQuerySet(OwnedQuerySet):
    def open(self) -> "PlanQuerySet":
        return self.filter(done_at__isnull=True)

    def planned(self) -> "PlanQuerySet":
        return self.open().filter(planned_for__isnull=False).order_by("planned_for", "pk")

    def saved(self) -> "PlanQuerySet":
        return self.open().filter(planned_for__isnull=True).order_by("-created_at", "pk")


class Plan(models.Model):
    """An activity in a member's "My activities": saved, or planned for a day.

    Logging the activity marks the plan done. A member has at most one open plan
    per activity, so saving twice never makes two.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="plans",
        verbose_name=_("owner"),
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, related_name="plans", verbose_name=_("activity")
    )
    planned_for = models.DateField(_("planned for"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    # The member can turn the reminder off for this one plan.
    reminder = models.BooleanField(_("reminder"), default=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "activity"],
                condition=Q(done_at__isnull=True),
                name="one_open_plan_per_activity",
            ),
        ]
        indexes = [models.Index(fields=["owner", "done_at"], name="plan_owner_done_idx")]

    def __str__(self) -> str:
        return f"Plan {self.pk}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_overdue(self) -> bool:
        return (
            not self.is_done
            and self.planned_for is not None
            and self.planned_for < timezone.localdate()
        )


class ActivityLogQuerySet(OwnedQuerySet):
    pass


class ActivityLog(models.Model):
    """A member did an activity, and noted their mood before and after. Private to them."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activity_logs",
        verbose_name=_("owner"),
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, related_name="logs", verbose_name=_("activity")
    )
    plan = models.ForeignKey(
        Plan,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="logs",
        verbose_name=_("plan"),
    )
    done_on = models.DateField(_("done on"), default=timezone.localdate)
    mood_before = models.PositiveSmallIntegerField(
        _("mood before"), validators=[MinValueValidator(MOOD_MIN), MaxValueValidator(MOOD_MAX)]
    )
    mood_after = models.PositiveSmallIntegerField(
        _("mood after"), validators=[MinValueValidator(MOOD_MIN), MaxValueValidator(MOOD_MAX)]
    )
    note = models.TextField(_("note"), blank=True, max_length=2000)
    submission = models.UUIDField(_("submission"), default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ActivityLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity log")
        verbose_name_plural = _("activity logs")
        ordering = ["-done_on", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "submission"], name="one_log_per_submission"),
            models.CheckConstraint(
                condition=Q(mood_before__lte=MOOD_MAX) & Q(mood_after__lte=MOOD_MAX),
                name="mood_within_scale",
            ),
        ]
        indexes = [models.Index(fields=["owner", "done_on"], name="log_owner_day_idx")]

    def __str__(self) -> str:
        return f"Log {self.pk}"

    @property
    def mood_change(self) -> int:
        return self.mood_after - self.mood_before


class ActivityStartQuerySet(OwnedQuerySet):
    pass


class ActivityStart(models.Model):
    """A member is about to do an activity and noted their mood before it.

    It stays open, on "My activities", until they note how it went (which makes
    an ActivityLog with this mood before, and removes it) or dismiss it. One per
    member and activity: starting again updates it. Private to the member.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activity_starts",
        verbose_name=_("owner"),
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="starts", verbose_name=_("activity")
    )
    mood_before = models.PositiveSmallIntegerField(
        _("mood before"), validators=[MinValueValidator(MOOD_MIN), MaxValueValidator(MOOD_MAX)]
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)

    objects = ActivityStartQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity start")
        verbose_name_plural = _("activity starts")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "activity"], name="one_start_per_activity"),
            models.CheckConstraint(
                condition=Q(mood_before__lte=MOOD_MAX), name="start_mood_within_scale"
            ),
        ]

    def __str__(self) -> str:
        return f"Start {self.pk}"


class Suggestion(models.Model):
    """What a member wrote when suggesting an activity.

    It creates an activity with status "suggested" that only admins see. When the
    member's account goes, this record goes with it; `suggestions_delete_for_owner`
    also removes any of their suggested activities still awaiting review.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activity_suggestions",
        verbose_name=_("owner"),
    )
    activity = models.OneToOneField(
        Activity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestion",
        verbose_name=_("activity"),
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=2000)
    setting = models.CharField(_("setting"), max_length=10, choices=Activity.Setting.choices)
    effort = models.CharField(_("effort"), max_length=10, choices=Activity.Effort.choices)
    submission = models.UUIDField(_("submission"), default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "submission"], name="one_suggestion_per_submission"
            ),
        ]

    def __str__(self) -> str:
        return f"Suggestion {self.pk}"

    @property
    def is_approved(self) -> bool:
        return self.activity is not None and self.activity.is_public


class RecommendationQuerySet(OwnedQuerySet):
    def open(self) -> "RecommendationQuerySet":
        return self.filter(dismissed_at__isnull=True)


class Recommendation(models.Model):
    """A catalogue activity that a clinician the member shares with suggested
    to them. It shows in the member's "My activities" until they put it aside,
    and stays theirs after the share ends."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("owner"),
    )
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("clinician"),
    )
    # "display name, profession", as the member knows the clinician.
    clinician_name = models.CharField(_("clinician name"), max_length=200)
    activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        related_name="recommendations",
        verbose_name=_("activity"),
    )
    # A short word from the clinician, shown to the member on "My activities".
    # Clinician-written about the member, so never put in an email.
    note = models.CharField(_("A short note (optional)"), max_length=280, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    dismissed_at = models.DateTimeField(_("dismissed at"), null=True, blank=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "clinician", "activity"],
                condition=Q(dismissed_at__isnull=True),
                name="one_open_recommendation",
            ),
        ]

    def __str__(self) -> str:
        return f"Recommendation {self.pk}"


TIME_ZONES = frozenset(available_timezones())
# Offered first in the time-zone list, since most members are in the US.
US_TIME_ZONES = [
    ("America/New_York", _("Eastern time")),
    ("America/Chicago", _("Central time")),
    ("America/Denver", _("Mountain time")),
    ("America/Phoenix", _("Arizona")),
    ("America/Los_Angeles", _("Pacific time")),
    ("America/Anchorage", _("Alaska")),
    ("Pacific/Honolulu", _("Hawaii")),
    ("America/Puerto_Rico", _("Puerto Rico")),
]
FEED_TOKEN_BYTES = 32


def feed_token_new() -> str:
    return secrets.token_urlsafe(FEED_TOKEN_BYTES)


class ReminderSettings(models.Model):
    """A member's choices for reminders and their calendar feed. Reminders
    are off until the member turns them on."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminder_settings",
        verbose_name=_("owner"),
    )
    enabled = models.BooleanField(
        _("email me a reminder on days I planned something"), default=False
    )
    time_of_day = models.TimeField(_("at what time"), default=time(9, 0))
    time_zone = models.CharField(_("time zone"), max_length=64, default="America/New_York")
    show_title = models.BooleanField(
        _("name the activity in the email"),
        default=False,
        help_text=_(
            "Off by default: an email preview on a shared screen can say more than you want."
        ),
    )
    quiet_from = models.TimeField(_("quiet hours from"), null=True, blank=True)
    quiet_until = models.TimeField(_("quiet hours until"), null=True, blank=True)
    # The private calendar feed: on while it has a token. Replacing the token
    # makes every old address answer 404.
    feed_token = models.CharField(
        _("calendar feed token"), max_length=64, null=True, blank=True, unique=True
    )
    feed_shows_titles = models.BooleanField(
        _("name the activities in the feed"),
        default=False,
        help_text=_("Off by default: events then read “Connect: something you planned”."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("reminder settings")
        verbose_name_plural = _("reminder settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(quiet_from__isnull=True, quiet_until__isnull=True)
                | Q(quiet_from__isnull=False, quiet_until__isnull=False),
                name="quiet_hours_both_or_neither",
            ),
        ]

    def __str__(self) -> str:
        return f"Reminder settings {self.pk}"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone if self.time_zone in TIME_ZONES else settings.TIME_ZONE)

    def today(self) -> date:
        return timezone.now().astimezone(self.zone).date()

    def in_quiet_hours(self, moment: datetime) -> bool:
        if self.quiet_from is None or self.quiet_until is None:
            return False
        local = moment.astimezone(self.zone).time()
        if self.quiet_from <= self.quiet_until:
            return self.quiet_from <= local < self.quiet_until
        return local >= self.quiet_from or local < self.quiet_until

    def due_at(self, day: date) -> datetime | None:
        """When (in UTC) the reminder for a plan on `day` goes out: the chosen time in
        the member's zone, or when quiet hours end if that time falls in them.
        None when quiet hours last until the day is over."""
        # In UTC: a time the clocks skip in spring (02:30) goes out an hour
        # later; a time they repeat in autumn goes out the first time.
        due = datetime.combine(day, self.time_of_day, tzinfo=self.zone).astimezone(UTC)
        if self.in_quiet_hours(due):
            due = datetime.combine(day, self.quiet_until, tzinfo=self.zone).astimezone(UTC)
            if self.quiet_until < self.time_of_day or self.in_quiet_hours(due):
                return None
        return due

    def day_ends_at(self, day: date) -> datetime:
        return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=self.zone)


class ReminderSent(models.Model):
    """One reminder went out for one plan on one day. The unique constraint
    is the claim: two workers racing for the same reminder cannot both insert
    this row, so only one of them sends."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="reminders_sent", verbose_name=_("plan")
    )
    day = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(fields=["plan", "day"], name="one_reminder_per_plan_day"),
        ]

    def __str__(self) -> str:
        return f"Reminder {self.pk}"
