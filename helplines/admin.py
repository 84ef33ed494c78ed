from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from import_export.admin import ImportExportModelAdmin

from connectapp.lib.exports import SafeCSV

from .forms import SupportLineAdminForm
from .models import SupportLine
from .resources import SupportLineResource


class VerificationFilter(admin.SimpleListFilter):
    title = "verification"
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [
            ("stale", "Needs checking (over 12 months)"),
            ("fresh", "Checked in the last 12 months"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "fresh":
            return queryset.fresh()
        return queryset


@admin.register(SupportLine)
class SupportLineAdmin(ImportExportModelAdmin):
    form = SupportLineAdminForm
    resource_classes = [SupportLineResource]
    import_formats = [SafeCSV]
    export_formats = [SafeCSV]
    import_template_name = "admin/helplines/supportline/import.html"
    list_display = [
        "name",
        "kind",
        "region",
        "accepts_out_of_state",
        "verified_on",
        "up_to_date",
        "is_active",
    ]
    list_filter = [
        "kind",
        "region",
        "is_active",
        VerificationFilter,
        ("verified_on", admin.DateFieldListFilter),
    ]
    search_fields = ["name", "slug", "description", "phone", "text_number", "source_url"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "description"]}),
        (
            "How to reach it",
            {
                "fields": [
                    "phone",
                    "text_number",
                    "text_keyword",
                    "chat_url",
                    "website",
                    "tty",
                    "languages",
                ]
            },
        ),
        ("Who it serves", {"fields": ["region", "accepts_out_of_state", "restrictions"]}),
        ("Hours", {"fields": ["open_24_7", "hours", "time_zone", "hours_note"]}),
        (
            "Verification",
            {"fields": ["source_url", "verified_on", "is_active", "created_at", "updated_at"]},
        ),
    ]

    @admin.display(boolean=True, description="checked in last 12 months")
    def up_to_date(self, line: SupportLine) -> bool:
        return not line.is_stale()
