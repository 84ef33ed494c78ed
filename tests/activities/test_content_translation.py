"""Catalogue content in English and Spanish: fallback, the admins' note,
search, the API, the cache, the admin form, CSV files and the starter loader."""

import csv
import io
import uuid

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from tablib import Dataset

from activities import starter_es
from activities.admin import ActivityResource
from activities.models import Activity, ActivityLink, ReadyMessage, Tag
from activities.services import suggestion_create
from activities.starter import STARTER_ACTIVITIES
from tests.activities.admin_forms import activity_change_data
from tests.factories import make_activity, make_kind

pytestmark = pytest.mark.django_db

LIST_URL = reverse("activities:list")
API_URL = reverse("activities_api:list")
SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}
NOTE_ES = "Sin traducción al español todavía"
LIST_NOTE_ES = "no tienen traducción al español todavía"


def spanish_activity(**fields) -> Activity:
    return make_activity(
        title="Call a friend",
        title_es="Llama a una amistad",
        summary="Five minutes is plenty.",
        summary_es="Cinco minutos bastan.",
        body="Pick **one** person.",
        body_es="Elige a **una** persona.",
        **fields,
    )


# Fallback and the admins' note


def test_spanish_readers_get_the_spanish_text(client):
    activity = spanish_activity()
    html = client.get(activity.get_absolute_url(), **SPANISH).content.decode()
    assert "Llama a una amistad" in html
    assert "Elige a <strong>una</strong> persona." in html
    assert "Call a friend" not in html
    english = client.get(activity.get_absolute_url()).content.decode()
    assert "Pick <strong>one</strong> person." in english
    assert "Llama a una amistad" not in english


def test_missing_spanish_shows_the_english(client):
    activity = make_activity(title="Sit in a park", body="Bring a *book*.")
    html = client.get(activity.get_absolute_url(), **SPANISH).content.decode()
    assert "Sit in a park" in html
    assert "Bring a <em>book</em>." in html


def test_only_admins_see_the_note_about_missing_spanish(client, member_client, admin_client):
    activity = make_activity(title="Sit in a park")
    url = activity.get_absolute_url()
    assert NOTE_ES in admin_client.get(url, **SPANISH).content.decode()
    # The member's and the visitor's pages come from the same cached fragment.
    assert NOTE_ES not in member_client.get(url, **SPANISH).content.decode()
    assert NOTE_ES not in client.get(url, **SPANISH).content.decode()
    assert LIST_NOTE_ES in admin_client.get(LIST_URL, **SPANISH).content.decode()
    assert LIST_NOTE_ES not in member_client.get(LIST_URL, **SPANISH).content.decode()
    assert LIST_NOTE_ES not in client.get(LIST_URL, **SPANISH).content.decode()


def test_admins_see_no_note_when_everything_is_translated(admin_client):
    activity = spanish_activity(first_step="Text them.", first_step_es="Escríbele.")
    activity.messages.create(text_en="Hi!", text_es="¡Hola!")
    url = activity.get_absolute_url()
    assert NOTE_ES not in admin_client.get(url, **SPANISH).content.decode()
    assert LIST_NOTE_ES not in admin_client.get(LIST_URL, **SPANISH).content.decode()
    # Nor in English, where nothing falls back.
    make_activity(title="Sit in a park")
    html = admin_client.get(LIST_URL).content.decode()
    assert "Only admins see this note" not in html


def test_an_untranslated_message_earns_the_admins_note(admin_client):
    activity = spanish_activity()
    activity.messages.create(text_en="Hi!")
    assert NOTE_ES in admin_client.get(activity.get_absolute_url(), **SPANISH).content.decode()


def test_each_language_body_is_rendered_into_its_own_html():
    activity = spanish_activity()
    assert activity.body_html_en == "<p>Pick <strong>one</strong> person.</p>"
    assert activity.body_html_es == "<p>Elige a <strong>una</strong> persona.</p>"
    activity.body_es = "Nada de <script>x</script>"
    activity.save(update_fields=["body_es"])
    activity.refresh_from_db()
    assert "<script>" not in activity.body_html_es
    assert activity.body_html_en == "<p>Pick <strong>one</strong> person.</p>"


def test_saving_a_translated_field_by_name_saves_every_language():
    activity = spanish_activity()
    activity.title_en, activity.title_es = "New", "Nuevo"
    activity.save(update_fields=["title"])
    activity.refresh_from_db()
    assert (activity.title_en, activity.title_es) == ("New", "Nuevo")


def test_tag_names_fall_back_too(client):
    activity = make_activity(
        kinds=(make_kind(slug="online", name="Online"), make_kind(slug="walks", name="Walks"))
    )
    Tag.objects.filter(slug="online").update(name_es="En línea")
    html = client.get(activity.get_absolute_url(), **SPANISH).content.decode()
    assert "En línea" in html
    assert "Walks" in html


# Search, filters and the API


@pytest.mark.parametrize("language", ["en", "es"])
def test_search_finds_either_language(client, language):
    spanish_activity(slug="call")
    make_activity(title="Sit in a park", slug="park")
    for words in ("amistad", "friend", "Cinco minutos"):
        response = client.get(API_URL, {"q": words}, HTTP_ACCEPT_LANGUAGE=language)
        assert [item["slug"] for item in response.json()["results"]] == ["call"], words


