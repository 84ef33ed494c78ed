"""Copy each translated field's existing text into its English column, as
modeltranslation's `update_translation_fields` would, so nothing is lost."""

from django.db import migrations
from django.db.models import F, Q

TRANSLATED = ["description", "hours_note", "restrictions"]


def copy_into_english(apps, schema_editor):
    SupportLine = apps.get_model("helplines", "SupportLine")
    for name in TRANSLATED:
        english = f"{name}_en"
        SupportLine.objects.filter(Q(**{english: None}) | Q(**{english: ""})).update(
            **{english: F(name)}
        )


def copy_back(apps, schema_editor):
    """Going back, the single column keeps the English text."""
    SupportLine = apps.get_model("helplines", "SupportLine")
    for name in TRANSLATED:
        english = f"{name}_en"
        SupportLine.objects.exclude(Q(**{english: None}) | Q(**{english: ""})).update(
            **{name: F(english)}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("helplines", "0004_content_in_two_languages"),
    ]

    operations = [migrations.RunPython(copy_into_english, copy_back)]
