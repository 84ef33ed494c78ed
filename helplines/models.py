import re
import zoneinfo
from datetime import date, datetime
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from connectapp.lib.states import NATIONAL, REGION_CHOICES
from connectapp.lib.translation import untranslated_fields

from .hours import OpeningStatus, describe_hours, format_hours, opening_status, validate_spans

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ().-]{1,22}$",
    _("Enter a phone number with digits, spaces, dashes or brackets, like 1-800-950-6264 or 988."),
)
text_number_validator = RegexValidator(
    r"^[0-9][0-9 -]{2,19}$", _("Enter a number to text, in digits, like 741741.")
)


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone name. Use one like America/New_York."),
            params={"value": value},
        )


def validate_hours(value: object) -> None:
    try:
        validate_spans(value)
    except ValueError as error:
        raise ValidationError(str(error)) from error


# Language names admins type in `languages`, shown in the active language.
LANGUAGE_NAMES = {
    "english": _("English"),
    "spanish": _("Spanish"),
    "español": _("Spanish"),
    "chinese": _("Chinese"),
    "vietnamese": _("Vietnamese"),
    "korean": _("Korean"),
    "tagalog": _("Tagalog"),
    "french": _("French"),
    "russian": _("Russian"),
    "arabic": _("Arabic"),
    "asl": _("ASL"),
}


# Services with an official Spanish name (docs/translation.md, "The services'
# own Spanish names"): shown in the active language; other names as entered.
SERVICE_NAMES = {
    "988 Suicide & Crisis Lifeline": _("988 Suicide & Crisis Lifeline"),
    "SAMHSA's National Helpline": _("SAMHSA's National Helpline"),
}


REGION_NAMES = dict(REGION_CHOICES)

# Evidence older than this many years earns a calm "numbers change" note.
EVIDENCE_YEARS = 2