def test_filters_still_narrow_a_spanish_search(client):
    spanish_activity(slug="call", setting="home")
    response = client.get(API_URL, {"q": "amistad", "setting": "out"}, **SPANISH)
    assert response.json()["count"] == 0


def test_the_api_speaks_the_requested_language_with_english_fallback(client):
    spanish_activity(slug="call", order=1)
    make_activity(title="Sit in a park", slug="park", order=2)
    results = client.get(API_URL, **SPANISH).json()["results"]
    assert [(item["title"], item["summary"]) for item in results] == [
        ("Llama a una amistad", "Cinco minutos bastan."),
        ("Sit in a park", results[1]["summary"]),
    ]
    english = client.get(API_URL, HTTP_ACCEPT_LANGUAGE="en").json()["results"]
    assert english[0]["title"] == "Call a friend"


# The cache


@pytest.mark.usefixtures("memory_cache")
def test_spanish_and_english_catalogue_pages_do_not_share_a_fragment(client):
    spanish_activity()
    assert "Call a friend" in client.get(LIST_URL).content.decode()
    spanish = client.get(LIST_URL, **SPANISH).content.decode()
    assert "Llama a una amistad" in spanish
    assert "Call a friend" not in spanish
    assert "Call a friend" in client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Llama a una amistad" in client.get(API_URL, **SPANISH).content.decode()
    assert "Call a friend" in client.get(API_URL).content.decode()


@pytest.mark.usefixtures("memory_cache")
def test_an_admins_spanish_edit_shows_at_once(
    client, admin_client, django_capture_on_commit_callbacks
):
    activity = spanish_activity()
    assert "Llama a una amistad" in client.get(LIST_URL, **SPANISH).content.decode()
    assert (
        "Llama a una amistad" in client.get(activity.get_absolute_url(), **SPANISH).content.decode()
    )
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    form = admin_client.get(url, **SPANISH).context["adminform"].form
    data = activity_change_data(form, title_es="Llama a alguien")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data, **SPANISH)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Llama a alguien" in client.get(LIST_URL, **SPANISH).content.decode()
    assert "Llama a alguien" in client.get(activity.get_absolute_url(), **SPANISH).content.decode()
    activity.refresh_from_db()
    assert activity.title_en == "Call a friend"


# The admin


def test_the_admin_form_has_a_box_for_each_language(admin_client):
    activity = spanish_activity()
    activity.links.create(label_en="Site", url="https://example.org/")
    activity.messages.create(text_en="Hi!")
    html = admin_client.get(reverse("admin:activities_activity_change", args=[activity.pk]))
    html = html.content.decode()
    for name in ("title", "summary", "body", "first_step", "why_it_helps"):
        assert f'name="{name}_en"' in html
        assert f'name="{name}_es"' in html
    assert 'name="links-0-label_es"' in html
    assert 'name="messages-0-text_es"' in html
    assert "Title (Spanish)" in html
    tag = make_kind()
    html = admin_client.get(reverse("admin:activities_tag_change", args=[tag.pk])).content.decode()
    assert 'name="name_es"' in html


def test_the_admin_finds_activities_by_their_spanish_title(admin_client):
    spanish_activity()
    response = admin_client.get(reverse("admin:activities_activity_changelist"), {"q": "amistad"})
    assert response.context["cl"].result_count == 1


# Member suggestions


def test_a_suggestion_in_spanish_keeps_its_words_in_the_source_columns(member):
    with translation.override("es"):
        suggestion, _ = suggestion_create(
            owner=member,
            submission=uuid.uuid4(),
            title="Caminar con vecinos",
            description="Una vuelta a la manzana.",
            setting="out",
            effort="low",
        )
    activity = suggestion.activity
    assert (activity.title_en, activity.title_es) == ("Caminar con vecinos", None)
    assert activity.body_html_en == "<p>Una vuelta a la manzana.</p>"


# CSV files


def export_rows() -> list[dict]:
    return list(csv.DictReader(io.StringIO(ActivityResource().export().csv)))


def import_csv(text: str, **kwargs):
    return ActivityResource().import_data(Dataset().load(text, format="csv"), **kwargs)


def test_export_and_import_carry_both_languages():
    activity = spanish_activity(slug="call", first_step="Text them.")
    activity.links.create(label_en="One", url="https://example.org/1", order=0)
    activity.links.create(label_en="Two", label_es="Dos", url="https://example.org/2", order=1)
    activity.messages.create(text_en="Hi!", text_es="¡Hola!", order=0)
    activity.messages.create(text_en="Bye!", order=1)
    rows = export_rows()
    assert rows[0]["title_en"] == "Call a friend"
    assert rows[0]["title_es"] == "Llama a una amistad"
    assert rows[0]["links_es"] == "\nDos"
    assert rows[0]["messages_es"] == "¡Hola!"
    assert "title" not in rows[0]
    exported = ActivityResource().export().csv
    Activity.objects.all().delete()
    result = import_csv(exported)
    assert not result.has_errors() and not result.has_validation_errors()
    activity = Activity.objects.get(slug="call")
    assert (activity.title_en, activity.title_es) == ("Call a friend", "Llama a una amistad")
    assert activity.body_html_es == "<p>Elige a <strong>una</strong> persona.</p>"
    assert activity.first_step_es in ("", None)
    assert [(link.label_en, link.label_es) for link in activity.links.all()] == [
        ("One", ""),
        ("Two", "Dos"),
    ]
    assert [(m.text_en, m.text_es) for m in activity.messages.all()] == [
        ("Hi!", "¡Hola!"),
        ("Bye!", ""),
    ]


