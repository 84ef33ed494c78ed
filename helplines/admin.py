from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, F, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from import_export.admin import ImportExportModelAdmin
from import_export.forms import ExportForm
from modeltranslation.admin import TranslationAdmin

from connectapp.lib.exports import SafeCSV
from connectapp.lib.translation import language_columns

from .cache import helplines_changed
from .forms import CheckedTodayForm, SupportLineAdminForm
from .models import ProblemReport, SupportLine
from .resources import SupportLineResource
from .services import line_checked_today


class VerificationFilter(admin.SimpleListFilter):
    title = gettext_lazy("evidence")
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [
            ("stale", _("Over two years old, or undated")),
            ("fresh", _("From the last two years")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "fresh":
            return queryset.fresh()
        return queryset


# Translated fields show one box per language; see activities/admin.py for
# why not the tabbed admin.
@admin.register(SupportLine)
class SupportLineAdmin(ImportExportModelAdmin, TranslationAdmin):
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
        "line_name",
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
    search_fields = [
        "name",
        "slug",
        *language_columns(SupportLine, ["description"]),
        "phone",
        "text_number",
        "source_url",
    ]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["created_at", "updated_at"]
    actions = ["mark_closed"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "description"]}),
        (
            gettext_lazy("How to reach it"),
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
        (gettext_lazy("Who it serves"), {"fields": ["region", "who_may_call", "restrictions"]}),
        (gettext_lazy("Hours"), {"fields": ["open_24_7", "hours", "time_zone", "hours_note"]}),
        (
            gettext_lazy("Evidence"),
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

    @admin.display(description=gettext_lazy("name"), ordering="name")
    def line_name(self, line: SupportLine) -> str:
        return line.display_name

    @admin.display(description=gettext_lazy("open reports"), ordering="open_report_count")
    def open_reports(self, line: SupportLine) -> int:
        return line.open_report_count

    @admin.display(description=gettext_lazy("re-check"))
    def check_link(self, line: SupportLine) -> str:
        url = reverse("admin:helplines_supportline_checked_today", args=[line.pk])
        return format_html('<a href="{}">{}</a>', url, _("Checked today…"))

    @admin.action(
        description=gettext_lazy("Mark selected lines closed (they stay listed here, never shown)")
    )
    def mark_closed(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.update(status=SupportLine.Status.CLOSED, updated_at=timezone.now())
        helplines_changed()  # update() sends no save signal
        self.message_user(
            request,
            ngettext("%(count)d line marked closed.", "%(count)d lines marked closed.", count)
            % {"count": count},
            messages.SUCCESS,
        )

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
                request,
                _("“%(name)s” is marked as checked today.") % {"name": line.display_name},
                messages.SUCCESS,
            )
            return redirect("admin:helplines_supportline_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "line": line,
            "form": form,
            "open_reports": line.reports.open(),
            "title": _("Checked today: %(name)s") % {"name": line.display_name},
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

    @admin.display(boolean=True, description=gettext_lazy("open"))
    def is_open(self, report: ProblemReport) -> bool:
        return report.is_open

    @admin.action(description=gettext_lazy("Mark selected reports resolved"))
    def mark_resolved(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.open().update(resolved_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d report marked resolved.", "%(count)d reports marked resolved.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )
