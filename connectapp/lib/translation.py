"""Content in two languages (django-modeltranslation), for every app.

A registered field `title` has a column per language (`title_en`,
`title_es`). Reading `obj.title` gives the active language's text, or the
English one when that is empty; assigning `obj.title` writes the active
language's column, so code that must write English says `title_en`.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from modeltranslation.translator import translator
from modeltranslation.utils import get_language

SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def content_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def translated_fields(model: type[models.Model]) -> tuple[str, ...]:
    return tuple(translator.get_options_for_model(model).fields)


def localized(name: str, language: str) -> str:
    return f"{name}_{language}"


def untranslated_fields(obj: models.Model, names: Iterable[str] | None = None) -> list[str]:
    """The translated fields of `obj` that have English text but none in the
    active language, so they show the English. Empty while English is active."""
    language = get_language()
    if language == SOURCE_LANGUAGE:
        return []
    return [
        name
        for name in (translated_fields(type(obj)) if names is None else names)
        if getattr(obj, localized(name, SOURCE_LANGUAGE))
        and not getattr(obj, localized(name, language))
    ]


def with_language_columns(model: type[models.Model], update_fields: Iterable[str]) -> set[str]:
    """`update_fields` plus every language's column of each translated field
    named in it: `save(update_fields=["title"])` alone would leave them out."""
    names = set(update_fields)
    for name in translated_fields(model):
        if name in names:
            names.update(localized(name, language) for language in content_languages())
    return names


def language_columns(model: type[models.Model], names: Iterable[str]) -> list[str]:
    """`names` in order, each translated field replaced by its columns in
    every language: ["slug", "title"] gives ["slug", "title_en", "title_es"]."""
    translated = translated_fields(model)
    return [
        column
        for name in names
        for column in (
            [localized(name, language) for language in content_languages()]
            if name in translated
            else [name]
        )
    ]


def source_columns(model: type[models.Model], headers: list[str]) -> list[str]:
    """The headers of a file written before content had two languages: a
    translated field's plain column ("title") is read as the English one."""
    translated = translated_fields(model)
    return [
        localized(header, SOURCE_LANGUAGE)
        if header in translated and localized(header, SOURCE_LANGUAGE) not in headers
        else header
        for header in headers
    ]


def translations_fill(obj: models.Model, language: str, texts: dict[str, str]) -> list[str]:
    """Write each of `texts` (field name -> text) into its `language` column
    where that column is still empty, so an admin's own translation stays.
    Returns the columns written; the caller saves them."""
    written = []
    for name, text in texts.items():
        column = localized(name, language)
        if text and not getattr(obj, column):
            setattr(obj, column, text)
            written.append(column)
    return written
