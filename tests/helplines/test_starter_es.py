"""The Spanish text of the starter helplines: one entry for each published
line and no other, every filled-in field translated, numbers and words to
text kept, and each field within the model's limit."""

import re

import pytest

from helplines import starter_es
from helplines.models import SupportLine
from helplines.starter import PUBLISHED, STARTER_LINES

FIELDS = ("description", "hours_note", "restrictions")
PUBLISHED_LINES = {line["slug"]: line for line in STARTER_LINES if line["status"] == PUBLISHED}
NUMBER = re.compile(r"\d+")


def word(keyword):
    return re.compile(rf"\b{re.escape(keyword)}\b")


def test_every_published_line_has_spanish_text_and_no_other_line_does():
    assert PUBLISHED_LINES
    assert set(starter_es.LINES) == set(PUBLISHED_LINES)


@pytest.mark.parametrize("slug", list(PUBLISHED_LINES))
def test_each_field_is_translated_when_the_english_has_it(slug):
    english, spanish = PUBLISHED_LINES[slug], starter_es.LINES[slug]
    assert set(spanish) == {name for name in FIELDS if english.get(name)}
    for name, text in spanish.items():
        assert text.strip(), name
        assert text != english[name], name


@pytest.mark.parametrize("slug", list(PUBLISHED_LINES))
def test_numbers_and_words_to_text_are_kept(slug):
    english, spanish = PUBLISHED_LINES[slug], starter_es.LINES[slug]
    for name, text in spanish.items():
        assert set(NUMBER.findall(english[name])) <= set(NUMBER.findall(text)), name
        for keyword in (english.get("text_keyword"), english.get("spanish_text_keyword")):
            if keyword and word(keyword).search(english[name]):
                assert word(keyword).search(text), (name, keyword)


@pytest.mark.parametrize("slug", list(PUBLISHED_LINES))
def test_the_spanish_text_fits_the_model_fields(slug):
    for name, text in starter_es.LINES[slug].items():
        assert len(text) <= SupportLine._meta.get_field(name).max_length, name
