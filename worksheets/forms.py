import re
from functools import cache

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout
from django import forms
from django.core import validators
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import SHARE_CODE_LENGTH, User, share_code_normalise
from connectapp.lib.create_once import CreateOnceForm

from . import registry
from .models import (
    DEFAULT_HELP_MESSAGE,
    ELEMENTS,
    Comment,
    HelpKind,
    NeedsStatement,
    Rating,
    Relationship,
    SafetyPlan,
    SecurityCheck,
    Share,
    TestDrive,
    TrustedLink,
    Worksheet,
    WorksheetModel,
)


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class VersionedForm(forms.Form):
    """An edit form remembers which version the member started from, so a save
    based on an older version is caught instead of overwriting a newer one.

    A missing or mangled version counts as version 0, older than any: the save
    is then kept as an unsaved edit for the member to compare, never lost."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_version(self) -> int:
        value = self.cleaned_data["version"]
        return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else 0


# Each written section of a needs statement holds up to this many characters:
# about 700 words, and few enough that its PDF stays quick to build.
STATEMENT_SECTION_MAX_LENGTH = 4_000


class NeedsStatementForm(forms.ModelForm):
    helps = forms.MultipleChoiceField(
        label=_("What helps"),
        choices=HelpKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Check any that are true for you. You can add your own below."),
    )

    class Meta:
        model = NeedsStatement
        fields = NeedsStatement.EDITABLE_FIELDS
        labels = {"title": _("Name this statement")}
        help_texts = {
            "title": _(
                'Only you see this name. For example: "For my family" or "For my partner". '
                "Left empty, it is named after today's date."
            ),
            "audience": _("For example: my sister Jo, or everyone at home."),
            "experience": _(
                "In your own words, what is it like from the inside? For example: "
                "everything takes more energy, and I can go quiet for days."
            ),
            "warning_signs": _(
                "What might they notice? For example: I stop answering messages, or I "
                "cancel plans at the last minute."
            ),
            "helps_other": _("For example: sending me a photo of your dog, no reply needed."),
            "unhelpful": _(
                'For example: being told to "just cheer up", or lots of questions at once.'
            ),
            "check_ins": _("For example: a short text twice a week is enough."),
            "if_unavailable": _(
                "It is fine for people to have limits. For example: tell me, and suggest "
                "someone else I could talk to."
            ),
            "crisis_contacts": _(
                "Names and numbers of people or services to call. The 988 crisis line is "
                "always printed with this statement too."
            ),
            "therapist_note": _("Optional. For example: we went through this together in March."),
        }
        widgets = {
            "audience": _textarea(2),
            "experience": _textarea(4),
            "warning_signs": _textarea(),
            "helps_other": _textarea(),
            "unhelpful": _textarea(),
            "check_ins": _textarea(2),
            "if_unavailable": _textarea(),
            "crisis_contacts": _textarea(),
            "therapist_note": _textarea(2),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Every part is optional, the name too: an empty name becomes a dated one.
        self.fields["title"].required = False
        self.fields["title"].widget.attrs["autocomplete"] = "off"
        limit = STATEMENT_SECTION_MAX_LENGTH
        for name in [*NeedsStatement.SECTION_FIELDS, "therapist_note"]:
            field = self.fields[name]
            field.max_length = limit
            field.widget.attrs["maxlength"] = str(limit)
            field.validators = [
                v for v in field.validators if not isinstance(v, validators.MaxLengthValidator)
            ]
            field.validators.append(
                validators.MaxLengthValidator(
                    limit,
                    message=_(
                        "Please keep this section to %(limit_value)s characters or fewer "
                        "(it has %(show_value)s). You could move some of it to another section "
                        "or another statement."
                    ),
                )
            )

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        return title or default_statement_title()


def default_statement_title() -> str:
    """ "My needs statement, 27 November 2026": the name of an unnamed statement."""
    today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    return gettext("My needs statement, %(date)s") % {"date": today}


class RelationshipForm(forms.ModelForm):
    class Meta:
        model = Relationship
        fields = Relationship.EDITABLE_FIELDS
        help_texts = {
            "name": _("Only you see this. A first name, a nickname or initials is fine."),
            "notes": _("Anything you want to remember about this relationship."),
        }
        widgets = {"notes": _textarea(4)}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "off"


# The safety plan's lists of people and services: a few rows of plain inputs,
# so the form works without JavaScript. Empty rows are dropped on save.

PHONE_RE = re.compile(r"^\+?[0-9 ().-]{3,24}$")


class ContactsWidget(forms.Widget):
    """Rows of name, phone (and message) inputs, each labelled, as a fieldset."""

    template_name = "worksheets/widgets/contacts.html"
    use_fieldset = True

    def __init__(self, *, with_message: bool, blank_rows: int, min_rows: int, attrs=None):
        super().__init__(attrs)
        self.with_message = with_message
        self.blank_rows = blank_rows
        self.min_rows = min_rows

    def parts(self) -> list[str]:
        return ["name", "phone", "message"] if self.with_message else ["name", "phone"]

    def value_from_datadict(self, data, files, name) -> list[dict[str, str]]:
        rows = []
        for index in range(MAX_CONTACTS):
            row = {part: data.get(f"{name}-{index}-{part}") for part in self.parts()}
            if all(value is None for value in row.values()):
                break
            rows.append({part: value or "" for part, value in row.items()})
        return rows

    def value_omitted_from_data(self, data, files, name) -> bool:
        return f"{name}-0-name" not in data

    def id_for_label(self, id_):
        return ""

    def render(self, name, value, attrs=None, renderer=None):
        # The project's templates, like every other page (the default form
        # renderer only looks in apps and Django's own widget templates).
        # render_to_string returns a SafeString; the template escapes every value.
        return render_to_string(self.template_name, self.get_context(name, value, attrs))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        rows = [row for row in (value or []) if isinstance(row, dict)]
        rows += [{}] * max(self.blank_rows, self.min_rows - len(rows))
        context["widget"]["rows"] = [
            {
                "number": index + 1,
                "inputs": [
                    {
                        "part": part,
                        "name": f"{name}-{index}-{part}",
                        "id": f"id_{name}-{index}-{part}",
                        "value": row.get(part, ""),
                    }
                    for part in self.parts()
                ],
            }
            for index, row in enumerate(rows[:MAX_CONTACTS])
        ]
        attrs = context["widget"]["attrs"]
        # So the field's error message, which follows the rows, shows.
        context["widget"]["invalid"] = attrs.get("aria-invalid") == "true" or "is-invalid" in str(
            attrs.get("class", "")
        )
        context["widget"]["with_message"] = self.with_message
        context["widget"]["default_message"] = DEFAULT_HELP_MESSAGE
        return context


MAX_CONTACTS = 20


class ContactsField(forms.Field):
    def __init__(self, *, with_message: bool, blank_rows: int = 1, min_rows: int = 1, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(
            widget=ContactsWidget(
                with_message=with_message, blank_rows=blank_rows, min_rows=min_rows
            ),
            **kwargs,
        )

    def prepare_value(self, value):
        return value if isinstance(value, list) else []

    def to_python(self, value) -> list[dict[str, str]]:
        rows = []
        for row in value if isinstance(value, list) else []:
            if not isinstance(row, dict):
                continue
            clean = {part: str(row.get(part, "")).strip() for part in self.widget.parts()}
            if any(clean.values()):
                rows.append(clean)
        return rows

    def validate(self, value) -> None:
        super().validate(value)
        errors = []
        for number, row in enumerate(value, start=1):
            if len(row["name"]) > 80:
                errors.append(
                    gettext("Line %(number)d: please keep the name to 80 characters.")
                    % {"number": number}
                )
            if not row["name"] and row["phone"]:
                errors.append(
                    gettext("Line %(number)d: please add a name for %(phone)s.")
                    % {"number": number, "phone": row["phone"]}
                )
            elif not row["name"]:
                errors.append(
                    gettext("Line %(number)d: please add a name for this.") % {"number": number}
                )
            digits = sum(char.isdigit() for char in row["phone"])
            if row["phone"] and not (PHONE_RE.match(row["phone"]) and digits >= 3):
                errors.append(
                    gettext(
                        "Line %(number)d: enter the phone number in digits, "
                        "like 555-123-4567 or 988."
                    )
                    % {"number": number}
                )
            if len(row.get("message", "")) > 500:
                errors.append(
                    gettext("Line %(number)d: please keep the message to 500 characters.")
                    % {"number": number}
                )
        if errors:
            raise forms.ValidationError(errors)


class SafetyPlanForm(forms.ModelForm):
    helpers = ContactsField(
        label=_("People I can ask for help"),
        with_message=True,
        blank_rows=1,
        min_rows=3,
        help_text=_(
            "Someone you can call or text when your own steps are not enough. Their "
            "message is ready to send from your plan with one tap; change it to your own words."
        ),
    )
    professionals = ContactsField(
        label=_("Professionals and services"),
        with_message=False,
        blank_rows=1,
        min_rows=2,
        help_text=_(
            "Your therapist, doctor or a crisis line. We filled in 988 and your state's "
            "crisis lines; change or remove any of them."
        ),
    )

    class Meta:
        model = SafetyPlan
        fields = SafetyPlan.EDITABLE_FIELDS
        help_texts = {
            "title": _("Only you, and anyone you share it with, see this name."),
            "warning_signs": _(
                "One per line. Thoughts, feelings or things you do that tell you a hard time "
                "is starting. For example: I stop answering messages."
            ),
            "coping": _("One per line. For example: a hot shower, a walk around the block."),
            "distractions": _("One per line. For example: the library, a café, calling my cousin."),
            "environment": _(
                "One per line. Ways to put distance between you and anything you could use "
                "to hurt yourself, for now. For example: ask someone to keep my pills."
            ),
            "reasons": _("One per line. People, animals, hopes, plans: whatever keeps you going."),
        }
        widgets = {
            "warning_signs": _textarea(3),
            "coping": _textarea(3),
            "distractions": _textarea(3),
            "environment": _textarea(3),
            "reasons": _textarea(3),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].widget.attrs["autocomplete"] = "off"


@cache
def create_form_for(kind: registry.WorksheetKind) -> type[forms.ModelForm]:
    """The kind's form, made safe to send twice."""
    return type(f"{kind.form.__name__}Create", (CreateOnceForm, kind.form), {})


