import re
from collections import Counter
from datetime import date

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from import_export import fields, resources, widgets
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import JSON
from import_export.forms import ExportForm
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from connectapp.lib.exports import SafeCSV, SafeJSON
from connectapp.lib.translation import SOURCE_LANGUAGE, language_columns, localized, source_columns

from .models import Activity, ActivityLink, ReadyMessage, Tag


class WholeNumberWidget(widgets.Widget):
    """A whole number of zero or more; anything else is an error in words."""

    def clean(self, value, row=None, **kwargs) -> int | None:
        text = str(value if value is not None else "").strip()
        if not text:
            return None
        if not text.isascii() or not text.isdigit():
            raise ValueError(_("“%(value)s” is not a whole number like 5.") % {"value": value})
        return int(text)


class YesNoWidget(widgets.Widget):
    """yes/no, true/false or 1/0 in any case; an empty cell means no.
    Anything else is an error, never a silent "no"."""

    TRUE = {"yes", "true", "1", "y"}
    FALSE = {"no", "false", "0", "n", ""}

    def clean(self, value, row=None, **kwargs) -> bool:
        text = str(value if value is not None else "").strip().lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("“%(value)s” is not yes or no.") % {"value": value})

    def render(self, value, obj=None, **kwargs) -> str:
        return "yes" if value else "no"


class LinesWidget(widgets.Widget):
    """One item per line, in a single CSV cell or JSON string. The resource's
    dehydrate_* methods write them for export; render() writes the import preview."""

    def clean(self, value, row=None, **kwargs) -> list[str]:
        if value is None:
            return []
        return [line.strip() for line in str(value).splitlines() if line.strip()]

    def render(self, value, obj=None, **kwargs) -> str:
        return "\n".join(value or [])


class KindsWidget(LinesWidget):
    """Tag slugs separated by "|". An unknown slug is an error, never skipped quietly."""

    def clean(self, value, row=None, **kwargs) -> list[Tag]:
        slugs = [s.strip() for s in str(value or "").split("|") if s.strip()]
        kinds = {kind.slug: kind for kind in Tag.objects.filter(slug__in=slugs)}
        unknown = [slug for slug in slugs if slug not in kinds]
        if unknown:
            raise ValueError(_("Unknown kind: %(slugs)s.") % {"slugs": ", ".join(unknown)})
        return [kinds[slug] for slug in slugs]

    def render(self, value, obj=None, **kwargs) -> str:
        return "|".join(kind.slug for kind in value or [])


class LinksWidget(LinesWidget):
    """Links as lines of "Label | https://address", optionally followed by
    "| YYYY-MM-DD", the day someone last checked the link."""

    def clean(self, value, row=None, **kwargs) -> list[tuple[str, str, date | None]]:
        links = []
        check_url = URLValidator(schemes=["http", "https"])
        for line in super().clean(value, row, **kwargs):
            parts = [part.strip() for part in line.split("|")]
            if len(parts) not in (2, 3) or not parts[0]:
                raise ValueError(
                    _("“%(line)s” should look like “Label | https://address”.") % {"line": line}
                )
            label, url = parts[:2]
            try:
                check_url(url)
            except ValidationError:
                raise ValueError(_("“%(url)s” is not a web address.") % {"url": url}) from None
            verified_on = None
            if len(parts) == 3 and parts[2]:
                try:
                    verified_on = date.fromisoformat(parts[2])
                except ValueError:
                    raise ValueError(
                        _("“%(day)s” is not a date like 2026-11-26.") % {"day": parts[2]}
                    ) from None
            links.append((label, url, verified_on))
        return links

    def render(self, value, obj=None, **kwargs) -> str:
        return "\n".join(
            " | ".join([label, url, *([day.isoformat()] if day else [])])
            for label, url, day in value or []
        )


class MessagesWidget(LinesWidget):
    def clean(self, value, row=None, **kwargs) -> list[str]:
        lines = super().clean(value, row, **kwargs)
        limit = ReadyMessage._meta.get_field("text").max_length
        for line in lines:
            if len(line) > limit:
                raise ValueError(
                    ngettext(
                        "Each message must be at most %(limit)d character.",
                        "Each message must be at most %(limit)d characters.",
                        limit,
                    )
                    % {"limit": limit}
                )
        return lines


