from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Exists, Max, Min, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import ClinicianProfile, User
from connectapp.lib.models import OwnedQuerySet, text_field

from . import registry


def _latest(queryset: models.QuerySet, field: str) -> Subquery:
    return Subquery(queryset.order_by(f"-{field}").values(field)[:1])


class ShareableQuerySet(OwnedQuerySet):
    """Worksheets of any kind: besides the owner, a verified clinician reads
    the ones that an active share gives them. Writing stays owner-only.

    Nothing here is cached: each request asks the database again, so a
    revoked, expired or withdrawn share stops working on the next request."""

    def readable_by(self, user) -> ShareableQuerySet:
        if not user.is_authenticated:
            return self.none()
        if not user.is_clinician:
            return self.owned_by(user)
        shared = Share.objects.active().filter(clinician=user).values("worksheets")
        return self.filter(Q(owner=user) | Q(worksheet__in=shared))

    def for_lists(self) -> ShareableQuerySet:
        """Only what a list of links needs: the title and when it changed."""
        return self.only("pk", "worksheet_id", "owner_id", "updated_at", self.model.title_field)

    def with_marks_for(self, clinician) -> ShareableQuerySet:
        """Annotate `last_viewed_at` (this clinician's latest view, from the
        access log) and `changed_at` (the latest change they have not seen:
        an edit, a reply to them, or whatever else the kind adds in
        `_changes`), for the dashboard's "updated since you last looked" marks."""
        views = AccessLogEntry.objects.filter(clinician=clinician, worksheet=OuterRef("worksheet"))
        changes = [Coalesce(change, "updated_at") for change in self._changes(clinician)]
        return self.annotate(
            last_viewed_at=_latest(views, "viewed_at"),
            changed_at=Greatest("updated_at", *changes),
        )

    def _changes(self, clinician) -> list[Subquery]:
        replies = Comment.objects.filter(
            clinician=clinician, from_clinician=False, worksheet=OuterRef("worksheet")
        )
        return [_latest(replies, "created_at")]


class RelationshipQuerySet(ShareableQuerySet):
    def _changes(self, clinician) -> list[Subquery]:
        children = [
            SecurityCheck.objects.filter(relationship=OuterRef("pk")),
            TestDrive.objects.filter(relationship=OuterRef("pk")),
        ]
        return super()._changes(clinician) + [_latest(qs, "created_at") for qs in children]

    def with_latest_check(self) -> RelationshipQuerySet:
        return self.prefetch_related(
            Prefetch(
                "checks",
                queryset=SecurityCheck.objects.latest_per_relationship(),
                to_attr="latest_checks",
            )
        )


class SecurityCheckQuerySet(OwnedQuerySet):
    def latest_per_relationship(self) -> SecurityCheckQuerySet:
        newest = (
            SecurityCheck.objects.filter(relationship=OuterRef("relationship"))
            .order_by("-checked_on", "-pk")
            .values("pk")[:1]
        )
        return self.filter(pk=Subquery(newest))


# The worksheet family


class WorksheetQuerySet(OwnedQuerySet):
    def with_content(self) -> WorksheetQuerySet:
        """Load each worksheet's own row (its title and text) in the same query."""
        return self.select_related(*registry.content_paths())


class Worksheet(models.Model):
    """One row per worksheet of any kind. Sharing, comments, unsaved edits
    and the access log point here, so they work for every kind alike; the
    kind's own row (`content`) links to this one-to-one. Deleting this row
    deletes the kind's row and everything that hangs off it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="worksheets",
        verbose_name=_("owner"),
    )
    # A `registry.WorksheetKind.key`. No choices: a new kind needs no migration here.
    kind = models.CharField(_("kind"), max_length=30, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = WorksheetQuerySet.as_manager()

    class Meta:
        verbose_name = _("worksheet")
        verbose_name_plural = _("worksheets")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["owner", "kind"], name="worksheet_owner_kind_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.pk}"

    @property
    def kind_info(self) -> registry.WorksheetKind:
        return registry.get(self.kind)

    @property
    def content(self) -> WorksheetModel:
        """The kind's own row: a NeedsStatement, a Relationship, ..."""
        return getattr(self, self.kind_info.related_name)