@cache
def edit_form_for(kind: registry.WorksheetKind) -> type[forms.ModelForm]:
    """The kind's form, remembering which version the member started from."""
    return type(f"{kind.form.__name__}Edit", (VersionedForm, kind.form), {})


class SecurityCheckForm(CreateOnceForm, forms.ModelForm):
    class Meta:
        model = SecurityCheck
        fields = ["checked_on"] + [name for key in ELEMENTS for name in (key, f"{key}_note")]
        labels = {"checked_on": _("Date of this check")}
        widgets = {
            "checked_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{f"{key}_note": _textarea(2) for key in ELEMENTS},
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for key, info in ELEMENTS.items():
            rating = self.fields[key]
            rating.label = gettext("%(element)s: %(question)s") % {
                "element": info["label"],
                "question": info["question"],
            }
            rating.widget = forms.RadioSelect()
            rating.choices = Rating.choices
            rating.error_messages["required"] = _("Please choose an answer for this one.")
            note = self.fields[f"{key}_note"]
            note.label = gettext("A note about %(element)s (optional)") % {
                "element": str(info["label"]).lower()
            }
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field("checked_on", wrapper_class="connect-date"),
            *[
                Fieldset(
                    "",
                    InlineRadios(key),
                    Field(f"{key}_note"),
                    css_class="check-element",
                )
                for key in ELEMENTS
            ],
            "token",
        )


