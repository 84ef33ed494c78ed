from datetime import date, datetime

from django import template

register = template.Library()


@register.filter
def data_kind(value: object) -> str:
    """How the printable copy lays out one value of the export."""
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    return "text"


@register.filter
def data_label(key: str) -> str:
    return key.replace("_", " ").capitalize()