def translations(texts) -> list[str]:
    """Translations of a list in its order, "" where one is missing, with no
    empty lines at the end."""
    lines = [text or "" for text in texts]
    while lines and not lines[-1]:
        lines.pop()
    return lines


class TranslatedLinesWidget(widgets.Widget):
    """The translations of another column's lines (links' labels, messages), one
    per line in the same order. An empty line leaves that one untranslated."""

    def __init__(self, column: str, max_length: int) -> None:
        super().__init__()
        self.column = column
        self.max_length = max_length

    def clean(self, value, row=None, **kwargs) -> list[str]:
        lines = [line.strip() for line in str(value or "").splitlines()]
        while lines and not lines[-1]:
            lines.pop()
        originals = LinesWidget().clean((row or {}).get(self.column))
        if len(lines) > len(originals):
            raise ValueError(
                f"It has {len(lines)} lines but “{self.column}” has {len(originals)}: "
                f"give one line for each, in the same order."
            )
        for line in lines:
            if len(line) > self.max_length:
                raise ValueError(f"Each line must be at most {self.max_length} characters.")
        return lines

    def render(self, value, obj=None, **kwargs) -> str:
        return "\n".join(value or [])


def whole_file_problem(headers: list[str], import_fields: list, dataset) -> str | None:
    """A sentence about what is wrong with the file as a whole, or None."""
    known = [field.column_name for field in import_fields]
    if "slug" not in headers:
        if len(headers) == 1 and any(mark in headers[0] for mark in ";\t"):
            return _(
                "The columns are separated by semicolons or tabs. Save the file as "
                "comma-separated CSV (UTF-8) and upload it again."
            )
        return _(
            "The file has no “slug” column. The first line must name the columns: %(columns)s."
        ) % {"columns": ", ".join(known)}
    unknown = [header for header in headers if header not in known]
    if unknown:
        return _("Unknown columns: %(unknown)s. The columns Connect reads are: %(columns)s.") % {
            "unknown": ", ".join(f"“{header}”" for header in unknown),
            "columns": ", ".join(known),
        }
    counts = Counter(str(slug).strip() for slug in dataset["slug"] if slug)
    repeated = sorted(slug for slug, count in counts.items() if count > 1)
    if repeated:
        return _("Each slug may appear only once in a file. Repeated: %(slugs)s.") % {
            "slugs": ", ".join(repeated)
        }
    return None


class StylelessDiff(resources.Diff):
    """The library's preview diff, minus the inline styles the CSP would block;
    the admin's stylesheet colours <ins> and <del> instead."""

    def as_html(self) -> list[str]:
        # The library builds this HTML with diff-match-patch, which escapes the
        # compared values; only its own style attributes are removed here.
        return [
            mark_safe(INLINE_STYLE.sub("", html))  # noqa: S308  # nosec B308 B703
            for html in super().as_html()
        ]


INLINE_STYLE = re.compile(r' style="[^"]*"')


