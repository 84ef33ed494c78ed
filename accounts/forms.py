from django import forms
from django.conf import settings

from .models import ClinicianProfile, User


class SignupForm(forms.Form):
    """Extra fields on allauth's signup form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        max_length=User._meta.get_field("display_name").max_length,
        label="Display name",
        help_text="What other people will see. A nickname or pseudonym is fine.",
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    age_confirmed = forms.BooleanField()

    # allauth's sign-up form applies this order: the age confirmation comes last.
    field_order = ["email", "display_name", "password1", "password2", "age_confirmed"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Read when the form is built, so the label follows the running setting.
        age = settings.MINIMUM_AGE
        field = self.fields["age_confirmed"]
        field.label = f"I am {age} or older"
        field.error_messages["required"] = (
            f"Connect is for people aged {age} or over. Please tick the box if you are."
        )

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "home_state"]


class AccountDeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that this erases my account and everything in it, for good.",
        error_messages={"required": "Please tick the box to confirm."},
    )


class ClinicianApplicationForm(forms.ModelForm):
    class Meta:
        model = ClinicianProfile
        fields = ClinicianProfile.APPLICATION_FIELDS
        widgets = {
            "profession": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "licence_number": forms.TextInput(attrs={"autocomplete": "off"}),
            "licence_region": forms.TextInput(attrs={"autocomplete": "off"}),
            "practice_name": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
