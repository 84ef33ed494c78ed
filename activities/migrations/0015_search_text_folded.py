"""Keep each activity's searched text folded in one column, so that search
ignores accents as well as case ("musica" finds "Música"), and fill it for
the activities already in the catalogue."""

from django.db import migrations, models


def fill_search_text(apps, schema_editor):
    # The function, not a copy: it is plain code with no model state.
    from activities.models import searchable_text

    Activity = apps.get_model("activities", "Activity")
    for activity in Activity.objects.iterator():
        Activity.objects.filter(pk=activity.pk).update(search_text=searchable_text(activity))


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0014_copy_keywords_into_english"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="search_text",
            field=models.TextField(default="", editable=False, verbose_name="search text"),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
