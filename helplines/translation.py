"""Which helpline fields exist in every language (django-modeltranslation).

A line's name stays as entered: services are known by their own names, and
the two with an official Spanish name show it through `SERVICE_NAMES`.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import SupportLine


@register(SupportLine)
class SupportLineTranslation(TranslationOptions):
    fields = ("description", "hours_note", "restrictions")