class WorksheetModel(models.Model):
    """What every kind of worksheet has. A kind subclasses this, names its
    `title_field`, and registers in `worksheets/kinds.py`."""

    worksheet = models.OneToOneField(
        Worksheet,
        on_delete=models.CASCADE,
        related_name="%(class)s",
        editable=False,
        verbose_name=_("worksheet"),
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    creation_token = models.UUIDField(_("creation token"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now, editable=False)

    # The field that names this worksheet to its owner (member-written, so
    # never in `__str__`, emails or admin pages).
    title_field = "title"
    # The fields a member edits, in form order.
    EDITABLE_FIELDS: list[str] = []

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.kind_info.noun.capitalize()} {self.pk}"

    def save(self, *args, **kwargs) -> None:
        if self.worksheet_id is not None:
            return super().save(*args, **kwargs)
        with transaction.atomic():
            self.worksheet = Worksheet.objects.create(
                owner_id=self.owner_id, kind=self.kind_info.key, created_at=self.created_at
            )
            super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(f"worksheets:{self.kind_info.key}-detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        """Deleting a worksheet deletes its family row, which takes the kind's
        row, its comments, unsaved edits and share links with it."""
        return Worksheet.objects.filter(pk=self.worksheet_id).delete()

    @property
    def kind_info(self) -> registry.WorksheetKind:
        return registry.for_model(type(self))

    @property
    def display_title(self) -> str:
        return getattr(self, self.title_field)

    @property
    def comments(self) -> CommentQuerySet:
        return Comment.objects.filter(worksheet_id=self.worksheet_id)

    @property
    def shares(self) -> ShareQuerySet:
        return Share.objects.filter(worksheets=self.worksheet_id)

    @property
    def unsaved_edits(self) -> OwnedQuerySet:
        return UnsavedEdit.objects.filter(worksheet_id=self.worksheet_id)

    def display_value(self, name: str, value: Any) -> str:
        """A stored or unsaved value of `name` as the member reads it, for
        comparing two versions."""
        return value or ""

    def detail_context(self) -> dict[str, Any]:
        """What the kind's own page needs besides the worksheet itself."""
        return {}

    @classmethod
    def initial_for(cls, owner) -> dict[str, Any]:
        """What a new worksheet of this kind starts with, for this member."""
        return {}

    @classmethod
    def form_context(cls, owner) -> dict[str, Any]:
        """What the kind's create and edit pages need besides the form."""
        return {}

    def export(self) -> dict[str, Any]:
        """This worksheet in the member's data download."""
        return {
            **{name: getattr(self, name) for name in self.EDITABLE_FIELDS},
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


class HelpKind(models.TextChoices):
    BE_WITH_ME = "be_with_me", _("Just be with me, without needing to talk")
    TEXT_CHECK_IN = "text_check_in", _("Check in with a short text")
    KEEP_INVITING = "keep_inviting", _("Keep inviting me, even when I say no")
    LISTEN = "listen", _("Listen to me without jumping in to fix things")


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    text: str
    items: list[str]


class NeedsStatement(WorksheetModel):
    """A "communicate my needs" document. Every section is optional."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="needs_statements",
        verbose_name=_("owner"),
    )
    title = models.CharField(_("title"), max_length=100)
    audience = text_field(_("Who this is for"))
    experience = text_field(_("What depression is like for me"))
    warning_signs = text_field(_("Signs that I am struggling"))
    helps = models.JSONField(_("What helps"), default=list, blank=True)
    helps_other = text_field(_("Other things that help"))
    unhelpful = text_field(_("What does not help"))
    check_ins = text_field(_("How and how often to check in"))
    if_unavailable = text_field(_("If you can't help right now"))
    crisis_contacts = text_field(_("Who to contact if I am in crisis"))
    with_therapist = models.BooleanField(_("I filled this in with a therapist"), default=False)
    therapist_note = text_field(_("A note about working on this with a therapist"))

    objects = ShareableQuerySet.as_manager()

    # The fields a member edits, in form order. SECTION_FIELDS are the written
    # sections, in the order the page, the print view and the PDF show them.
    EDITABLE_FIELDS = [
        "title",
        "audience",
        "experience",
        "warning_signs",
        "helps",
        "helps_other",
        "unhelpful",
        "check_ins",
        "if_unavailable",
        "crisis_contacts",
        "with_therapist",
        "therapist_note",
    ]

    SECTION_FIELDS = [
        "audience",
        "experience",
        "warning_signs",
        "helps_other",
        "unhelpful",
        "check_ins",
        "if_unavailable",
        "crisis_contacts",
    ]

    class Meta:
        verbose_name = _("needs statement")
        verbose_name_plural = _("needs statements")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "creation_token"], name="unique_statement_creation_token"
            ),
        ]

    def help_labels(self, helps: list[str] | None = None) -> list[str]:
        chosen = set(self.helps if helps is None else helps)
        return [str(label) for value, label in HelpKind.choices if value in chosen]

    def sections(self) -> list[Section]:
        """The written sections in order, for the page, the print view and the PDF."""
        sections = []
        for name in self.SECTION_FIELDS:
            items = self.help_labels() if name == "helps_other" else []
            field = self._meta.get_field(name)
            label = _("What helps") if name == "helps_other" else field.verbose_name
            sections.append(Section(name, label, getattr(self, name), items))
        return sections

    @property
    def therapist_summary(self) -> str:
        if self.with_therapist:
            return gettext("I filled this in with a therapist's guidance.")
        return ""

    def display_value(self, name: str, value: Any) -> str:
        if name == "helps":
            return "\n".join(self.help_labels(value or []))
        if name == "with_therapist":
            return gettext("Yes") if value else gettext("No")
        return super().display_value(name, value)

    def detail_context(self) -> dict[str, Any]:
        from helplines.crisis import LIFELINE_988

        return {"crisis_line": LIFELINE_988}

    def export(self) -> dict[str, Any]:
        return {**super().export(), "helps": self.help_labels()}


class Relationship(WorksheetModel):
    class Kind(models.TextChoices):
        FRIEND = "friend", _("Friend")
        FAMILY = "family", _("Family")
        PARTNER = "partner", _("Partner")
        COWORKER = "coworker", _("Coworker")
        OTHER = "other", _("Other")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="relationships",
        verbose_name=_("owner"),
    )
    name = models.CharField(_("Name or nickname"), max_length=80)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FRIEND)
    notes = text_field(_("notes"))

    objects = RelationshipQuerySet.as_manager()

    title_field = "name"
    EDITABLE_FIELDS = ["name", "kind", "notes"]

    class Meta:
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "creation_token"], name="unique_relationship_creation_token"
            ),
        ]

    @property
    def latest_check(self) -> SecurityCheck | None:
        """The newest check. Uses `SecurityCheck.objects.latest_per_relationship()`
        when the list was prefetched, so list pages stay at a fixed query count."""
        if hasattr(self, "latest_checks"):
            return self.latest_checks[0] if self.latest_checks else None
        return self.checks.order_by("-checked_on", "-pk").first()

    def display_value(self, name: str, value: Any) -> str:
        if name == "kind":
            return self.Kind(value).label if value in self.Kind.values else ""
        return super().display_value(name, value)

    def detail_context(self) -> dict[str, Any]:
        checks = list(self.checks.all())
        return {
            "latest": checks[0] if checks else None,
            "earlier": checks[1:],
            "all_checks": checks,
            "test_drives": self.test_drives.all(),
        }

    def export(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.get_kind_display(),
            "notes": self.notes,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "security_checks": [
                {
                    "checked_on": check.checked_on,
                    **{
                        element["label"]: {
                            "rating": element["rating_label"],
                            "note": element["note"],
                        }
                        for element in check.elements()
                    },
                }
                for check in sorted(self.checks.all(), key=lambda c: c.checked_on)
            ],
            "test_drives": [
                {"asked_on": drive.asked_on, "ask": drive.ask, "response": drive.response}
                for drive in sorted(self.test_drives.all(), key=lambda d: d.asked_on)
            ],
        }


# The member's own words for the message a helper gets from the safety plan's
# "Text" link, when they have not written one.
DEFAULT_HELP_MESSAGE = _(
    "I'm having a really hard time right now. Could you call me or come and be with me?"
)


def _digits(phone: str) -> str:
    """A phone number as a `tel:` or `sms:` link needs it: a leading + and digits."""
    plus = "+" if phone.strip().startswith("+") else ""
    return plus + "".join(char for char in phone if char.isdigit())


@dataclass(frozen=True)
class Contact:
    """Someone on a safety plan to call or text."""

    name: str
    phone: str
    message: str = ""

    @property
    def tel_href(self) -> str:
        return f"tel:{_digits(self.phone)}" if _digits(self.phone).strip("+") else ""

    @property
    def sms_href(self) -> str:
        if not self.tel_href:
            return ""
        return f"sms:{_digits(self.phone)}?body={quote(str(self.message or DEFAULT_HELP_MESSAGE))}"


class SafetyPlan(WorksheetModel):
    """A safety plan: the steps to take, in order, when things get very hard.
    Every section is optional. `helpers` and `professionals` are lists of
    `{"name", "phone", "message"}` (professionals have no message)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="safety_plans",
        verbose_name=_("owner"),
    )
    title = models.CharField(_("Name this plan"), max_length=100, default=_("My safety plan"))
    warning_signs = text_field(_("My warning signs"))
    coping = text_field(_("Things I can do on my own to feel calmer"))
    distractions = text_field(_("People and places that take my mind off things"))
    helpers = models.JSONField(_("People I can ask for help"), default=list, blank=True)
    professionals = models.JSONField(_("Professionals and services"), default=list, blank=True)
    environment = text_field(_("Making my surroundings safer"))
    reasons = text_field(_("What matters most to me, my reasons to keep going"))

    objects = ShareableQuerySet.as_manager()

    EDITABLE_FIELDS = [
        "title",
        "warning_signs",
        "coping",
        "distractions",
        "helpers",
        "professionals",
        "environment",
        "reasons",
    ]
    # The written (one-item-per-line) sections, each shown as a list.
    LIST_FIELDS = ["warning_signs", "coping", "distractions", "environment", "reasons"]

    class Meta:
        verbose_name = _("safety plan")
        verbose_name_plural = _("safety plans")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "creation_token"], name="unique_safetyplan_creation_token"
            ),
        ]

    @staticmethod
    def contacts(rows: list[dict] | None) -> list[Contact]:
        return [
            Contact(row.get("name", ""), row.get("phone", ""), row.get("message", ""))
            for row in rows or []
            if isinstance(row, dict)
        ]

    @classmethod
    def items(cls, text: str) -> list[str]:
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    def steps(self) -> list[dict[str, Any]]:
        """Every section in the plan's order, for the page, the print view and
        the PDF: `items` (lines of text) or `contacts`."""
        steps = []
        for name in self.EDITABLE_FIELDS[1:]:
            value = getattr(self, name)
            is_contacts = name in ("helpers", "professionals")
            steps.append(
                {
                    "key": name,
                    "label": self._meta.get_field(name).verbose_name,
                    "items": [] if is_contacts else self.items(value),
                    "contacts": self.contacts(value) if is_contacts else [],
                }
            )
        return steps

    @classmethod
    def initial_for(cls, owner) -> dict[str, Any]:
        """A new plan starts with 988 and the published lines of the member's
        own state among its professionals and services; the member can edit them."""
        from helplines.crisis import LIFELINE_988
        from helplines.models import SupportLine

        lines = [{"name": LIFELINE_988.name, "phone": LIFELINE_988.phone}]
        state = getattr(owner, "home_state", "")
        if state:
            lines += [
                {"name": line.name, "phone": line.phone}
                for line in SupportLine.objects.published()
                .filter(region=state)
                .exclude(phone="")
                .order_by("kind", "name")
            ]
        return {"professionals": lines}

    @classmethod
    def form_context(cls, owner) -> dict[str, Any]:
        """The names of the member's relationships, offered as they type a helper's name."""
        names = Relationship.objects.owned_by(owner).values_list("name", flat=True)
        return {"relationship_names": sorted(set(names), key=str.lower)}

    def display_value(self, name: str, value: Any) -> str:
        if name in ("helpers", "professionals"):
            return "\n".join(
                ", ".join(part for part in (c.name, c.phone, c.message) if part)
                for c in self.contacts(value)
            )
        return super().display_value(name, value)

    def detail_context(self) -> dict[str, Any]:
        from helplines.crisis import LIFELINE_988

        return {
            "crisis_line": LIFELINE_988,
            "default_message": DEFAULT_HELP_MESSAGE,
            # What "Keep my safety plan on this device" keeps: the page and its printable copy.
            "keep_urls": [
                self.get_absolute_url(),
                reverse("worksheets:safetyplan-print", args=[self.pk]),
            ],
        }

    def export(self) -> dict[str, Any]:
        return {
            **super().export(),
            "helpers": [
                {"name": c.name, "phone": c.phone, "message": c.message}
                for c in self.contacts(self.helpers)
            ],
            "professionals": [
                {"name": c.name, "phone": c.phone} for c in self.contacts(self.professionals)
            ],
        }


