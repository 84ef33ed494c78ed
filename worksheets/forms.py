from functools import cache

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout
from django import forms
from django.core import validators

from accounts.models import SHARE_CODE_LENGTH, User, share_code_normalise
from connectapp.lib.create_once import CreateOnceForm

from . import registry
from .models import (
    ELEMENTS,
    Comment,
    HelpKind,
    NeedsStatement,
    Rating,
    Relationship,
    SecurityCheck,
    Share,
    TestDrive,
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
        label="What helps",
        choices=HelpKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick any that are true for you. You can add your own below.",
    )

    class Meta:
        model = NeedsStatement
        fields = NeedsStatement.EDITABLE_FIELDS
        labels = {"title": "Name this statement"}
        help_texts = {
            "title": 'Only you see this name. For example: "For my family" or "For my partner".',
            "audience": "For example: my sister Jo, or everyone at home.",
            "experience": (
                "In your own words, what is it like from the inside? For example: "
                "everything takes more energy, and I can go quiet for days."
            ),
            "warning_signs": (
                "What might they notice? For example: I stop answering messages, or I "
                "cancel plans at the last minute."
            ),
            "helps_other": "For example: sending me a photo of your dog, no reply needed.",
            "unhelpful": (
                'For example: being told to "just cheer up", or lots of questions at once.'
            ),
            "check_ins": "For example: a short text twice a week is enough.",
            "if_unavailable": (
                "It is fine for people to have limits. For example: tell me, and suggest "
                "someone else I could talk to."
            ),
            "crisis_contacts": (
                "Names and numbers of people or services to call. The 988 crisis line is "
                "always printed with this statement too."
            ),
            "therapist_note": ("Optional. For example: we went through this together in March."),
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
                    message=(
                        f"Please keep this section to {limit:,} characters or fewer "
                        "(it has %(show_value)s). You could move some of it to another section "
                        "or another statement."
                    ),
                )
            )


class RelationshipForm(forms.ModelForm):
    class Meta:
        model = Relationship
        fields = Relationship.EDITABLE_FIELDS
        help_texts = {
            "name": "Only you see this. A first name, a nickname or initials is fine.",
            "notes": "Anything you want to remember about this relationship.",
        }
        widgets = {"notes": _textarea(4)}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "off"


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
        labels = {"checked_on": "Date of this check"}
        widgets = {
            "checked_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{f"{key}_note": _textarea(2) for key in ELEMENTS},
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for key, info in ELEMENTS.items():
            rating = self.fields[key]
            rating.label = f"{info['label']}: {info['question']}"
            rating.widget = forms.RadioSelect()
            rating.choices = Rating.choices
            rating.error_messages["required"] = "Please choose an answer for this one."
            note = self.fields[f"{key}_note"]
            note.label = f"A note about {info['label'].lower()} (optional)"
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
        labels = {"asked_on": "When"}
        help_texts = {
            "ask": "Something small. For example: could you help me move a sofa on Saturday?",
            "response": "How did they react? You can leave this empty.",
        }
        widgets = {
            "asked_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ask": _textarea(2),
            "response": _textarea(2),
        }


# Sharing with clinicians


class ShareCodeForm(forms.Form):
    code = forms.CharField(
        label="Your clinician's share code",
        max_length=40,
        help_text="Twelve letters, such as ACDE-FHJK-MNPR. Spaces and dashes do not matter.",
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = share_code_normalise(self.cleaned_data["code"])
        if len(code) != SHARE_CODE_LENGTH:
            raise forms.ValidationError(
                f"A share code has {SHARE_CODE_LENGTH} letters. Please check it and try again."
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
            raise forms.ValidationError("Please tick at least one worksheet to share.")
        return data


class ShareForm(CreateOnceForm, WorksheetChoiceForm):
    expiry = forms.ChoiceField(
        label="For how long",
        choices=Share.Expiry.choices,
        initial=Share.Expiry.DAYS_30,
        widget=forms.RadioSelect,
        help_text="You can stop sharing at any time, whichever you choose.",
    )


class CommentForm(CreateOnceForm, forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["text"]
        labels = {"text": "Your comment"}
        error_messages = {"text": {"required": "Please write something before sending."}}
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "maxlength": 2000})}


class ReplyForm(CommentForm):
    """A member's message to one of the clinicians who can read the worksheet."""

    clinician = forms.ModelChoiceField(queryset=User.objects.none(), widget=forms.HiddenInput)

    class Meta(CommentForm.Meta):
        labels = {"text": "Your message"}

    def __init__(self, *args, clinicians, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["clinician"].queryset = clinicians