class TestDriveForm(CreateOnceForm, forms.ModelForm):
    class Meta:
        model = TestDrive
        fields = ["asked_on", "ask", "response"]
        labels = {"asked_on": _("When")}
        help_texts = {
            "ask": _("Something small. For example: could you help me move a sofa on Saturday?"),
            "response": _("How did they react? You can leave this empty."),
        }
        widgets = {
            "asked_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ask": _textarea(2),
            "response": _textarea(2),
        }


# Sharing with clinicians


class ShareCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your clinician's share code"),
        max_length=40,
        help_text=_("Twelve letters, such as ACDE-FHJK-MNPR. Spaces and dashes do not matter."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = share_code_normalise(self.cleaned_data["code"])
        if len(code) != SHARE_CODE_LENGTH:
            raise forms.ValidationError(
                gettext("A share code has %(count)d letters. Please check it and try again.")
                % {"count": SHARE_CODE_LENGTH}
            )
        return code


class WorksheetMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Each worksheet by the title its owner gave it (`__str__` never shows it)."""

    def label_from_instance(self, obj: WorksheetModel) -> str:
        return obj.display_title


class WorksheetChoiceForm(forms.Form):
    """Which of the member's own worksheets to share: at least one. One list
    of checkboxes per kind, named after the kind (`WorksheetKind.plural`); a
    kind the member has none of is left out. `cleaned_data["worksheets"]`
    holds every chosen worksheet, kind by kind."""

    def __init__(self, *args, owner: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in registry.kinds():
            choices = kind.model.objects.owned_by(owner).for_lists()
            if choices.exists():
                self.fields[kind.plural] = WorksheetMultipleChoiceField(
                    label=kind.label,
                    queryset=choices,
                    widget=forms.CheckboxSelectMultiple,
                    required=False,
                    help_text=kind.share_help,
                )
        self.order_fields([kind.plural for kind in registry.kinds()])

    @property
    def has_choices(self) -> bool:
        return any(kind.plural in self.fields for kind in registry.kinds())

    @staticmethod
    def initial_for(share: Share) -> dict[str, list[int]]:
        """What `share` covers now, as the form's starting choices."""
        initial: dict[str, list[int]] = {}
        for worksheet in share.covered():
            initial.setdefault(worksheet.kind_info.plural, []).append(worksheet.pk)
        return initial

    def clean(self) -> dict:
        data = super().clean()
        chosen: list[WorksheetModel] = []
        for kind in registry.kinds():
            chosen.extend(data.get(kind.plural) or [])
        data["worksheets"] = chosen
        if not self.errors and not chosen:
            raise forms.ValidationError(gettext("Please check at least one worksheet to share."))
        return data


class ShareForm(CreateOnceForm, WorksheetChoiceForm):
    expiry = forms.ChoiceField(
        label=_("For how long"),
        choices=Share.Expiry.choices,
        initial=Share.Expiry.DAYS_30,
        widget=forms.RadioSelect,
        help_text=_("You can stop sharing at any time, whichever you choose."),
    )


class TrustedLinkForm(CreateOnceForm):
    """A read-only link to one worksheet, for one named person. Only kinds
    registered with `trusted_link=True` are offered."""

    worksheet = forms.TypedChoiceField(
        label=_("Which worksheet"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose the worksheet to share."),
            "invalid_choice": _("Please choose one of your own worksheets from the list."),
        },
    )
    recipient = forms.CharField(
        label=_("Who is it for?"),
        max_length=80,
        help_text=_(
            'A name or a few words, such as "my sister". Only you see this, to tell your '
            "links apart."
        ),
        error_messages={"required": _("Please say who the link is for.")},
    )
    duration = forms.TypedChoiceField(
        label=_("For how long"),
        coerce=int,
        choices=[
            (TrustedLink.Duration.DAYS_7, _("For 7 days")),
            (TrustedLink.Duration.DAYS_30, _("For 30 days")),
        ],
        initial=TrustedLink.Duration.DAYS_7,
        widget=forms.RadioSelect,
        help_text=_("You can stop the link at any time, whichever you choose."),
    )

    def __init__(self, *args, owner: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        keys = [kind.key for kind in registry.trusted_link_kinds()]
        self.worksheets = {
            worksheet.pk: worksheet.content
            for worksheet in Worksheet.objects.owned_by(owner).filter(kind__in=keys).with_content()
        }
        self.fields["worksheet"].choices = [
            (pk, f"{content.display_title} ({content.kind_info.noun})")
            for pk, content in self.worksheets.items()
        ]

    @property
    def has_choices(self) -> bool:
        return bool(self.worksheets)

    def clean_recipient(self) -> str:
        value = self.cleaned_data["recipient"].strip()
        if not value:
            raise forms.ValidationError(_("Please say who the link is for."))
        return value

    def clean(self) -> dict:
        data = super().clean()
        if "worksheet" in data:
            data["worksheet"] = self.worksheets[data["worksheet"]]
        return data


class CommentForm(CreateOnceForm, forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["text"]
        labels = {"text": _("Your comment")}
        error_messages = {"text": {"required": _("Please write something before sending.")}}
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "maxlength": 2000})}


class ReplyForm(CommentForm):
    """A member's message to one of the clinicians who can read the worksheet."""

    clinician = forms.ModelChoiceField(queryset=User.objects.none(), widget=forms.HiddenInput)

    class Meta(CommentForm.Meta):
        labels = {"text": _("Your message")}

    def __init__(self, *args, clinicians, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["clinician"].queryset = clinicians


class ClientLabelForm(forms.Form):
    label = forms.CharField(
        label=_("Your private label"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_(
            "Only you see this, next to their name on your dashboard: the member and other "
            "clinicians never do. Leave it empty to remove it."
        ),
    )
