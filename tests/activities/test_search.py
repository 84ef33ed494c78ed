"""Catalogue search ignores case and accents, and finds every word typed in
any order, across the title, summary, body, first step and keywords of every
language."""

import pytest
from django.urls import reverse

from connectapp.lib.search import fold, folded_words
from tests.activities.admin_forms import activity_change_data
from tests.factories import make_activity

LIST_URL = reverse("activities:list")
API_URL = reverse("activities_api:list")
SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}


def found(client, q: str, **headers) -> list[str]:
    response = client.get(API_URL, {"q": q}, **headers)
    assert response.status_code == 200
    return sorted(item["slug"] for item in response.json()["results"])


def test_fold_drops_case_and_accents():
    assert fold("Música") == fold("MUSICA") == "musica"
    assert fold("Niño al JARDÍN") == "nino al jardin"
    assert folded_words("  Café  cafe CAFÉ té ") == ["cafe", "te"]


@pytest.mark.django_db
@pytest.mark.parametrize("q", ["musica", "MÚSICA", "música", "Musica"])
def test_spanish_text_is_found_with_or_without_accents(client, q):
    make_activity(slug="music", title="Play music", title_es="Pon música")
    make_activity(slug="walk", title="Walk", title_es="Camina")
    assert found(client, q, **SPANISH) == ["music"]
    assert found(client, q) == ["music"]  # whichever language is active


@pytest.mark.django_db
def test_an_accent_typed_where_the_text_has_none_still_finds_it(client):
    make_activity(slug="cafe", title="Meet at a cafe")
    assert found(client, "café") == ["cafe"]


@pytest.mark.django_db
def test_every_word_must_appear_in_any_order_and_any_field(client):
    make_activity(slug="call", title="Call a friend", summary="Pick up the phone.")
    make_activity(slug="park", title="Sit in a park", summary="Bring a friend.")
    assert found(client, "phone friend") == ["call"]
    assert found(client, "friend") == ["call", "park"]
    assert found(client, "friend cat") == []


@pytest.mark.django_db
def test_the_catalogue_page_searches_the_same_way(client):
    make_activity(slug="garden", title="Paseo por el jardín", keywords="soledad")
    response = client.get(LIST_URL, {"q": "JARDIN"})
    assert [a.slug for a in response.context["activities"]] == ["garden"]


@pytest.mark.django_db
def test_a_changed_field_is_found_by_its_new_words_only(client):
    activity = make_activity(slug="one", title="Bake bread")
    activity.title_en = "Write a letter"
    activity.save(update_fields=["title"])
    assert found(client, "letter") == ["one"]
    assert found(client, "bread") == []
    activity.keywords_es = "carta, escribir"
    activity.save(update_fields=["keywords_es"])
    assert found(client, "escribir") == ["one"]


@pytest.mark.django_db
@pytest.mark.usefixtures("memory_cache")
def test_an_admin_edit_is_found_at_once(admin_client, client, django_capture_on_commit_callbacks):
    activity = make_activity(slug="one", title="Bake bread")
    assert found(client, "bread") == ["one"]
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    form = admin_client.get(url).context["adminform"].form
    data = activity_change_data(form, title_es="Teje una bufanda", title_en="Knit a scarf")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert found(client, "bufanda") == ["one"]
    assert found(client, "bread") == []
