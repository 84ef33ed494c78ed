"""Copy each translated field's existing text into its English column, as
modeltranslation's `update_translation_fields` would, so nothing is lost:
the catalogue reads `title_en` (and falls back to it) from now on."""

from django.db import migrations
from django.db.models import F, Q

TRANSLATED = {
    "Tag": ["name"],
    "Activity": ["title", "summary", "body", "body_html", "first_step", "why_it_helps"],
    "ActivityLink": ["label"],
    "ReadyMessage": ["text"],
}


def copy_into_english(apps, schema_editor):
    for model_name, names in TRANSLATED.items():
        model = apps.get_model("activities", model_name)
        for name in names:
            english = f"{name}_en"
            model.objects.filter(Q(**{english: None}) | Q(**{english: ""})).update(
                **{english: F(name)}
            )


def copy_back(apps, schema_editor):
    """Going back, the single column keeps the English text."""
    for model_name, names in TRANSLATED.items():
        model = apps.get_model("activities", model_name)
        for name in names:
            english = f"{name}_en"
            model.objects.exclude(Q(**{english: None}) | Q(**{english: ""})).update(
                **{name: F(english)}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0010_content_in_two_languages"),
    ]

    operations = [migrations.RunPython(copy_into_english, copy_back)]
