import re
import zoneinfo
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from connectapp.lib.states import NATIONAL, REGION_CHOICES

from .hours import OpeningStatus, format_hours, opening_status, validate_spans

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ().-]{1,22}$",
    "Enter a phone number with digits, spaces, dashes or brackets, like 1-800-950-6264 or 988.",
)
text_number_validator = RegexValidator(
    r"^[0-9][0-9 -]{2,19}$", "Enter a number to text, in digits, like 741741."
)


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            "“%(value)s” is not a time zone name. Use one like America/New_York.",
            params={"value": value},
        )


def validate_hours(value: object) -> None:
    try:
        validate_spans(value)
    except ValueError as error:
        raise ValidationError(str(error)) from error


def stale_cutoff(today: date) -> date:
    """The same day a year earlier (28 February for a 29 February)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


class SupportLineQuerySet(models.QuerySet):
    def active(self) -> "SupportLineQuerySet":
        return self.filter(is_active=True)

    def stale(self, today: date | None = None) -> "SupportLineQuerySet":
        """Lines not verified in the last 12 months."""
        return self.filter(verified_on__lt=stale_cutoff(today or timezone.localdate()))

    def fresh(self, today: date | None = None) -> "SupportLineQuerySet":
        return self.filter(verified_on__gte=stale_cutoff(today or timezone.localdate()))

    def national(self) -> "SupportLineQuerySet":
        return self.filter(region=NATIONAL)

    def relevant_to(self, state_code: str) -> "SupportLineQuerySet":
        """Every line the finder might show someone in this state: lines of the
        state and national lines, plus warmlines elsewhere that take calls from
        other states."""
        return self.filter(
            Q(region__in=[NATIONAL, state_code])
            | Q(kind=SupportLine.Kind.WARMLINE, accepts_out_of_state=True)
        )


class SupportLine(models.Model):
    """A crisis line, warmline, peer-support line, or information line."""

    class Kind(models.TextChoices):
        CRISIS = "crisis", "Crisis line"
        WARMLINE = "warmline", "Warmline"
        PEER_SUPPORT = "peer_support", "Peer-support line"
        REFERRAL = "referral", "Information and referral line"

    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="A short unique key, like “nami-helpline”. CSV imports match lines by it.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(
        blank=True,
        max_length=600,
        help_text="One or two plain sentences: who it is for and what happens when you reach out.",
    )

    phone = models.CharField(max_length=24, blank=True, validators=[phone_validator])
    text_number = models.CharField(
        "number to text", max_length=20, blank=True, validators=[text_number_validator]
    )
    text_keyword = models.CharField(
        "word to text",
        max_length=30,
        blank=True,
        help_text="The word to send first, if the line asks for one (for example HOME).",
    )
    chat_url = models.URLField("chat link", blank=True)
    website = models.URLField(blank=True)
    tty = models.CharField("TTY number", max_length=24, blank=True, validators=[phone_validator])
    languages = models.CharField(
        max_length=200, blank=True, help_text="Comma-separated, like “English, Spanish”."
    )

    region = models.CharField(
        max_length=2,
        choices=REGION_CHOICES,
        help_text="The US state the line serves, or National.",
    )
    accepts_out_of_state = models.BooleanField(
        "takes calls from other states",
        default=False,
        help_text="Tick only when the line's own information says it takes calls from "
        "outside its state.",
    )

    open_24_7 = models.BooleanField("open 24/7", default=False)
    hours = models.JSONField(
        "opening hours",
        default=list,
        blank=True,
        validators=[validate_hours],
        help_text="Leave empty for a line open 24/7, or when the hours are not known.",
    )
    time_zone = models.CharField(
        max_length=64, default="America/New_York", validators=[validate_time_zone]
    )
    hours_note = models.CharField(
        "note about hours",
        max_length=200,
        blank=True,
        help_text="For example “Closed on federal holidays”.",
    )
    restrictions = models.CharField(
        max_length=300,
        blank=True,
        help_text="Who can call and any limits, like “California residents; up to 3 calls a day”.",
    )

    source_url = models.URLField(
        "source", max_length=300, help_text="Where these details were checked."
    )
    verified_on = models.DateField("last verified", help_text="The day the details were checked.")
    is_active = models.BooleanField(
        "active", default=True, help_text="Inactive lines are never shown to members."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SupportLineQuerySet.as_manager()

    # What admins curate, in the admin form and in CSV files, in this order.
    CURATED_FIELDS = [
        "slug",
        "name",
        "kind",
        "description",
        "phone",
        "text_number",
        "text_keyword",
        "chat_url",
        "website",
        "tty",
        "languages",
        "region",
        "accepts_out_of_state",
        "open_24_7",
        "hours",
        "time_zone",
        "hours_note",
        "restrictions",
        "source_url",
        "verified_on",
        "is_active",
    ]

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["is_active", "kind", "region"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if not (self.phone or self.text_number or self.chat_url or self.tty):
            errors["phone"] = "Give at least one way to reach the line: phone, text, chat or TTY."
        if self.text_keyword and not self.text_number:
            errors["text_keyword"] = "A word to text needs a number to text it to."
        if self.open_24_7 and self.hours:
            errors["hours"] = "Leave the hours empty for a line that is open 24/7."
        if self.verified_on and self.verified_on > timezone.localdate():
            errors["verified_on"] = "The date it was verified can't be in the future."
        if errors:
            raise ValidationError(errors)

    @property
    def is_national(self) -> bool:
        return self.region == NATIONAL

    @property
    def is_crisis(self) -> bool:
        return self.kind == self.Kind.CRISIS

    def is_stale(self, today: date | None = None) -> bool:
        return self.verified_on < stale_cutoff(today or timezone.localdate())

    @property
    def language_list(self) -> list[str]:
        return [lang.strip() for lang in self.languages.split(",") if lang.strip()]

    @property
    def phone_href(self) -> str:
        return _dial_string(self.phone)

    @property
    def tty_href(self) -> str:
        return _dial_string(self.tty)

    @property
    def text_href(self) -> str:
        return _dial_string(self.text_number)

    @property
    def hours_text(self) -> str:
        return format_hours(self.hours)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def status_at(self, when: datetime) -> OpeningStatus | None:
        """Open or closed at `when`; None when the hours are not known."""
        if self.open_24_7:
            return OpeningStatus(True, None, always_open=True)
        if not self.hours:
            return None
        return opening_status(self.hours, self.zone, when)


def _dial_string(number: str) -> str:
    return re.sub(r"[^0-9+]", "", number)
