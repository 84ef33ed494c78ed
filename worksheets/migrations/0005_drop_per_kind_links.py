"""The worksheet family, step 3 of 3: every link now goes through
`Worksheet`, so the per-kind links go."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("worksheets", "0004_fill_worksheet_family")]

    operations = [
        migrations.RemoveIndex(model_name="accesslogentry", name="access_log_statement_idx"),
        migrations.RemoveIndex(model_name="accesslogentry", name="access_log_relation_idx"),
        migrations.RemoveField(model_name="accesslogentry", name="statement"),
        migrations.RemoveField(model_name="accesslogentry", name="relationship"),
        migrations.RemoveField(model_name="comment", name="statement"),
        migrations.RemoveField(model_name="comment", name="relationship"),
        migrations.RemoveField(model_name="unsavededit", name="statement"),
        migrations.RemoveField(model_name="unsavededit", name="relationship"),
        migrations.RemoveField(model_name="share", name="statements"),
        migrations.RemoveField(model_name="share", name="relationships"),
        migrations.AddIndex(
            model_name="accesslogentry",
            index=models.Index(fields=["clinician", "worksheet"], name="access_log_worksheet_idx"),
        ),
        migrations.AlterField(
            model_name="needsstatement",
            name="worksheet",
            field=models.OneToOneField(
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="%(class)s",
                to="worksheets.worksheet",
            ),
        ),
        migrations.AlterField(
            model_name="relationship",
            name="worksheet",
            field=models.OneToOneField(
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="%(class)s",
                to="worksheets.worksheet",
            ),
        ),
        migrations.AlterField(
            model_name="comment",
            name="worksheet",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="comments",
                to="worksheets.worksheet",
            ),
        ),
        migrations.AlterField(
            model_name="unsavededit",
            name="worksheet",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="unsaved_edits",
                to="worksheets.worksheet",
            ),
        ),
    ]
