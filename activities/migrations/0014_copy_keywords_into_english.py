"""Copy each activity's search keywords into their English column, as
0011 did for the other translated fields, so search keeps finding them.
Spanish keywords for the starter activities come from the starter loader,
which fills Spanish fields that are still empty."""

from django.db import migrations
from django.db.models import F, Q


def copy_into_english(apps, schema_editor):
    Activity = apps.get_model("activities", "Activity")
    Activity.objects.filter(Q(keywords_en=None) | Q(keywords_en="")).update(
        keywords_en=F("keywords")
    )


def copy_back(apps, schema_editor):
    """Going back, the single column keeps the English keywords."""
    Activity = apps.get_model("activities", "Activity")
    Activity.objects.exclude(Q(keywords_en=None) | Q(keywords_en="")).update(
        keywords=F("keywords_en")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0013_search_keywords_in_two_languages"),
    ]

    operations = [migrations.RunPython(copy_into_english, copy_back)]
