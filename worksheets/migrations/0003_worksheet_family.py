"""The worksheet family, step 1 of 3: add the `Worksheet` table and the
links to it, beside the old per-kind links (filled in step 2, dropped in 3)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def _worksheet_link(**options):
    return models.ForeignKey(to="worksheets.worksheet", **options)


class Migration(migrations.Migration):
    dependencies = [
        ("worksheets", "0002_sharing_comments_access_log"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Dropped here rather than in step 3, so that going back puts them
        # back only after step 2 has refilled the old links.
        migrations.RemoveConstraint(model_name="comment", name="comment_has_one_worksheet"),
        migrations.RemoveConstraint(
            model_name="unsavededit", name="unsaved_edit_has_one_worksheet"
        ),
        migrations.CreateModel(
            name="Worksheet",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(editable=False, max_length=30)),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="worksheets",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["created_at", "pk"],
                "indexes": [
                    models.Index(fields=["owner", "kind"], name="worksheet_owner_kind_idx")
                ],
            },
        ),
        migrations.AddField(
            model_name="needsstatement",
            name="worksheet",
            field=models.OneToOneField(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="%(class)s",
                to="worksheets.worksheet",
            ),
        ),
        migrations.AddField(
            model_name="relationship",
            name="worksheet",
            field=models.OneToOneField(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="%(class)s",
                to="worksheets.worksheet",
            ),
        ),
        migrations.AddField(
            model_name="share",
            name="worksheets",
            field=models.ManyToManyField(
                blank=True, related_name="shares", to="worksheets.worksheet"
            ),
        ),
        migrations.AddField(
            model_name="comment",
            name="worksheet",
            field=_worksheet_link(
                null=True, on_delete=django.db.models.deletion.CASCADE, related_name="comments"
            ),
        ),
        migrations.AddField(
            model_name="unsavededit",
            name="worksheet",
            field=_worksheet_link(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="unsaved_edits",
            ),
        ),
        migrations.AddField(
            model_name="accesslogentry",
            name="worksheet",
            field=_worksheet_link(
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
            ),
        ),
    ]
