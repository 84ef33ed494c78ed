from django import forms
from django.db import models

from connectapp.lib.states import STATE_CHOICES

from .hours import format_hours, parse_hours
from .models import SupportLine


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
