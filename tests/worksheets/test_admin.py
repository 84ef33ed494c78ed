from django.apps import apps
from django.contrib import admin


def test_no_worksheet_model_is_registered_in_the_admin():
    worksheet_models = apps.get_app_config("worksheets").get_models()
    registered = [model for model in worksheet_models if admin.site.is_registered(model)]
    assert registered == []


def test_the_admin_index_shows_no_worksheets(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "worksheets" not in response.content.decode().lower()
