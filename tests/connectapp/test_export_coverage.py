"""The data download covers every link a model keeps to a person.

Each foreign key, one-to-one or many-to-many field that points at the user
model must be listed in connectapp/services.py: in USER_LINKS_EXPORTED with
the path where the download holds it, or in USER_LINKS_ELSEWHERE with the
reason it is left out. A new model with a user link fails here until someone
decides which.
"""

import json
import uuid

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from accounts.templatetags.account_data import DATA_LABELS, HIDDEN_IN_PRINT
from activities.models import ReminderSettings
from activities.services import start_save, suggestion_create
from connectapp.services import USER_LINKS_ELSEWHERE, user_links_exported
from tests.conftest import sign_in
from tests.factories import (
    PASSWORD,
    make_comment,
    make_log,
    make_plan,
    make_recommendation,
    make_relationship,
    make_safety_plan,
    make_security_check,
    make_share,
    make_statement,
    make_test_drive,
    make_unsaved_edit,
)
from worksheets.services import access_log_record, client_label_set, trusted_link_create

HOW_TO_ADD = """\
{link} points at the user model, but the data download does not say whether it
covers it. Either:

  1. export it: in the `member_data_export(*, owner)` of {app}/services.py (or,
     for a clinician's or admin's own work, a function in CLINICIAN_DATA in
     connectapp/services.py), add the records to the download, then map the
     link to where they are in USER_LINKS_EXPORTED in connectapp/services.py:

         "{link}": "{app}.<key of its list>",

     and give the `everyone` fixture in tests/connectapp/test_export_coverage.py
     one such record, so this test sees it in a real download; or

  2. leave it out on purpose: add it to USER_LINKS_ELSEWHERE in
     connectapp/services.py with the reason (for example, that another export
     already holds it, or that it records site work rather than the person):

         "{link}": "Why the download leaves it out.",

A worksheet kind registered in worksheets/kinds.py is exported (and listed)
by the registry already: only its other user links need an entry.
"""


def user_links() -> list[str]:
    """Every "app_label.Model.field" that points straight at the user model."""
    user_model = get_user_model()
    return sorted(
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields(include_parents=False)
        if field.concrete and field.is_relation and field.related_model is user_model
    )


def test_every_user_link_is_exported_or_explained():
    exported = user_links_exported()
    both = sorted(set(exported) & set(USER_LINKS_ELSEWHERE))
    assert not both, f"Listed as both exported and left out: {both}"
    missing = [
        link for link in user_links() if link not in exported and link not in USER_LINKS_ELSEWHERE
    ]
    assert not missing, "\n".join(
        HOW_TO_ADD.format(link=link, app=link.split(".")[0]) for link in missing
    )


def test_no_listed_link_is_stale():
    links = set(user_links())
    stale = sorted((set(user_links_exported()) | set(USER_LINKS_ELSEWHERE)) - links)
    assert not stale, (
        f"These are listed in connectapp/services.py but no model has them any more: {stale}. "
        "Remove them from USER_LINKS_EXPORTED or USER_LINKS_ELSEWHERE."
    )


def test_every_reason_is_written_out():
    for link, reason in USER_LINKS_ELSEWHERE.items():
        assert len(reason.split()) >= 5, f"Say why the download leaves out {link}."


def resolve(data, path: list[str]):
    """The values at `path`, stepping into every item of a list."""
    if not path:
        return [data]
    if isinstance(data, list):
        return [value for item in data for value in resolve(item, path)]
    if isinstance(data, dict) and path[0] in data:
        return resolve(data[path[0]], path[1:])
    return []


def download(user) -> dict:
    client = sign_in(Client(), user)
    client.get("/")  # a signed-in device to list
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302
    return json.loads(client.get(reverse("accounts:data-download")).content)


@pytest.fixture
def everyone(member, clinician):
    """A member and a clinician with one record behind every user link."""
    statement = make_statement(member, title="Mine")
    relationship = make_relationship(member, name="Sam")
    make_security_check(relationship)
    make_test_drive(relationship)
    make_unsaved_edit(statement)
    plan = make_plan(owner=member)
    make_log(owner=member)
    start_save(owner=member, activity=plan.activity, mood_before=3)
    suggestion_create(
        owner=member,
        submission=uuid.uuid4(),
        title="Walk",
        description="A walk.",
        setting="out",
        effort="low",
    )
    ReminderSettings.objects.create(owner=member)
    RecoveryCodes.activate(member)
    make_share(member, clinician, statements=[statement])
    make_comment(statement, clinician)
    make_recommendation(owner=member, clinician=clinician)
    access_log_record(reader=clinician, worksheet=statement, kind="page")
    make_safety_plan(member)
    client_label_set(clinician=clinician, member=member, label="Tuesday group")
    trusted_link_create(
        owner=member,
        worksheet=statement,
        recipient="My sister",
        duration_days=7,
        token=uuid.uuid4(),
    )
    return member, clinician


def test_every_exported_link_is_in_a_real_download(everyone):
    exports = [download(user) for user in everyone]
    empty = []
    for link, path in sorted(user_links_exported().items()):
        values = [value for data in exports for value in resolve(data, path.split("."))]
        if not any(value not in (None, [], {}) for value in values):
            empty.append(f"{link} -> {path}")
    assert not empty, (
        "USER_LINKS_EXPORTED in connectapp/services.py points at parts of the download "
        "that are missing or empty even though the `everyone` fixture in "
        "tests/connectapp/test_export_coverage.py has data for each:\n  "
        + "\n  ".join(empty)
        + "\nFix the path, export the records, or give the fixture one such record."
    )


def keys_of(data) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {key for value in data.values() for key in keys_of(value)}
    if isinstance(data, list):
        return {key for value in data for key in keys_of(value)}
    return set()


def test_the_printable_copy_labels_every_key(everyone):
    keys = set().union(*(keys_of(download(user)) for user in everyone))
    # Keys that are labels already ("Consistency") start with a capital.
    unlabelled = sorted(
        key for key in keys - HIDDEN_IN_PRINT if key not in DATA_LABELS and not key[:1].isupper()
    )
    assert not unlabelled, (
        f"The printable copy would show these keys as they are: {unlabelled}. Add each to "
        "DATA_LABELS in accounts/templatetags/account_data.py with the label the rest of "
        "the site uses (marked for translation), or to HIDDEN_IN_PRINT if it means nothing "
        "to a reader."
    )
