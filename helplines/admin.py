from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, F, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from import_export.admin import ImportExportModelAdmin
from import_export.forms import ExportForm

from connectapp.lib.exports import SafeCSV

from .cache import helplines_changed
from .forms import CheckedTodayForm, SupportLineAdminForm
from .models import ProblemReport, SupportLine
from .resources import SupportLineResource
from .services import line_checked_today


class VerificationFilter(admin.SimpleListFilter):
    title = "evidence"
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [
            ("stale", "Over two years old, or undated"),
            ("fresh", "From the last two years"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "fresh":
            return queryset.fresh()
        return queryset


@admin.register(SupportLine)
class SupportLineAdmin(ImportExportModelAdmin):
    """The directory, and its re-check queue: lines with open problem reports
    come first, then the oldest evidence."""

    form = SupportLineAdminForm
    resource_classes = [SupportLineResource]
    import_formats = [SafeCSV]
    export_formats = [SafeCSV]
    # Export every column, so a file imports back as it is. The library's
    # field picker uses inline styles and handlers, which the CSP blocks.
    export_form_class = ExportForm
    import_template_name = "admin/helplines/supportline/import.html"
    list_display = [
        "name",
        "kind",
        "region",
        "status",
        "who_may_call",
        "source_kind",
        "source_date",
        "verified_on",
        "open_reports",
        "check_link",
    ]
    list_filter = [
        "status",
        "kind",
        "region",
        "source_kind",
        "who_may_call",
        VerificationFilter,
        ("verified_on", admin.DateFieldListFilter),
    ]
    search_fields = ["name", "slug", "description", "phone", "text_number", "source_url"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["created_at", "updated_at"]
    actions = ["mark_closed"]
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
                    "spanish_keypress",
                    "spanish_text_keyword",
                ]
            },
        ),
        ("Who it serves", {"fields": ["region", "who_may_call", "restrictions"]}),
        ("Hours", {"fields": ["open_24_7", "hours", "time_zone", "hours_note"]}),
        (
            "Evidence",
            {
                "fields": [
                    "status",
                    "source_url",
                    "source_kind",
                    "source_name",
                    "source_date",
                    "verified_on",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(
                open_report_count=Count("reports", filter=Q(reports__resolved_at__isnull=True))
            )
        )

    def get_ordering(self, request: HttpRequest) -> list:
        return [
            F("open_report_count").desc(),
            F("source_date").asc(nulls_first=True),
            "verified_on",
            "name",
        ]

    @admin.display(description="open reports", ordering="open_report_count")
    def open_reports(self, line: SupportLine) -> int:
        return line.open_report_count

    @admin.display(description="re-check")
    def check_link(self, line: SupportLine) -> str:
        url = reverse("admin:helplines_supportline_checked_today", args=[line.pk])
        return format_html('<a href="{}">Checked today…</a>', url)

    @admin.action(description="Mark selected lines closed (they stay listed here, never shown)")
    def mark_closed(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.update(status=SupportLine.Status.CLOSED, updated_at=timezone.now())
        helplines_changed()  # update() sends no save signal
        self.message_user(request, f"{count} line(s) marked closed.", messages.SUCCESS)

    def get_urls(self) -> list:
        return [
            path(
                "<int:pk>/checked-today/",
                self.admin_site.admin_view(self.checked_today_view),
                name="helplines_supportline_checked_today",
            ),
            *super().get_urls(),
        ]

    def checked_today_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        line = get_object_or_404(SupportLine, pk=pk)
        if not self.has_change_permission(request, line):
            return redirect("admin:index")
        form = CheckedTodayForm(request.POST if request.method == "POST" else None, line=line)
        if request.method == "POST" and form.is_valid():
            line_checked_today(line=line, **form.cleaned_data)
            self.message_user(
                request, f"“{line.name}” is marked as checked today.", messages.SUCCESS
            )
            return redirect("admin:helplines_supportline_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "line": line,
            "form": form,
            "open_reports": line.reports.open(),
            "title": f"Checked today: {line.name}",
        }
        return TemplateResponse(request, "admin/helplines/supportline/checked_today.html", context)


@admin.register(ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    """“This number didn't work” reports, open ones first."""

    list_display = ["line", "created_at", "note", "is_open"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter)]
    list_select_related = ["line"]
    readonly_fields = ["line", "note", "created_at"]
    fields = ["line", "note", "created_at", "resolved_at"]
    actions = ["mark_resolved"]

    def get_ordering(self, request: HttpRequest) -> list:
        return [F("resolved_at").desc(nulls_first=True), "-created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(boolean=True, description="open")
    def is_open(self, report: ProblemReport) -> bool:
        return report.is_open

    @admin.action(description="Mark selected reports resolved")
    def mark_resolved(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.open().update(resolved_at=timezone.now())
        self.message_user(request, f"{count} report(s) marked resolved.", messages.SUCCESS)