def stale_cutoff(today: date, years: int = EVIDENCE_YEARS) -> date:
    """The same day `years` earlier (28 February for a 29 February)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


class SupportLineQuerySet(models.QuerySet):
    def published(self) -> "SupportLineQuerySet":
        """The only lines anyone outside the admin ever sees."""
        return self.filter(status=SupportLine.Status.PUBLISHED)

    def stale(self, today: date | None = None) -> "SupportLineQuerySet":
        """Lines whose evidence is more than two years old, or undated."""
        cutoff = stale_cutoff(today or timezone.localdate())
        return self.filter(Q(source_date__lt=cutoff) | Q(source_date__isnull=True))

    def fresh(self, today: date | None = None) -> "SupportLineQuerySet":
        return self.filter(source_date__gte=stale_cutoff(today or timezone.localdate()))

    def relevant_to(self, state_code: str | None) -> "SupportLineQuerySet":
        """Every line the finder might show someone in this state (or someone
        who has not said where they are): lines of the state and national
        lines, plus warmlines elsewhere that take calls from other states."""
        return self.filter(
            Q(region__in=[NATIONAL, state_code or NATIONAL])
            | Q(kind=SupportLine.Kind.WARMLINE, who_may_call__in=SupportLine.OUT_OF_STATE)
        )


class SupportLine(models.Model):
    """A crisis line, warmline, peer-support line, or information line."""

    class Kind(models.TextChoices):
        CRISIS = "crisis", _("Crisis line")
        WARMLINE = "warmline", _("Warmline")
        PEER_SUPPORT = "peer_support", _("Peer-support line")
        REFERRAL = "referral", _("Information and referral line")

    class Status(models.TextChoices):
        PUBLISHED = "published", pgettext_lazy("helpline", "Published")
        NEEDS_CHECKING = "needs_checking", _("Needs checking")
        CLOSED = "closed", pgettext_lazy("helpline", "Closed")

    class SourceKind(models.TextChoices):
        OPERATOR = "operator", _("Operator")
        GOVERNMENT = "government", _("Government")
        NEWS = "news", _("News")
        DIRECTORY = "directory", _("Directory")
        THIRD_PARTY = "third_party", _("Third-party list")

    class Callers(models.TextChoices):
        STATE = "state", _("Residents of its state")
        US = "us", _("Anyone in the US")
        ANYWHERE = "anywhere", _("Anyone, anywhere")

    # Only these kinds of source may back a published line.
    PUBLISHABLE_SOURCES = (SourceKind.OPERATOR, SourceKind.GOVERNMENT, SourceKind.NEWS)
    OUT_OF_STATE = (Callers.US, Callers.ANYWHERE)

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("A short unique key, like “nami-helpline”. CSV imports match lines by it."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=600,
        help_text=_(
            "One or two plain sentences: who it is for and what happens when you reach out."
        ),
    )

    phone = models.CharField(_("phone"), max_length=24, blank=True, validators=[phone_validator])
    text_number = models.CharField(
        _("number to text"), max_length=20, blank=True, validators=[text_number_validator]
    )
    text_keyword = models.CharField(
        _("word to text"),
        max_length=30,
        blank=True,
        help_text=_("The word to send first, if the line asks for one (for example HOME)."),
    )
    chat_url = models.URLField(_("chat link"), blank=True)
    website = models.URLField(_("website"), blank=True)
    tty = models.CharField(_("TTY number"), max_length=24, blank=True, validators=[phone_validator])
    languages = models.CharField(
        _("languages"),
        max_length=200,
        blank=True,
        help_text=_("Comma-separated, like “English, Spanish”."),
    )
    spanish_keypress = models.CharField(
        _("key to press for Spanish"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[0-9]$", _("Enter one digit, like 2."))],
        help_text=_("The key a caller presses for Spanish, if the line asks for one (988: 2)."),
    )
    spanish_text_keyword = models.CharField(
        _("word to text for Spanish"),
        max_length=30,
        blank=True,
        help_text=_("The word that starts a text in Spanish (988 and Crisis Text Line: AYUDA)."),
    )

    region = models.CharField(
        _("region"),
        max_length=2,
        choices=REGION_CHOICES,
        help_text=_("The US state the line serves, or National."),
    )
    who_may_call = models.CharField(
        _("who may call"),
        max_length=10,
        choices=Callers.choices,
        default=Callers.STATE,
        help_text=_(
            "Choose “anyone in the US” or “anywhere” only when the source says the line "
            "takes calls from outside its state."
        ),
    )

    open_24_7 = models.BooleanField(_("open 24/7"), default=False)
    hours = models.JSONField(
        _("opening hours"),
        default=list,
        blank=True,
        validators=[validate_hours],
        help_text=_("Leave empty for a line open 24/7, or when the hours are not known."),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="America/New_York", validators=[validate_time_zone]
    )
    hours_note = models.CharField(
        _("note about hours"),
        max_length=200,
        blank=True,
        help_text=_("For example “Closed on federal holidays”."),
    )
    restrictions = models.CharField(
        _("restrictions"),
        max_length=300,
        blank=True,
        help_text=_(
            "Who can call and any limits, like “California residents; up to 3 calls a day”."
        ),
    )

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.NEEDS_CHECKING,
        help_text=_(
            "Only published lines are shown. Closed lines stay here, so nobody adds them again."
        ),
    )
    source_url = models.URLField(
        _("source"), max_length=300, help_text=_("The page where the number was found.")
    )
    source_kind = models.CharField(
        _("kind of source"),
        max_length=20,
        choices=SourceKind.choices,
        blank=True,
        help_text=_("Publish only on the word of the operator, a government or a news outlet."),
    )
    source_name = models.CharField(
        _("source name"),
        max_length=120,
        blank=True,
        help_text=_("Who published the source, as people know them, like “ABC11 News”."),
    )
    source_date = models.DateField(
        _("date of the source"),
        null=True,
        blank=True,
        help_text=_("The date the source itself shows. Required to publish."),
    )
    verified_on = models.DateField(
        _("last checked"), help_text=_("The day an admin last checked the source.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

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
        "spanish_keypress",
        "spanish_text_keyword",
        "region",
        "who_may_call",
        "open_24_7",
        "hours",
        "time_zone",
        "hours_note",
        "restrictions",
        "status",
        "source_url",
        "source_kind",
        "source_name",
        "source_date",
        "verified_on",
    ]

    class Meta:
        verbose_name = _("support line")
        verbose_name_plural = _("support lines")
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "kind", "region"])]

    def __str__(self) -> str:
        return self.display_name

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if not (self.phone or self.text_number or self.chat_url or self.tty):
            errors["phone"] = _(
                "Give at least one way to reach the line: phone, text, chat or TTY."
            )
        if self.spanish_keypress and not self.phone:
            errors["spanish_keypress"] = _("A key to press for Spanish needs a phone number.")
        if self.spanish_text_keyword and not self.text_number:
            errors["spanish_text_keyword"] = _("A word to text needs a number to text it to.")
        if self.text_keyword and not self.text_number:
            errors["text_keyword"] = _("A word to text needs a number to text it to.")
        if self.open_24_7 and self.hours:
            errors["hours"] = _("Leave the hours empty for a line that is open 24/7.")
        today = timezone.localdate()
        if self.verified_on and self.verified_on > today:
            errors["verified_on"] = _("The day it was checked can't be in the future.")
        if self.source_date and self.source_date > today:
            errors["source_date"] = _("The date of the source can't be in the future.")
        if self.status == self.Status.PUBLISHED:
            if self.source_kind not in self.PUBLISHABLE_SOURCES:
                errors["source_kind"] = _(
                    "Publish a line only when its number is on a page of the operator, a "
                    "government or a news outlet. Otherwise keep it as “needs checking”."
                )
            if not self.source_date:
                errors["source_date"] = _("A published line needs the date its source shows.")
        if errors:
            raise ValidationError(errors)

    def get_region_display(self) -> str:
        # Django's own hashes every choice on each call, and each of these 52
        # is a lazy translation: 52 look-ups for every line shown.
        return str(REGION_NAMES.get(self.region, self.region))

    @property
    def is_national(self) -> bool:
        return self.region == NATIONAL

    @property
    def is_crisis(self) -> bool:
        return self.kind == self.Kind.CRISIS

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def accepts_out_of_state(self) -> bool:
        return self.who_may_call in self.OUT_OF_STATE

    def is_stale(self, today: date | None = None) -> bool:
        """Its evidence is over two years old, or has no date."""
        if self.source_date is None:
            return True
        return self.source_date < stale_cutoff(today or timezone.localdate())

    @property
    def source_label(self) -> str:
        """Who confirmed it, as shown to people: the name, else the site's domain."""
        if self.source_name:
            return self.source_name
        host = urlsplit(self.source_url).hostname or self.source_url
        return host.removeprefix("www.")

    @property
    def language_list(self) -> list[str]:
        """The languages it answers in, named in the active language when we
        know the name (the field holds English names)."""
        return [
            str(LANGUAGE_NAMES.get(lang.strip().lower(), lang.strip()))
            for lang in self.languages.split(",")
            if lang.strip()
        ]

    @property
    def display_name(self) -> str:
        """The name people see: the service's own name in the active language."""
        return str(SERVICE_NAMES.get(self.name, self.name))

    @property
    def shows_untranslated_text(self) -> bool:
        """Its description or notes have no text in the active language yet,
        so they show the English (a note tells admins)."""
        return bool(untranslated_fields(self))

    @property
    def speaks_spanish(self) -> bool:
        """Answers in Spanish: listed in its languages, or has a Spanish option."""
        names = {lang.strip().lower() for lang in self.languages.split(",")}
        return bool({"spanish", "español", "espanol"} & names) or bool(
            self.spanish_keypress or self.spanish_text_keyword
        )

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
    def hours_in_words(self) -> str:
        return describe_hours(self.hours, self.time_zone)

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
    """What goes after tel: or sms:. Full US numbers get +1, so a phone dials
    them at once wherever it is; short codes such as 988 stay as they are."""
    digits = re.sub(r"[^0-9+]", "", number)
    if digits.startswith("+"):
        return digits
    if len(digits) == 10:
        return f"+1{digits}"
    if len(digits) == 11 and digits.startswith("1"):
        return f"+{digits}"
    return digits


class ProblemReportQuerySet(models.QuerySet):
    def open(self) -> "ProblemReportQuerySet":
        return self.filter(resolved_at__isnull=True)


class ProblemReport(models.Model):
    """Someone said a line's number didn't work. Anonymous: it keeps no
    account, address or contact detail, only the line, the time and an
    optional short note."""

    NOTE_MAX = 300

    line = models.ForeignKey(
        SupportLine, on_delete=models.CASCADE, related_name="reports", verbose_name=_("line")
    )
    note = models.CharField(_("note"), max_length=NOTE_MAX, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    objects = ProblemReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["line", "resolved_at"])]

    def __str__(self) -> str:
        return _("Report on %(line)s (%(date)s)") % {
            "line": self.line,
            "date": f"{self.created_at:%Y-%m-%d}",
        }

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
