from allauth.mfa.models import Authenticator
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

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

    # What an admin needs to pick whom to review, in one screen at 1280 px; the
    # licence number, practice and who decided are on each application's page.
    list_display = [
        "user",
        "user_email",
        "profession",
        "region",
        "has_mfa",
        "status",
        "applied_on",
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

    def get_urls(self) -> list:
        verify = self.admin_site.admin_view(require_POST(self.verify_view))
        return [
            path("<int:pk>/verify/", verify, name="accounts_clinicianprofile_verify"),
            *super().get_urls(),
        ]

    def render_change_form(self, request: HttpRequest, context: dict, *args, **kwargs):
        profile = context.get("original")
        if profile is not None and not profile.is_verified:
            context["verify_url"] = reverse(
                "admin:accounts_clinicianprofile_verify", args=[profile.pk]
            )
            context["can_verify"] = services.clinician_can_be_verified(profile)
        return super().render_change_form(request, context, *args, **kwargs)

    def verify_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The "Verify" button on an application's own page."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        profile = get_object_or_404(self.get_queryset(request), pk=pk)
        self.verify(request, self.get_queryset(request).filter(pk=profile.pk))
        return redirect("admin:accounts_clinicianprofile_change", profile.pk)

    @admin.display(description=_("email"), ordering="user__email")
    def user_email(self, profile: ClinicianProfile) -> str:
        return profile.user.email

    @admin.display(description=_("region"), ordering="licence_region")
    def region(self, profile: ClinicianProfile) -> str:
        return profile.licence_region

    @admin.display(description=_("applied"), ordering="applied_at")
    def applied_on(self, profile: ClinicianProfile):
        return timezone.localdate(profile.applied_at)

    @admin.display(description=_("two-factor"), boolean=True)
    def has_mfa(self, profile: ClinicianProfile) -> bool:
        return profile.totp

    @admin.action(description=_("Verify the selected applications"))
    def verify(self, request: HttpRequest, queryset: QuerySet) -> None:
        verified, refused = 0, []
        for profile in queryset.exclude(status=ClinicianProfile.Status.VERIFIED):
            if services.clinician_verify(profile=profile, by=request.user):
                self.log_change(request, profile, gettext("Verified; the applicant was emailed."))
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
