"""Which catalogue fields exist in every language (django-modeltranslation).

Each field below gets a column per language (`title_en`, `title_es`); reading
`activity.title` gives the active language's text, or the English one when
there is no translation yet. See docs/translation.md, "Content".
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Activity, ActivityLink, ReadyMessage, Tag


@register(Tag)
class TagTranslation(TranslationOptions):
    fields = ("name",)


@register(Activity)
class ActivityTranslation(TranslationOptions):
    # body_html is the body rendered at save, once per language.
    fields = (
        "title",
        "summary",
        "body",
        "body_html",
        "first_step",
        "why_it_helps",
        "keywords",
    )


@register(ActivityLink)
class ActivityLinkTranslation(TranslationOptions):
    fields = ("label",)


@register(ReadyMessage)
class ReadyMessageTranslation(TranslationOptions):
    fields = ("text",)
