"""Model and field labels people read (admin forms, change lists, filters,
error messages) come from the catalogue, so they show in Spanish too.

A label Django makes from a name ("order", "support line") is a plain
string that never translates; an explicit `gettext_lazy` one is a lazy
proxy. django-modeltranslation's `title_en`/`title_es` labels are built from
the field's own label, so that field is the one checked.
"""

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from modeltranslation.fields import TranslationField

from activities.models import Activity
from helplines.models import SupportLine
from tests.conftest import sign_in
from tests.factories import make_admin

from .test_spanish_pages import SPANISH

CONNECT_APPS = ["accounts", "activities", "helplines", "worksheets", "connectapp"]


def connect_models() -> list[type[models.Model]]:
    return [
        model
        for app in apps.get_app_configs()
        if app.label in CONNECT_APPS
        for model in app.get_models()
    ]


def labelled_fields(model: type[models.Model]) -> list[models.Field]:
    """Every stored field of the model that Django did not add by itself (the
    `id`, a parent link), including the ones admins only read."""
    return [
        field.translated_field if isinstance(field, TranslationField) else field
        for field in model._meta.get_fields()
        if field.concrete and not field.auto_created
    ]


def test_it_walks_every_connect_app():
    labels = {model._meta.app_label for model in connect_models()}
    assert {"accounts", "activities", "helplines", "worksheets"} <= labels


@pytest.mark.parametrize("model", connect_models(), ids=lambda model: model.__name__)
def test_model_names_are_translatable(model):
    # An unset verbose_name_plural is format_lazy("{}s", ...): lazy, yet never
    # translated as a whole, so both must be given in Meta.
    given = model._meta.original_attrs
    for option in ("verbose_name", "verbose_name_plural"):
        assert option in given, f"{model.__name__} has no Meta.{option}"
        assert isinstance(given[option], Promise), f"{model.__name__}.{option} stays English"


@pytest.mark.parametrize("model", connect_models(), ids=lambda model: model.__name__)
def test_field_labels_are_translatable(model):
    english = [
        field.name
        for field in labelled_fields(model)
        if not isinstance(field.verbose_name, Promise)
    ]
    assert english == [], f"{model.__name__}: these fields' labels stay English"


def test_labels_show_in_spanish():
    with translation.override("es"):
        assert str(Activity._meta.verbose_name_plural) == "actividades"
        assert str(Activity._meta.get_field("order").verbose_name) == "orden"
        assert str(SupportLine._meta.verbose_name) == "línea de ayuda"
        # modeltranslation's per-language labels follow the field's own.
        assert str(Activity._meta.get_field("title_es").verbose_name) == "título (español)"


@pytest.mark.django_db
def test_admin_forms_and_lists_use_the_spanish_labels():
    client = Client(headers=SPANISH)
    sign_in(client, make_admin())

    add_tag = client.get(reverse("admin:activities_tag_add")).content.decode()
    assert "Añadir tipo" in add_tag
    assert ">Orden:<" in add_tag and ">Order:<" not in add_tag

    lines = client.get(reverse("admin:helplines_supportline_changelist")).content.decode()
    assert "Líneas de ayuda" in lines
    assert "Support lines" not in lines
