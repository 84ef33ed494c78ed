"""CSV import and export of the helpline directory (django-import-export).

The column format is documented in docs/helplines.md. An import is all or
nothing: any bad row rolls the whole file back, and the admin lists every
error with its line.
"""

from collections import Counter

from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from connectapp.lib.translation import language_columns, source_columns

from .hours import format_hours, parse_hours
from .models import SupportLine


class StrictBooleanWidget(widgets.Widget):
    """yes/no, true/false or 1/0 in any case; an empty cell takes the default.
    Anything else is an error, never a silent False."""

    TRUE = {"yes", "true", "1", "y"}
    FALSE = {"no", "false", "0", "n"}

    def __init__(self, default: bool) -> None:
        super().__init__()
        self.default = default

    def clean(self, value, row=None, **kwargs) -> bool:
        text = str(value if value is not None else "").strip().lower()
        if not text:
            return self.default
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("“%(value)s” is not yes or no.") % {"value": value})

    def render(self, value, obj=None, **kwargs) -> str:
        return "yes" if value else "no"


class HoursWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs) -> list[dict]:
        return parse_hours(str(value or ""))

    def render(self, value, obj=None, **kwargs) -> str:
        return format_hours(value or [])


class IsoDateWidget(widgets.DateWidget):
    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except ValueError as error:
            raise ValueError(
                _("“%(value)s” is not a date. Write it as YYYY-MM-DD, like 2026-11-26.")
                % {"value": value}
            ) from error


class DefaultChoiceWidget(widgets.CharWidget):
    """An empty cell takes the model's default; anything else is checked by the model."""

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def clean(self, value, row=None, **kwargs) -> str:
        return str(value or "").strip().lower() or self.default


class OptionalIsoDateWidget(widgets.DateWidget):
    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")

    def clean(self, value, row=None, **kwargs):
        if not str(value or "").strip():
            return None
        return IsoDateWidget().clean(value, row, **kwargs)


class UpperCaseWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs) -> str:
        return str(value or "").strip().upper()


def _column(attribute: str, widget: widgets.Widget | None = None) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=attribute, widget=widget)


class SupportLineResource(resources.ModelResource):
    region = _column("region", UpperCaseWidget())
    who_may_call = _column("who_may_call", DefaultChoiceWidget(SupportLine.Callers.STATE))
    open_24_7 = _column("open_24_7", StrictBooleanWidget(default=False))
    hours = _column("hours", HoursWidget())
    status = _column("status", DefaultChoiceWidget(SupportLine.Status.NEEDS_CHECKING))
    source_kind = _column("source_kind", DefaultChoiceWidget(""))
    source_date = _column("source_date", OptionalIsoDateWidget())
    verified_on = _column("verified_on", IsoDateWidget())

    class Meta:
        model = SupportLine
        # Translated fields have a column per language (description_en, description_es).
        fields = language_columns(SupportLine, SupportLine.CURATED_FIELDS)
        import_id_fields = ("slug",)
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def import_data(self, dataset, *args, **kwargs):
        # Any invalid row rolls back the whole file, not just that row.
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, *args, **kwargs)

    def before_import(self, dataset, **kwargs) -> None:
        if not dataset.headers:
            return
        # A file from before Spanish: its "description" column is the English one.
        dataset.headers = source_columns(
            SupportLine, [str(h or "").strip() for h in dataset.headers]
        )
        if "slug" not in dataset.headers:
            return
        counts = Counter(str(slug).strip() for slug in dataset["slug"] if slug)
        repeated = sorted(slug for slug, count in counts.items() if count > 1)
        if repeated:
            raise ValueError(
                _("Each slug may appear only once in a file. Repeated: %(slugs)s.")
                % {"slugs": ", ".join(repeated)}
            )