class Rating(models.IntegerChoices):
    NOT_YET = 0, _("Not yet")
    SOMETIMES = 1, _("Sometimes")
    MOSTLY = 2, _("Mostly")
    YES = 3, _("Yes")


# The five elements of a secure relationship, each with a question to ask
# oneself and a first step for building it. Every question is one that "Not
# yet / Sometimes / Mostly / Yes" answers, and each asks about one thing only:
#   consistency    - staying in each other's lives over months, not drifting;
#   availability   - finding time together when one of you wants it;
#   reliability    - doing what the other needs or was promised;
#   responsiveness - replying and keeping in touch day to day;
#   predictability - knowing ahead of time how the other will react.
ELEMENTS: dict[str, dict[str, Any]] = {
    "consistency": {
        "label": _("Consistency"),
        "question": _(
            "Do we stay part of each other's lives month after month, rather than "
            "drifting away and back again?"
        ),
        "suggestion": _(
            "Pick one small, regular way to keep in touch, such as a short message on the "
            "same day each week. When you do meet, put your phone away and give them your "
            "full attention."
        ),
    },
    "availability": {
        "label": _("Availability"),
        "question": _("When one of us wants time together, do we manage to find it?"),
        "suggestion": _(
            "Offer a small, specific time rather than an open plan: a twenty-minute call, "
            "or simply sitting together without needing to talk."
        ),
    },
    "reliability": {
        "label": _("Reliability"),
        "question": _(
            "When one of us asks for help or makes a promise, does the other follow through?"
        ),
        "suggestion": _(
            "Try a test drive: ask for help with something small while the stakes are low, "
            "like a lift or a second opinion, and notice how they respond."
        ),
    },
    "responsiveness": {
        "label": _("Responsiveness"),
        "question": _("When one of us sends a message or calls, does the other reply before long?"),
        "suggestion": _(
            "Share something real and ordinary about your day, imperfections included. "
            "When they reply, listen without rushing to solve anything."
        ),
    },
    "predictability": {
        "label": _("Predictability"),
        "question": _(
            "Before I bring them something, can I tell roughly how they will react, "
            "without fearing a surprise?"
        ),
        "suggestion": _(
            "Learn how they tend to respond through a few small asks over time. Jot each "
            "one down in the test-drive log so you can see the pattern."
        ),
    },
}