class ActivityResource(resources.ModelResource):
    """CSV and JSON import and export of the catalogue, matched on the slug.

    Every row is validated, and the import runs in one transaction: if any row
    is bad, nothing is imported, and the admin lists each bad row.
    """

    order = fields.Field(attribute="order", column_name="order", widget=WholeNumberWidget())
    links_to_helplines = fields.Field(
        attribute="links_to_helplines", column_name="links_to_helplines", widget=YesNoWidget()
    )
    kinds = fields.Field(attribute="_import_kinds", column_name="kinds", widget=KindsWidget())
    links = fields.Field(attribute="_import_links", column_name="links", widget=LinksWidget())
    messages = fields.Field(
        attribute="_import_messages", column_name="messages", widget=MessagesWidget()
    )
    links_es = fields.Field(
        attribute="_import_links_es",
        column_name="links_es",
        widget=TranslatedLinesWidget("links", ActivityLink._meta.get_field("label").max_length),
    )
    messages_es = fields.Field(
        attribute="_import_messages_es",
        column_name="messages_es",
        widget=TranslatedLinesWidget("messages", ReadyMessage._meta.get_field("text").max_length),
    )

    class Meta:
        model = Activity
        import_id_fields = ["slug"]
        # Translated fields have a column per language (title_en, title_es).
        fields = [
            "slug",
            *language_columns(Activity, ["title", "summary", "body", "first_step", "why_it_helps"]),
            "setting",
            "effort",
            "kinds",
            *language_columns(Activity, ["keywords"]),
            "status",
            "order",
            "source_note",
            "links_to_helplines",
            "links",
            "links_es",
            "messages",
            "messages_es",
        ]
        clean_model_instances = True
        use_transactions = True

    def get_queryset(self) -> QuerySet:
        return Activity.objects.prefetch_related("kinds", "links", "messages")

    def get_diff_class(self) -> type:
        return StylelessDiff

    def import_instance(self, instance: Activity, row, **kwargs) -> None:
        # Name each problem by its column in the file, not by the attribute it fills.
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            columns = {field.attribute: field.column_name for field in self.get_import_fields()}
            # A translated field's own errors ("title") are about its English column.
            columns |= {
                name: localized(name, SOURCE_LANGUAGE)
                for name in ["title", "summary", "body", "first_step", "why_it_helps", "keywords"]
            }
            raise ValidationError(
                {columns.get(name, name): errors for name, errors in error.error_dict.items()}
            ) from None

    def before_import(self, dataset, **kwargs) -> None:
        """Checks that concern the whole file. A problem here empties the dataset,
        so the admin sees one clear message instead of an error on every row."""
        headers = [str(header or "").strip() for header in dataset.headers or []]
        # A file from before Spanish: its "title" column is the English title.
        headers = source_columns(Activity, headers)
        if dataset.headers:
            dataset.headers = headers
        problem = whole_file_problem(headers, self.get_import_fields(), dataset)
        if problem:
            dataset.wipe()
            raise ValueError(problem)

    def after_init_instance(self, instance: Activity, new: bool, row, **kwargs) -> None:
        # The preview compares an activity's kinds, links and messages before and
        # after the import, so read the stored ones into the import attributes.
        if new:
            return
        instance._import_kinds = list(instance.kinds.all())
        # By language, whichever language the admin reads the site in.
        instance._import_links = [
            (link.label_en, link.url, link.verified_on) for link in instance.links.all()
        ]
        instance._import_messages = [message.text_en for message in instance.messages.all()]
        instance._import_links_es = translations(link.label_es for link in instance.links.all())
        instance._import_messages_es = translations(
            message.text_es for message in instance.messages.all()
        )

    def dehydrate_kinds(self, activity: Activity) -> str:
        return "|".join(kind.slug for kind in activity.kinds.all())

    def dehydrate_links(self, activity: Activity) -> str:
        return "\n".join(
            " | ".join(
                [
                    link.label_en,
                    link.url,
                    *([link.verified_on.isoformat()] if link.verified_on else []),
                ]
            )
            for link in activity.links.all()
        )

    def dehydrate_messages(self, activity: Activity) -> str:
        return "\n".join(message.text_en for message in activity.messages.all())

    def dehydrate_links_es(self, activity: Activity) -> str:
        return "\n".join(translations(link.label_es for link in activity.links.all()))

    def dehydrate_messages_es(self, activity: Activity) -> str:
        return "\n".join(translations(message.text_es for message in activity.messages.all()))

    def before_save_instance(self, instance: Activity, row, **kwargs) -> None:
        user = kwargs.get("user")
        if user is not None and user.is_authenticated:
            instance.updated_by = user

    def after_save_instance(self, instance: Activity, row, **kwargs) -> None:
        instance.kinds.set(getattr(instance, "_import_kinds", []))
        instance.links.all().delete()
        labels_es = getattr(instance, "_import_links_es", [])
        ActivityLink.objects.bulk_create(
            ActivityLink(
                activity=instance,
                label_en=label,
                label_es=labels_es[i] if i < len(labels_es) else "",
                url=url,
                verified_on=day,
                order=i,
            )
            for i, (label, url, day) in enumerate(getattr(instance, "_import_links", []))
        )
        instance.messages.all().delete()
        texts_es = getattr(instance, "_import_messages_es", [])
        ReadyMessage.objects.bulk_create(
            ReadyMessage(
                activity=instance,
                text_en=text,
                text_es=texts_es[i] if i < len(texts_es) else "",
                order=i,
            )
            for i, text in enumerate(getattr(instance, "_import_messages", []))
        )


