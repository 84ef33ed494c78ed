from allauth.mfa.models import Authenticator
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from . import services
from .models import ClinicianProfile, User

# allauth's own admin shows and edits each authenticator's secrets. This one
# shows only who has which kind and when it was used, and changes nothing.
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(admin.ModelAdmin):
    list_display = ["user", "type", "created_at", "last_used_at"]
    list_filter = ["type"]
    list_select_related = ["user"]
    search_fields = ["user__email"]
    fields = ["user", "type", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "role", "is_staff", "is_active", "date_joined"]
    list_filter = ["role", "is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["display_name", "role", "language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "display_name", "password1", "password2"],
            },
        ),
    ]
    # The role follows clinician verification (Clinician applications).
    readonly_fields = ["last_login", "date_joined", "role"]


@admin.register(ClinicianProfile)
class ClinicianProfileAdmin(admin.ModelAdmin):
    """Clinician applications. Admins decide with the actions, which record
    who decided and when; nobody edits an application or a status by hand."""

    list_display = [
        "user",
        "user_email",
        "profession",
        "licence_number",
        "licence_region",
        "practice_name",
        "has_mfa",
        "status",
        "applied_at",
        "reviewed_by",
        "reviewed_at",
    ]
    list_filter = ["status"]
    list_select_related = ["user", "reviewed_by"]
    search_fields = ["user__email", "user__display_name", "licence_number", "practice_name"]
    fields = [
        "user",
        "profession",
        "licence_number",
        "licence_region",
        "practice_name",
        "status",
        "applied_at",
        "reviewed_by",
        "reviewed_at",
    ]
    readonly_fields = fields
    actions = ["verify", "reject", "withdraw"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        totp = Authenticator.objects.filter(user=OuterRef("user"), type=Authenticator.Type.TOTP)
        return super().get_queryset(request).annotate(totp=Exists(totp))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description=_("email"), ordering="user__email")
    def user_email(self, profile: ClinicianProfile) -> str:
        return profile.user.email

    @admin.display(description=_("two-factor"), boolean=True)
    def has_mfa(self, profile: ClinicianProfile) -> bool:
        return profile.totp

    @admin.action(description=_("Verify the selected applications"))
    def verify(self, request: HttpRequest, queryset: QuerySet) -> None:
        verified, refused = 0, []
        for profile in queryset.exclude(status=ClinicianProfile.Status.VERIFIED):
            if services.clinician_verify(profile=profile, by=request.user):
                self.log_change(request, profile, gettext("Verified."))
                verified += 1
            else:
                refused.append(profile.user.email)
        self.message_user(
            request, gettext("Verified: %(count)d.") % {"count": verified}, messages.SUCCESS
        )
        if refused:
            self.message_user(
                request,
                gettext(
                    "Not verified, because they have no authenticator app set up yet: %(emails)s."
                )
                % {"emails": ", ".join(refused)},
                messages.WARNING,
            )

    @admin.action(description=_("Reject the selected applications"))
    def reject(self, request: HttpRequest, queryset: QuerySet) -> None:
        rejected = 0
        for profile in queryset.filter(status=ClinicianProfile.Status.PENDING):
            services.clinician_reject(profile=profile, by=request.user)
            self.log_change(request, profile, gettext("Rejected."))
            rejected += 1
        self.message_user(
            request,
            ngettext(
                "Rejected: %(count)d waiting application.",
                "Rejected: %(count)d waiting applications.",
                rejected,
            )
            % {"count": rejected},
            messages.SUCCESS,
        )

    @admin.action(description=_("Withdraw verification from the selected clinicians"))
    def withdraw(self, request: HttpRequest, queryset: QuerySet) -> None:
        withdrawn = ended = 0
        for profile in queryset.filter(status=ClinicianProfile.Status.VERIFIED):
            ended += services.clinician_withdraw(profile=profile, by=request.user)
            self.log_change(request, profile, gettext("Verification withdrawn."))
            withdrawn += 1
        self.message_user(
            request,
            ngettext(
                "Withdrawn: %(count)d clinician. Shares ended: %(ended)d.",
                "Withdrawn: %(count)d clinicians. Shares ended: %(ended)d.",
                withdrawn,
            )
            % {"count": withdrawn, "ended": ended},
            messages.SUCCESS,
        )
