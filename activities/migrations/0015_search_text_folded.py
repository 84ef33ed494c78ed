"""Keep each activity's searched text folded in one column, so that search
ignores accents as well as case ("musica" finds "Música"), and fill it for
the activities already in the catalogue."""

from django.db import migrations, models


def fill_search_text(apps, schema_editor):
    # The functions, not copies: they are plain code with no model state.
    from activities.models import SEARCHED_FIELDS, searchable_text
    from connectapp.lib.translation import content_languages, localized

    Activity = apps.get_model("activities", "Activity")
    columns = [localized(name, lang) for name in SEARCHED_FIELDS for lang in content_languages()]
    for activity in Activity.objects.only("pk", *columns).iterator():
        text = searchable_text(getattr(activity, column) for column in columns)
        Activity.objects.filter(pk=activity.pk).update(search_text=text)


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
