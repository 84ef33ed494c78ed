"""An admin import works when preview and confirm reach different app servers.

Between the two steps, django-import-export keeps the uploaded file in the
Django cache, which every app server shares (Redis in production), instead
of in one server's temp folder. Here each step runs with its own temp
folder, as two servers would have."""

import tempfile

import pytest
from django.conf import settings

from activities.models import Activity
from tests.activities.test_admin import HEADER, confirm, csv_row, upload
from tests.factories import make_kind

pytestmark = pytest.mark.django_db


def test_the_uploaded_file_is_kept_in_the_shared_cache():
    assert settings.IMPORT_EXPORT_TMP_STORAGE_CLASS == "import_export.tmp_storages.CacheStorage"


def test_confirm_on_another_server_imports_the_file(admin_client, monkeypatch, tmp_path):
    make_kind(slug="online")
    first, second = tmp_path / "server-1", tmp_path / "server-2"
    first.mkdir()
    second.mkdir()

    monkeypatch.setattr(tempfile, "tempdir", str(first))
    preview = upload(admin_client, f"{HEADER}\n{csv_row('on-two-servers')}\n")
    assert preview.status_code == 200
    assert not list(first.iterdir())

    monkeypatch.setattr(tempfile, "tempdir", str(second))
    response = confirm(admin_client, preview)
    assert response.status_code == 302
    assert Activity.objects.filter(slug="on-two-servers").exists()
