from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import ClinicianProfile, User


class SignupForm(forms.Form):
    """Extra fields on allauth's signup form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        max_length=User._meta.get_field("display_name").max_length,
        label=_("Display name"),
        help_text=_("What other people will see. A nickname or pseudonym is fine."),
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
        field.label = gettext("I am %(age)s or older") % {"age": age}
        field.error_messages["required"] = gettext(
            "Connect is for people aged %(age)s or over. Please check the box if you are."
        ) % {"age": age}

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "home_state", "language"]


class AccountDeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that this erases my account and everything in it, for good."),
        error_messages={"required": _("Please check the box to confirm.")},
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
