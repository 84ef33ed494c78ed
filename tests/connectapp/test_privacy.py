"""The privacy notice's data table covers every model that holds a link to a person."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import escape

from connectapp.privacy import data_kinds, listed_models, session_lifetime

HOW_TO_ADD = """\
{label} links to the user model ({fields}) but the privacy notice does not say
what it holds, who sees it or how long it is kept. Add an entry to the list in
`data_kinds()` in connectapp/privacy.py, for example:

    DataKind(
        name="...",                 # what a person would call it
        models=("{label}",),
        what="...",                 # what it holds, in plain words
        who_sees="...",             # the person, a clinician?, admins?
        kept="...",                 # only what the code removes, and when
    ),

or add "{label}" to the `models` of an existing entry that already describes it.
"""


def models_linking_to_the_user() -> dict[str, list[str]]:
    """Each model with a foreign key, one-to-one or many-to-many field that
    points straight at the user model, and those fields' names."""
    user_model = get_user_model()
    found: dict[str, list[str]] = {}
    for model in apps.get_models():
        if model is user_model:
            found[model._meta.label] = ["(the user model itself)"]
            continue
        fields = [
            field.name
            for field in model._meta.get_fields(include_parents=False)
            if field.concrete and field.is_relation and field.related_model is user_model
        ]
        if fields:
            found[model._meta.label] = fields
    return found


def unlisted_message(listed: set[str]) -> str:
    """What to add, for every model linked to the user that `listed` lacks."""
    missing = {
        label: fields
        for label, fields in sorted(models_linking_to_the_user().items())
        if label not in listed
    }
    return "\n".join(
        HOW_TO_ADD.format(label=label, fields=", ".join(fields))
        for label, fields in missing.items()
    )


def test_every_model_linked_to_a_person_is_in_the_privacy_notice():
    message = unlisted_message(listed_models())
    assert not message, message


def test_the_privacy_notice_lists_no_model_that_does_not_exist():
    existing = {model._meta.label for model in apps.get_models()}
    stale = sorted(listed_models() - existing)
    assert not stale, (
        f"connectapp/privacy.py lists {stale}, which no longer exist. Remove them from "
        "the `models` of their entries in `data_kinds()`."
    )


def test_a_new_linked_model_is_reported_with_what_to_add():
    message = unlisted_message(listed_models() - {"activities.Plan"})
    assert "activities.Plan links to the user model (owner)" in message
    assert 'models=("activities.Plan",)' in message
    assert "connectapp/privacy.py" in message


def test_every_entry_says_what_who_and_how_long():
    for kind in data_kinds():
        assert kind.name and kind.what and kind.who_sees and kind.kept, kind


@pytest.mark.django_db
def test_the_notice_shows_every_entry_of_the_table(client):
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    html = response.content.decode()
    for kind in data_kinds():
        for text in (kind.name, kind.what, kind.who_sees, kind.kept):
            assert escape(text) in html, text


@pytest.mark.django_db
def test_the_notice_follows_the_session_setting(client, settings):
    settings.SESSION_COOKIE_AGE = 60 * 60 * 2
    assert session_lifetime() == "2 hours"
    assert "2 hours" in client.get(reverse("privacy")).content.decode()
