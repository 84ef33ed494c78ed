from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from connectapp.lib.states import STATE_CHOICES

from .hours import format_hours, parse_hours
from .models import ProblemReport, SupportLine


class StateField(forms.ChoiceField):
    """A US state code, accepted in any letter case."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("choices", [("", "Choose a state"), *STATE_CHOICES])
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_choice": "We don't know that state. Please choose one from the list.",
                "required": "Please choose a state.",
            },
        )
        super().__init__(**kwargs)

    def to_python(self, value) -> str:
        return super().to_python(value).strip().upper()


class StateForm(forms.Form):
    """Picks the state the finder shows (a GET form), or the one to remember (POST)."""

    state = StateField(label="Your US state")


class HoursField(forms.CharField):
    """Opening hours in the text form described in `helplines.hours`."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            "24-hour times in the line's time zone, like “Mon-Fri 10:00-22:00; Sat 12:00-17:00”. "
            "Leave empty for 24/7 lines or unknown hours.",
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return format_hours(value)
        return value

    def to_python(self, value) -> list[dict]:
        text = super().to_python(value)
        try:
            return parse_hours(text)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error


def https_urls(field: models.Field, **kwargs) -> forms.Field | None:
    """Links typed without a scheme get https://, not http://."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class SupportLineAdminForm(forms.ModelForm):
    hours = HoursField(label="Opening hours")

    class Meta:
        model = SupportLine
        formfield_callback = https_urls
        fields = SupportLine.CURATED_FIELDS


class CheckedTodayForm(forms.Form):
    """What an admin confirms when re-checking a line: the page they checked it
    on is required, and the line must still pass every rule for its status."""

    source_url = forms.URLField(
        label="Source you checked it on",
        max_length=300,
        assume_scheme="https",
        help_text="The page where you found the number today.",
    )
    source_kind = forms.ChoiceField(label="Kind of source", choices=SupportLine.SourceKind.choices)
    source_name = forms.CharField(label="Source name", max_length=120, required=False)
    source_date = forms.DateField(
        label="Date the source shows",
        help_text="YYYY-MM-DD. Use today's date if the page is current and undated.",
    )
    status = forms.ChoiceField(choices=SupportLine.Status.choices)

    def __init__(self, *args, line: SupportLine, **kwargs) -> None:
        kwargs.setdefault(
            "initial",
            {
                "source_url": line.source_url,
                "source_kind": line.source_kind,
                "source_name": line.source_name,
                "source_date": timezone.localdate().isoformat(),
                "status": line.status,
            },
        )
        super().__init__(*args, **kwargs)
        self.line = line

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        # Check the line as it would be saved, without touching it.
        candidate = SupportLine.objects.get(pk=self.line.pk)
        for field in ("source_url", "source_kind", "source_name", "source_date", "status"):
            setattr(candidate, field, data[field])
        candidate.verified_on = timezone.localdate()
        try:
            candidate.full_clean()
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                target = field if field in self.fields else None
                for problem in problems:
                    self.add_error(target, problem)
        return data


class ProblemReportForm(forms.Form):
    """“This number didn't work”: nothing but an optional short note."""

    note = forms.CharField(
        label="What happened? (optional)",
        required=False,
        max_length=ProblemReport.NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": ProblemReport.NOTE_MAX}),
        help_text="For example “no answer at 8 pm” or “the number is disconnected”. "
        "Please don't include your name, number or other personal details.",
    )