def import_numbering(request: HttpRequest, formats: list) -> dict:
    """How the import pages name a row: "Line 2" in a CSV file, as the helplines
    import does (line 1 is the header), and "Item 1" in a JSON list. The
    message after a failed confirm uses the lower-case `places_word`."""
    chosen = request.POST.get("format", "")
    index = int(chosen) if chosen.isascii() and chosen.isdigit() else len(formats)
    is_json = index < len(formats) and issubclass(formats[index], JSON)
    if is_json:
        return {"row_word": _("Item"), "row_offset": 0, "is_json": True}
    return {"row_word": _("Line"), "row_offset": 1, "is_json": False}


# Stacked, not tabular: Django's tabular inline starts each row with an empty
# header cell, which screen readers (and axe) report as a header with no name.
# Translated fields show one box per language ("label [en]", "label [es]").
class ActivityLinkInline(TranslationStackedInline):
    model = ActivityLink
    extra = 0
    fields = ["label", "url", "verified_on", "order"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class ReadyMessageInline(TranslationStackedInline):
    model = ReadyMessage
    extra = 0
    fields = ["text", "order"]


def labelled_list_form(form_class: type) -> type:
    """A changelist form whose editable fields each name their row, such as
    "Order of Visit a dog park", for screen readers: the list has no <label>s."""

    class LabelledForm(form_class):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            for field in self.fields.values():
                if self.instance.pk and not field.widget.is_hidden:
                    field.widget.attrs["aria-label"] = _("%(field)s of %(row)s") % {
                        "field": field.label,
                        "row": self.instance,
                    }

    return LabelledForm


@admin.register(Tag)
class KindAdmin(TranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = [*language_columns(Tag, ["name"]), "slug"]

    def get_changelist_form(self, request: HttpRequest, **kwargs) -> type:
        return labelled_list_form(super().get_changelist_form(request, **kwargs))


# TranslationAdmin, not the tabbed one: its tabs need jQuery UI from a CDN,
# which the CSP blocks. Each language has its own labelled box instead.
@admin.register(Activity)
class ActivityAdmin(ImportExportModelAdmin, TranslationAdmin):
    resource_classes = [ActivityResource]
    formats = [SafeCSV, SafeJSON]
    # Export every field, so a file can be imported back as it is. The field
    # picker's template uses inline styles and handlers, which the CSP blocks.
    export_form_class = ExportForm
    import_template_name = "admin/activities/activity/import.html"
    # The columns admins sort and edit by, in one screen at 1280 px. Who changed
    # an activity and when are on its page and in its history.
    list_display = ["title", "quadrant", "kind_names", "status", "order", "preview_link"]
    list_editable = ["status", "order"]
    list_filter = ["setting", "effort", "kinds", "status"]
    search_fields = [
        *language_columns(Activity, ["title"]),
        "slug",
        *language_columns(Activity, ["summary", "body", "keywords"]),
    ]
    prepopulated_fields = {"slug": ["title"]}
    # A few kinds, as plain checkboxes: the two-box picker's search icon carries
    # an aria-label that its role does not allow.
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    readonly_fields = ["preview_link", "created_at", "updated_at", "updated_by"]
    inlines = [ActivityLinkInline, ReadyMessageInline]
    actions = ["publish", "unpublish", "approve"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "order", "preview_link"]}),
        (gettext_lazy("Where it fits"), {"fields": ["setting", "effort", "kinds", "keywords"]}),
        (
            gettext_lazy("What members read"),
            {"fields": ["summary", "first_step", "body", "why_it_helps", "links_to_helplines"]},
        ),
        (
            gettext_lazy("Curation"),
            {"fields": ["source_note", "created_at", "updated_at", "updated_by"]},
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("kinds")

    def get_changelist_form(self, request: HttpRequest, **kwargs) -> type:
        return labelled_list_form(super().get_changelist_form(request, **kwargs))

    @admin.display(description=gettext_lazy("where it fits"), ordering="setting")
    def quadrant(self, activity: Activity) -> str:
        return activity.quadrant_label

    @admin.display(description=gettext_lazy("kinds"))
    def kind_names(self, activity: Activity) -> str:
        return ", ".join(kind.name for kind in activity.kinds.all())

    @admin.display(description=gettext_lazy("preview"))
    def preview_link(self, activity: Activity) -> str:
        if not activity.pk:
            return _("Save first to preview.")
        return format_html(
            '<a href="{}">{}</a>',
            reverse("activities:preview", args=[activity.pk]),
            _("See it as members will"),
        )

    def get_import_data_kwargs(self, **kwargs) -> dict:
        # The confirm step imports for real. If the data no longer validates (a kind
        # was deleted since the preview, say), undo every row rather than skip some.
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def import_action(self, request: HttpRequest, **kwargs) -> HttpResponse:
        response = super().import_action(request, **kwargs)
        if isinstance(response, TemplateResponse):
            response.context_data.update(import_numbering(request, self.get_import_formats()))
        return response

    def process_result(self, result, request: HttpRequest) -> HttpResponse:
        if not (result.has_errors() or result.has_validation_errors()):
            return super().process_result(result, request)
        numbering = import_numbering(request, self.get_import_formats())
        word, offset = numbering["row_word"].lower(), numbering["row_offset"]
        numbers = [number for number, _errors in result.row_errors()]
        numbers += [row.number for row in result.invalid_rows]
        places = ", ".join(f"{word} {number + offset}" for number in sorted(set(numbers)))
        self.message_user(
            request,
            _(
                "Nothing was imported: %(places)s no longer passed the checks. "
                "Upload the file again to see the details."
            )
            % {"places": places or _("the file")},
            messages.ERROR,
        )
        return redirect("admin:activities_activity_import")

    def save_model(self, request: HttpRequest, obj: Activity, form, change: bool) -> None:
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def _set_status(
        self, request: HttpRequest, queryset: QuerySet, status: str, log_message: str
    ) -> int:
        """Give each activity of `queryset` the status; the number changed."""
        changed = 0
        for activity in queryset.exclude(status=status):
            activity.status = status
            activity.updated_by = request.user
            activity.save(update_fields=["status", "updated_by", "updated_at"])
            self.log_change(request, activity, log_message)
            changed += 1
        return changed

    @admin.action(description=gettext_lazy("Publish the selected activities"))
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = self._set_status(
            request, queryset, Activity.Status.PUBLISHED, _("Published (bulk action).")
        )
        self.message_user(
            request,
            ngettext("Published: %(count)d activity.", "Published: %(count)d activities.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=gettext_lazy("Unpublish the selected activities (back to draft)"))
    def unpublish(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = self._set_status(
            request, queryset, Activity.Status.DRAFT, _("Unpublished (bulk action).")
        )
        self.message_user(
            request,
            ngettext(
                "Unpublished: %(count)d activity.", "Unpublished: %(count)d activities.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=gettext_lazy("Approve the selected member suggestions as drafts"))
    def approve(self, request: HttpRequest, queryset: QuerySet) -> None:
        """An approved suggestion becomes a draft, which an admin completes (summary,
        body, kinds) and then publishes: members never see it half-written."""
        count = self._set_status(
            request,
            queryset.filter(status=Activity.Status.SUGGESTED),
            Activity.Status.DRAFT,
            _("Approved as a draft (bulk action)."),
        )
        self.message_user(
            request,
            ngettext(
                "Approved as a draft: %(count)d activity.",
                "Approved as drafts: %(count)d activities.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
        self.message_user(
            request,
            _("Complete each draft (its summary, body and kinds), then publish it."),
            messages.INFO,
        )
