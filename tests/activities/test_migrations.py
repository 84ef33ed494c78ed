"""Migrations keep what was there: tags through a rename, content moved into
languages, and searchable text for activities already in the catalogue."""

import pytest

from activities.models import Activity

from ..migrations import migrate_to, migrate_to_latest


@pytest.fixture(autouse=True)
def _latest_afterwards():
    yield
    migrate_to_latest()


@pytest.mark.django_db(transaction=True)
def test_renaming_kind_to_tag_keeps_the_tags():
    old = migrate_to("activities", "0007_activity_body_html_rendered_at_save")
    Kind = old.get_model("activities", "Kind")
    online = Kind.objects.create(slug="online", name="On the internet")
    activity = old.get_model("activities", "Activity").objects.create(
        title="Join a forum", slug="join-a-forum", summary="Say hello."
    )
    activity.kinds.add(online)

    new = migrate_to("activities", "0008_rename_kind_to_tag")
    tag = new.get_model("activities", "Tag").objects.get()
    assert (tag.pk, tag.slug, tag.name) == (online.pk, "online", "On the internet")
    activity = new.get_model("activities", "Activity").objects.get()
    assert list(activity.kinds.values_list("slug", flat=True)) == ["online"]


@pytest.mark.django_db(transaction=True)
def test_content_in_two_languages_keeps_the_text_as_english():
    old = migrate_to("activities", "0009_recommendation_note")
    Activity = old.get_model("activities", "Activity")
    tag = old.get_model("activities", "Tag").objects.create(slug="online", name="Online")
    activity = Activity.objects.create(
        title="Join a forum",
        slug="join-a-forum",
        summary="Say hello.",
        body="Read **first**.",
        body_html="<p>Read <strong>first</strong>.</p>",
        first_step="Find one.",
        why_it_helps="People answer.",
    )
    activity.kinds.add(tag)
    activity.links.create(label="Forum", url="https://example.org/")
    activity.messages.create(text="Hello all")

    new = migrate_to("activities", "0011_copy_content_into_english")
    activity = new.get_model("activities", "Activity").objects.get()
    assert (
        activity.title_en,
        activity.summary_en,
        activity.body_en,
        activity.body_html_en,
        activity.first_step_en,
        activity.why_it_helps_en,
    ) == (
        "Join a forum",
        "Say hello.",
        "Read **first**.",
        "<p>Read <strong>first</strong>.</p>",
        "Find one.",
        "People answer.",
    )
    assert activity.title_es is None
    assert new.get_model("activities", "Tag").objects.get().name_en == "Online"
    assert new.get_model("activities", "ActivityLink").objects.get().label_en == "Forum"
    assert new.get_model("activities", "ReadyMessage").objects.get().text_en == "Hello all"

    # Going back leaves the English in the single column.
    new.get_model("activities", "Activity").objects.update(title="Otro", title_en="Join a forum")
    old = migrate_to("activities", "0009_recommendation_note")
    assert old.get_model("activities", "Activity").objects.get().title == "Join a forum"


@pytest.mark.django_db(transaction=True)
def test_keywords_in_two_languages_keep_the_keywords_as_english():
    old = migrate_to("activities", "0012_translated_labels")
    old.get_model("activities", "Activity").objects.create(
        title="Join a forum", slug="join-a-forum", summary="Say hello.", keywords="lonely, bored"
    )

    new = migrate_to("activities", "0014_copy_keywords_into_english")
    activity = new.get_model("activities", "Activity").objects.get()
    assert (activity.keywords_en, activity.keywords_es) == ("lonely, bored", None)

    new.get_model("activities", "Activity").objects.update(keywords="", keywords_en="lonely")
    old = migrate_to("activities", "0012_translated_labels")
    assert old.get_model("activities", "Activity").objects.get().keywords == "lonely"


@pytest.mark.django_db(transaction=True)
def test_folded_search_text_is_filled_for_activities_already_there():
    old = migrate_to("activities", "0014_copy_keywords_into_english")
    old.get_model("activities", "Activity").objects.create(
        title_en="Play music",
        title_es="Pon música",
        slug="music",
        summary_en="Any song.",
        keywords_es="canción",
    )
    migrate_to("activities", "0015_search_text_folded")
    migrate_to_latest()
    assert [a.slug for a in Activity.objects.search("cancion MUSICA")] == ["music"]
    assert [a.slug for a in Activity.objects.search("song")] == ["music"]
