"""The Spanish text of the starter catalogue matches the English one entry by
entry, keeps its links, counts, numbers and structure, and fits the model
fields."""

import re

import pytest

from activities import starter_es
from activities.models import Activity, ActivityLink, ReadyMessage, Tag
from activities.starter import KINDS, STARTER_ACTIVITIES

ENGLISH = {activity.slug: activity for activity in STARTER_ACTIVITIES}
TEXT_FIELDS = ("title", "summary", "body", "first_step", "why_it_helps")
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)")
NUMBER = re.compile(r"\d+")


def max_length(model, name):
    return model._meta.get_field(name).max_length


def test_every_tag_has_a_spanish_name_and_no_other():
    assert set(starter_es.TAGS) == {slug for slug, _name in KINDS}


@pytest.mark.parametrize(("slug", "english"), KINDS)
def test_a_tag_name_is_spanish_and_fits(slug, english):
    name = starter_es.TAGS[slug]
    assert name.strip()
    assert name != english
    assert len(name) <= max_length(Tag, "name")


def test_every_starter_activity_has_spanish_text_and_no_other():
    assert set(starter_es.ACTIVITIES) == set(ENGLISH)


@pytest.mark.parametrize("slug", list(ENGLISH))
def test_each_field_is_translated_when_the_english_has_it(slug):
    english, spanish = ENGLISH[slug], starter_es.ACTIVITIES[slug]
    expected = {name for name in TEXT_FIELDS if getattr(english, name)}
    expected |= {name for name in ("links", "messages") if getattr(english, name)}
    assert set(spanish) == expected
    for name in TEXT_FIELDS:
        if name in spanish:
            assert spanish[name].strip(), name
            assert spanish[name] != getattr(english, name), name


@pytest.mark.parametrize("slug", list(ENGLISH))
def test_links_and_messages_match_the_english_in_number(slug):
    english, spanish = ENGLISH[slug], starter_es.ACTIVITIES[slug]
    assert len(spanish.get("links", ())) == len(english.links)
    assert len(spanish.get("messages", ())) == len(english.messages)
    for message, original in zip(spanish.get("messages", ()), english.messages, strict=True):
        assert message.strip()
        assert message != original


@pytest.mark.parametrize("slug", list(ENGLISH))
def test_a_link_label_kept_in_english_is_a_name_the_spanish_text_uses(slug):
    english, spanish = ENGLISH[slug], starter_es.ACTIVITIES[slug]
    for label, link in zip(spanish.get("links", ()), english.links, strict=True):
        assert label.strip()
        if label == link.label:
            assert label in spanish["body"], label


@pytest.mark.parametrize("slug", list(ENGLISH))
def test_the_body_keeps_the_english_links_numbers_and_structure(slug):
    english, spanish = ENGLISH[slug].body, starter_es.ACTIVITIES[slug]["body"]
    assert sorted(MARKDOWN_LINK.findall(spanish)) == sorted(MARKDOWN_LINK.findall(english))
    assert spanish.count("\n\n") == english.count("\n\n")
    assert spanish.count("**") == english.count("**")
    assert set(NUMBER.findall(english)) <= set(NUMBER.findall(spanish))


@pytest.mark.parametrize("slug", list(ENGLISH))
def test_the_spanish_text_fits_the_model_fields(slug):
    spanish = starter_es.ACTIVITIES[slug]
    for name in ("title", "summary", "first_step"):
        assert len(spanish[name]) <= max_length(Activity, name), name
    for label in spanish.get("links", ()):
        assert len(label) <= max_length(ActivityLink, "label")
    for message in spanish.get("messages", ()):
        assert len(message) <= max_length(ReadyMessage, "text")