OLD_FILE = (
    "slug,title,summary,body,first_step,why_it_helps,setting,effort,kinds,keywords,"
    "status,order,source_note,links_to_helplines,links,messages\n"
    "walk,Take a walk,Ten minutes outside.,Go **slowly**.,Shoes on.,Air helps.,out,low,,,"
    "published,5,,no,Parks | https://example.org/parks,Want to walk?\n"
)


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_old_one_language_file_imports_as_english(language):
    with translation.override(language):
        result = import_csv(OLD_FILE)
    assert not result.has_errors() and not result.has_validation_errors()
    activity = Activity.objects.get(slug="walk")
    assert (activity.title_en, activity.title_es) == ("Take a walk", None)
    assert activity.summary_en == "Ten minutes outside."
    assert activity.body_html_en == "<p>Go <strong>slowly</strong>.</p>"
    assert ActivityLink.objects.get().label_en == "Parks"
    assert ReadyMessage.objects.get().text_en == "Want to walk?"


def test_more_spanish_messages_than_english_ones_is_a_clear_error():
    text = OLD_FILE.replace("links,messages\n", "links,messages,messages_es\n").replace(
        "Want to walk?\n", 'Want to walk?,"¿Caminamos?\nOtra"\n'
    )
    result = import_csv(text)
    assert result.has_validation_errors()
    errors = result.invalid_rows[0].field_specific_errors
    assert "messages_es" in errors
    assert "“messages” has 1" in str(errors["messages_es"])
    assert not Activity.objects.exists()


def test_an_english_only_file_keeps_the_spanish_already_there():
    spanish_activity(slug="walk")
    result = import_csv(OLD_FILE)
    assert not result.has_errors() and not result.has_validation_errors()
    activity = Activity.objects.get(slug="walk")
    assert (activity.title_en, activity.title_es) == ("Take a walk", "Llama a una amistad")


# The starter loader


def test_the_starter_loader_writes_the_spanish_text():
    call_command("load_starter_catalogue")
    for slug, texts in starter_es.ACTIVITIES.items():
        activity = Activity.objects.get(slug=slug)
        assert activity.title_es == texts["title"]
        assert activity.body_html_es
        spanish = [message.text_es for message in activity.messages.all()]
        assert spanish == list(texts.get("messages", [None] * len(spanish)))
    for slug, name in starter_es.TAGS.items():
        assert Tag.objects.get(slug=slug).name_es == name


def test_running_the_loader_again_adds_spanish_to_an_older_catalogue():
    call_command("load_starter_catalogue")
    Activity.objects.update(title_es=None, body_es=None, body_html_es=None)
    ReadyMessage.objects.update(text_es=None)
    Tag.objects.update(name_es=None)
    call_command("load_starter_catalogue")
    slug, texts = next(iter(starter_es.ACTIVITIES.items()))
    activity = Activity.objects.get(slug=slug)
    assert activity.title_es == texts["title"]
    assert activity.body_html_es
    assert Tag.objects.get(slug=next(iter(starter_es.TAGS))).name_es


def test_the_loader_never_overwrites_an_admins_spanish_or_english(monkeypatch):
    call_command("load_starter_catalogue")
    slug = next(iter(starter_es.ACTIVITIES))
    activity = Activity.objects.get(slug=slug)
    activity.title_es = "Mi propio título"
    activity.title_en = "My own title"
    activity.save()
    call_command("load_starter_catalogue")
    activity.refresh_from_db()
    assert (activity.title_en, activity.title_es) == ("My own title", "Mi propio título")


def test_link_labels_are_matched_by_address_and_messages_by_their_english(monkeypatch):
    item = next(item for item in STARTER_ACTIVITIES if len(item.links) >= 2)
    labels = tuple(f"Enlace {i}" for i in range(len(item.links)))
    monkeypatch.setitem(starter_es.ACTIVITIES, item.slug, {"links": labels})
    call_command("load_starter_catalogue")
    activity = Activity.objects.get(slug=item.slug)
    first, second = activity.links.all()[:2]
    first.delete()
    second.label_es = None
    second.order = 0
    second.save()
    activity.links.create(label_en="Added by an admin", url="https://example.org/x", order=9)
    call_command("load_starter_catalogue")
    labels_by_url = {link.url: link.label_es for link in activity.links.all()}
    assert labels_by_url[item.links[1].url] == "Enlace 1"
    assert labels_by_url["https://example.org/x"] is None