def _rating_field(verbose_name: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(verbose_name, choices=Rating.choices)


class SecurityCheck(models.Model):
    """A dated look at one relationship's five elements of security."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="security_checks",
        verbose_name=_("owner"),
    )
    relationship = models.ForeignKey(
        Relationship,
        on_delete=models.CASCADE,
        related_name="checks",
        verbose_name=_("relationship"),
    )
    checked_on = models.DateField(_("checked on"), default=date.today)
    consistency = _rating_field(_("consistency"))
    consistency_note = text_field(_("consistency note"))
    availability = _rating_field(_("availability"))
    availability_note = text_field(_("availability note"))
    reliability = _rating_field(_("reliability"))
    reliability_note = text_field(_("reliability note"))
    responsiveness = _rating_field(_("responsiveness"))
    responsiveness_note = text_field(_("responsiveness note"))
    predictability = _rating_field(_("predictability"))
    predictability_note = text_field(_("predictability note"))
    creation_token = models.UUIDField(_("creation token"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = SecurityCheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("security check")
        verbose_name_plural = _("security checks")
        ordering = ["-checked_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "creation_token"], name="unique_check_creation_token"
            ),
        ]

    def __str__(self) -> str:
        return f"Check on {self.checked_on:%Y-%m-%d}"

    def elements(self) -> list[dict[str, Any]]:
        """Each element with its rating, label and note, in the usual order."""
        return [
            {
                "key": key,
                "label": str(info["label"]),
                "rating": getattr(self, key),
                "rating_label": str(Rating(getattr(self, key)).label),
                "note": getattr(self, f"{key}_note"),
                "suggestion": str(info["suggestion"]),
            }
            for key, info in ELEMENTS.items()
        ]

    def weakest_elements(self) -> list[dict[str, Any]]:
        """The element or elements with the lowest rating, ties included. Empty
        when every element is rated "yes": there is no weak spot to start from."""
        elements = self.elements()
        lowest = min(element["rating"] for element in elements)
        if lowest == Rating.YES:
            return []
        return [element for element in elements if element["rating"] == lowest]

    def first_step(self) -> dict[str, Any] | None:
        """The one element to start with: the lowest rated. On a tie, the one
        that comes first in the usual order (consistency, availability,
        reliability, responsiveness, predictability), since the earlier ones
        are the ground the later ones stand on. None when all are "yes"."""
        weakest = self.weakest_elements()
        return weakest[0] if weakest else None

    def more_ideas(self) -> list[dict[str, Any]]:
        """Every other element not yet rated "yes", weakest first (the usual
        order on a tie): the ideas behind "More ideas"."""
        first = self.first_step()
        rest = [
            e
            for e in self.elements()
            if e["rating"] < Rating.YES and (first is None or e["key"] != first["key"])
        ]
        return sorted(rest, key=lambda e: e["rating"])


class TestDrive(models.Model):
    """A small ask, and how the other person responded."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="test_drives",
        verbose_name=_("owner"),
    )
    relationship = models.ForeignKey(
        Relationship,
        on_delete=models.CASCADE,
        related_name="test_drives",
        verbose_name=_("relationship"),
    )
    asked_on = models.DateField(_("asked on"), default=date.today)
    ask = text_field(_("What I asked for"), blank=False)
    response = text_field(_("How they responded"))
    creation_token = models.UUIDField(_("creation token"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("test drive")
        verbose_name_plural = _("test drives")
        ordering = ["-asked_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "creation_token"], name="unique_test_drive_creation_token"
            ),
        ]

    def __str__(self) -> str:
        return f"Test drive on {self.asked_on:%Y-%m-%d}"


class UnsavedEdit(models.Model):
    """A save that was refused because the worksheet had changed since the
    member opened it (another tab or device). The text is kept here until the
    member compares it with the stored version and chooses."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="unsaved_edits",
        verbose_name=_("owner"),
    )
    worksheet = models.ForeignKey(
        Worksheet,
        on_delete=models.CASCADE,
        related_name="unsaved_edits",
        verbose_name=_("worksheet"),
    )
    data = models.JSONField(_("data"))
    base_version = models.PositiveIntegerField(_("base version"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("unsaved edit")
        verbose_name_plural = _("unsaved edits")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Unsaved edit from {self.created_at:%Y-%m-%d %H:%M}"


# Sharing with clinicians


class ShareQuerySet(OwnedQuerySet):
    def current(self) -> ShareQuerySet:
        """Shares whose consent still runs: not stopped and not expired."""
        return self.filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()), ended_at__isnull=True
        )

    def clinicians_of(self, owner_ids: set[int]) -> list[int]:
        """The clinicians these members share with now: what their dashboards
        show changes with these members' data (`userdata.viewers_of`)."""
        shares = self.current().filter(owner_id__in=owner_ids, clinician__isnull=False)
        return list(shares.values_list("clinician_id", flat=True).distinct())

    def active(self) -> ShareQuerySet:
        """Shares a clinician may read through right now: current, with a
        clinician who is still verified and active. The one definition of a
        live share: `Share.is_active`, access and every page use it.
        (Withdrawing verification also ends the shares; this is a second lock.)"""
        return self.current().filter(
            clinician__is_active=True,
            clinician__role=User.Role.CLINICIAN,
            clinician__clinician_profile__status=ClinicianProfile.Status.VERIFIED,
        )

    def with_liveness(self) -> ShareQuerySet:
        """Annotate `live` (see `active`), so a list can tell live from past
        shares without a query each."""
        return self.annotate(live=Exists(Share.objects.active().filter(pk=OuterRef("pk"))))


class Share(models.Model):
    """A member's consent for one clinician to read chosen worksheets, until
    it expires or the member stops it."""

    class Expiry(models.TextChoices):
        DAYS_30 = "30", _("For 30 days")
        DAYS_90 = "90", _("For 90 days")
        UNTIL_STOPPED = "never", _("Until I stop sharing")

    class EndReason(models.TextChoices):
        STOPPED = "stopped", _("You stopped sharing")
        CLINICIAN_NOT_VERIFIED = "not_verified", _("The clinician is no longer verified on Connect")
        EXPIRED = "expired", _("The time you chose ran out")
        REPLACED = "replaced", _("A newer share with the same clinician took its place")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="shares",
        verbose_name=_("owner"),
    )
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="received_shares",
        verbose_name=_("clinician"),
    )
    # The clinician as named on the consent screen: "display name, profession".
    clinician_name = models.CharField(_("clinician name"), max_length=200)
    worksheets = models.ManyToManyField(
        Worksheet, blank=True, related_name="shares", verbose_name=_("worksheets")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    end_reason = models.CharField(
        _("end reason"), max_length=20, choices=EndReason.choices, blank=True
    )
    creation_token = models.UUIDField(_("creation token"), null=True, blank=True, editable=False)

    objects = ShareQuerySet.as_manager()

    class Meta:
        verbose_name = _("share")
        verbose_name_plural = _("shares")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "creation_token"], name="unique_share_creation_token"
            ),
            # One unended share per member and clinician, even from two tabs.
            models.UniqueConstraint(
                fields=["owner", "clinician"],
                condition=Q(ended_at__isnull=True),
                name="one_unended_share_per_clinician",
            ),
        ]

    def __str__(self) -> str:
        return f"Share {self.pk}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        """Whether the clinician can read through this share now: `active()`."""
        if hasattr(self, "live"):
            return self.live
        return Share.objects.active().filter(pk=self.pk).exists()

    def covered(self) -> list[WorksheetModel]:
        """What this share covers, kind by kind in registry order. Prefetch
        `worksheets` with `Worksheet.objects.with_content()` for lists."""
        order = {kind.key: number for number, kind in enumerate(registry.kinds())}
        worksheets = sorted(
            self.worksheets.all(), key=lambda w: (order[w.kind], w.created_at, w.pk)
        )
        return [worksheet.content for worksheet in worksheets]

    @property
    def finished_at(self) -> datetime | None:
        """When the share stopped, by the member, a withdrawal or its expiry."""
        if self.ended_at is not None:
            return self.ended_at
        return self.expires_at if self.is_expired else None


class CommentQuerySet(models.QuerySet):
    def for_reader(self, user, owner_id: int) -> CommentQuerySet:
        """The owner sees every comment on their worksheet; a clinician sees
        only their own conversation with the owner."""
        if user.pk == owner_id:
            return self.all()
        return self.filter(clinician=user)


class Comment(models.Model):
    """A message in one clinician's conversation with a member about one
    worksheet. It belongs to the member: it stays with them after the share
    ends, and goes when their account does."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="worksheet_comments",
        verbose_name=_("owner"),
    )
    # The clinician the conversation is with, whoever wrote this message.
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("clinician"),
    )
    clinician_name = models.CharField(_("clinician name"), max_length=200)
    from_clinician = models.BooleanField(_("from the clinician"))
    worksheet = models.ForeignKey(
        Worksheet, on_delete=models.CASCADE, related_name="comments", verbose_name=_("worksheet")
    )
    text = models.TextField(_("text"), max_length=2000)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    creation_token = models.UUIDField(_("creation token"), null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "creation_token"], name="unique_comment_creation_token"
            ),
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk}"


