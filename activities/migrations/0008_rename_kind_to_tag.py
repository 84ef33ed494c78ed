"""The catalogue's tag model was called Kind, a word the code also uses for
choice sets; it becomes Tag. A rename: every tag and every activity's tags
stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("activities", "0007_activity_body_html_rendered_at_save")]

    operations = [migrations.RenameModel(old_name="Kind", new_name="Tag")]
