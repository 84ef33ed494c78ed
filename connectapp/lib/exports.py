"""Admin export formats that are safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return)
runs as a formula in Excel, LibreOffice and Google Sheets. Members write some
of the text that admins export (a suggested activity's title, for instance),
so every CSV export puts a `'` before such a cell, which spreadsheets show as
plain text. django-import-export calls `_escape_formulae` on every export
when `IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT` is on; its own version only
drops one leading `=` and turns every value into a string, so these formats
replace it.
"""

from typing import Any

from import_export.formats.base_formats import CSV, JSON

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCSV(CSV):
    def _escape_formulae(self, dataset) -> None:
        for _ in range(len(dataset)):
            row = dataset.lpop()
            dataset.append([escape_formula(cell) for cell in row])


class SafeJSON(JSON):
    def _escape_formulae(self, dataset) -> None:
        """JSON is read by programs, not spreadsheets: values stay exact."""