class ClientLabel(models.Model):
    """A clinician's own private label for a member who shares with them
    ("Tuesday group", "J. from the clinic"). Only that clinician ever sees it:
    never the member, never another clinician. It belongs to the clinician
    (`owner`), and goes with either account."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="client_labels",
        verbose_name=_("owner"),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("member"),
    )
    label = models.CharField(_("Your private label"), max_length=80)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("client label")
        verbose_name_plural = _("client labels")
        ordering = ["label", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "member"], name="one_client_label_each"),
        ]

    def __str__(self) -> str:
        return f"Client label {self.pk}"


class AppendOnlyError(Exception):
    """Access-log rows are never changed or deleted, except by the cascade
    from the member's own account deletion."""


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Access-log rows cannot be changed.")

    def bulk_update(self, *args, **kwargs):
        raise AppendOnlyError("Access-log rows cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Access-log rows cannot be deleted.")

    def grouped(self) -> models.QuerySet:
        """One row per clinician, worksheet and day (in the current time
        zone), newest first, with how many reads of each way and the first
        and last time: what the member's Sharing page lists. The data export
        keeps every single row."""
        kinds = AccessLogEntry.Kind
        return (
            self.annotate(day=TruncDate("viewed_at"))
            .values("clinician_id", "clinician_name", "worksheet_id", "day")
            .annotate(
                count=Count("pk"),
                pages=Count("pk", filter=Q(kind=kinds.PAGE)),
                prints=Count("pk", filter=Q(kind=kinds.PRINT)),
                pdfs=Count("pk", filter=Q(kind=kinds.PDF)),
                first_at=Min("viewed_at"),
                last_at=Max("viewed_at"),
            )
            .order_by("-last_at", "clinician_name", "worksheet_id")
        )


