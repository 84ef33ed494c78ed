import uuid

from django import forms
from django.utils import timezone

from .models import (
    MOOD_MAX,
    MOOD_MIN,
    TIME_ZONES,
    US_TIME_ZONES,
    Activity,
    ActivityLog,
    Plan,
    ReadyMessage,
    ReminderSettings,
    Suggestion,
)

MOOD_CHOICES = [(n, str(n)) for n in range(MOOD_MIN, MOOD_MAX + 1)]


class SubmissionField(forms.UUIDField):
    """A hidden token that names one filled-in form, so sending it twice saves once."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("initial", uuid.uuid4)
        super().__init__(**kwargs)


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["planned_for"]
        labels = {"planned_for": "When would you like to try it? (optional)"}
        help_texts = {"planned_for": "Leave it empty to keep it in your saved list."}
        widgets = {"planned_for": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean_planned_for(self):
        planned_for = self.cleaned_data["planned_for"]
        if planned_for is not None and planned_for < timezone.localdate():
            raise forms.ValidationError(
                "Please pick today or a later day. "
                "To record something you already did, log it instead."
            )
        return planned_for


def mood_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=MOOD_CHOICES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "btn-check", "autocomplete": "off"}),
    )


class StartForm(forms.Form):
    """ "I'm about to do it": the mood before, noted now; the after comes later."""

    mood_before = mood_field("Your mood now, before you start")


class LogForm(forms.ModelForm):
    submission = SubmissionField()
    mood_before = mood_field("Your mood before")
    mood_after = mood_field("Your mood after")

    class Meta:
        model = ActivityLog
        fields = ["done_on", "mood_before", "mood_after", "note"]
        labels = {"done_on": "When did you do it?", "note": "A private note (optional)"}
        help_texts = {"note": "Only you can see this."}
        widgets = {
            "done_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["done_on"].initial = timezone.localdate

    def clean_done_on(self):
        done_on = self.cleaned_data["done_on"]
        if done_on > timezone.localdate():
            raise forms.ValidationError(
                "That day hasn't happened yet. Please pick today or earlier."
            )
        return done_on


class SuggestionForm(forms.ModelForm):
    submission = SubmissionField()

    class Meta:
        model = Suggestion
        fields = ["title", "description", "setting", "effort"]
        labels = {
            "title": "What is the activity?",
            "description": "Tell us a little about it",
            "setting": "Where does it happen?",
            "effort": "How much effort does it take?",
        }
        help_texts = {"description": "What you do, and why it might help someone."}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
            "setting": forms.RadioSelect,
            "effort": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Radio buttons need no empty "---------" choice; the field is still required.
        self.fields["setting"].choices = Activity.Setting.choices
        self.fields["effort"].choices = Activity.Effort.choices


class MessageForm(forms.Form):
    """Edits a ready-to-send message. Nothing is saved: it only rebuilds the sms: link."""

    message = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    text = forms.CharField(
        label="Your message",
        max_length=ReadyMessage._meta.get_field("text").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RecommendForm(forms.Form):
    activity = forms.ModelChoiceField(
        label="Activity",
        queryset=Activity.objects.published(),
        empty_label="Choose an activity",
        help_text="It appears in their My activities, with your name.",
    )


def time_zone_choices() -> list:
    us = {value for value, _ in US_TIME_ZONES}
    others = sorted(TIME_ZONES - us - {"localtime", "Factory"})
    return [
        ("United States", [(value, f"{label} ({value})") for value, label in US_TIME_ZONES]),
        ("Everywhere", [(value, value.replace("_", " ")) for value in others]),
    ]


class ReminderSettingsForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        label="Your time zone",
        choices=time_zone_choices,
        help_text="Reminders come at your chosen time in this zone.",
    )

    class Meta:
        model = ReminderSettings
        fields = ["enabled", "time_of_day", "time_zone", "show_title", "quiet_from", "quiet_until"]
        help_texts = {
            "enabled": "Off unless you turn it on. One short email on a day you planned something.",
            "quiet_from": "Optional. No reminder comes between these times.",
        }
        widgets = {
            "time_of_day": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_from": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_until": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean(self):
        cleaned = super().clean()
        quiet = (cleaned.get("quiet_from"), cleaned.get("quiet_until"))
        if (quiet[0] is None) != (quiet[1] is None) and not self.errors:
            raise forms.ValidationError(
                "For quiet hours, please give both a start and an end time, or neither."
            )
        return cleaned


class FeedSettingsForm(forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = ["feed_shows_titles"]