class AccessLogEntry(models.Model):
    """One clinician read of a member's shared worksheet: who, what, when.

    Append-only: `save` only inserts, and `delete`, `update` and
    `bulk_update` raise. Deleting the member's account removes their rows
    (Django's cascade deletes in SQL, past these methods). The references to
    the clinician and the worksheet have no database constraint and are never
    nulled, so deleting a worksheet or a clinician leaves the rows untouched;
    `clinician_name` keeps who it was."""

    class Kind(models.TextChoices):
        PAGE = "page", _("Page")
        PRINT = "print", _("Printable page")
        PDF = "pdf", _("PDF download")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="access_log_entries",
        verbose_name=_("owner"),
    )
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("clinician"),
    )
    clinician_name = models.CharField(_("clinician name"), max_length=200)
    worksheet = models.ForeignKey(
        Worksheet,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("worksheet"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    viewed_at = models.DateTimeField(_("viewed at"), default=timezone.now, editable=False)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("access log entry")
        ordering = ["-viewed_at", "-pk"]
        verbose_name_plural = _("access log entries")
        indexes = [
            models.Index(fields=["owner", "-viewed_at"], name="access_log_owner_idx"),
            models.Index(fields=["clinician", "worksheet"], name="access_log_worksheet_idx"),
        ]

    def __str__(self) -> str:
        return f"Access {self.pk}"

    def save(self, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Access-log rows cannot be changed.")
        kwargs["force_insert"] = True
        super().save(**kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Access-log rows cannot be deleted.")


# Links for someone the member trusts, who needs no account


def trusted_token_hash(token: str) -> str:
    """What is stored of a link's token: its SHA-256, so the database alone
    never holds a live link."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class TrustedLinkQuerySet(OwnedQuerySet):
    def live(self) -> TrustedLinkQuerySet:
        """Links that open right now: not stopped, and before their expiry
        (the instant a link expires, it is no longer live)."""
        return self.filter(ended_at__isnull=True, expires_at__gt=timezone.now())


class TrustedLink(models.Model):
    """A read-only link to one worksheet, for one named person who has no
    account. Only the hash of its token is stored; the full link is shown
    to the member once, when it is made."""

    class Duration(models.IntegerChoices):
        DAYS_7 = 7, _("For 7 days")
        DAYS_30 = 30, _("For 30 days")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="trusted_links",
        verbose_name=_("owner"),
    )
    worksheet = models.ForeignKey(
        Worksheet,
        on_delete=models.CASCADE,
        related_name="trusted_links",
        verbose_name=_("worksheet"),
    )
    # Who the member made it for, in their words ("my sister"): member-written,
    # so never in `__str__`, logs or emails.
    recipient = models.CharField(_("Who it is for"), max_length=80)
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    duration_days = models.PositiveSmallIntegerField(
        _("duration in days"), choices=Duration.choices
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    creation_token = models.UUIDField(_("creation token"), null=True, blank=True, editable=False)

    objects = TrustedLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("trusted link")
        verbose_name_plural = _("trusted links")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "creation_token"], name="unique_trusted_link_creation_token"
            ),
        ]

    def __str__(self) -> str:
        return f"Trusted link {self.pk}"

    @property
    def is_live(self) -> bool:
        return self.ended_at is None and self.expires_at > timezone.now()

    @property
    def finished_at(self) -> datetime | None:
        if self.ended_at is not None:
            return self.ended_at
        return None if self.is_live else self.expires_at


class TrustedLinkOpen(models.Model):
    """One opening of a trusted link: only when, never from where or by whom."""

    link = models.ForeignKey(
        TrustedLink, on_delete=models.CASCADE, related_name="opens", verbose_name=_("link")
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("trusted link opening")
        verbose_name_plural = _("trusted link openings")
        ordering = ["-opened_at", "-pk"]

    def __str__(self) -> str:
        return f"Trusted link open {self.pk}"
