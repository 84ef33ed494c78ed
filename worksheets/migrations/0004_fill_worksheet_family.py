"""The worksheet family, step 2 of 3: give every needs statement and
relationship its `Worksheet` row, and point shares, comments, unsaved edits
and access-log rows at it. Statement and relationship ids do not change, so
every address stays the same. Access-log rows about a worksheet deleted
before this migration keep no link, as before ("a deleted worksheet")."""

from django.db import migrations

# (kind key, model name, the old link's name on Comment, UnsavedEdit and
# AccessLogEntry, the old many-to-many on Share)
KINDS = [
    ("statement", "needsstatement", "statement", "statements"),
    ("relationship", "relationship", "relationship", "relationships"),
]


def forward(apps, schema_editor):
    Worksheet = apps.get_model("worksheets", "Worksheet")
    Share = apps.get_model("worksheets", "Share")
    for key, model_name, link, share_field in KINDS:
        model = apps.get_model("worksheets", model_name)
        family = {}
        for row in model.objects.filter(worksheet__isnull=True).order_by("pk"):
            row.worksheet = Worksheet.objects.create(
                owner_id=row.owner_id, kind=key, created_at=row.created_at
            )
            row.save(update_fields=["worksheet"])
            family[row.pk] = row.worksheet_id
        for name in ("Comment", "UnsavedEdit", "AccessLogEntry"):
            linked = apps.get_model("worksheets", name).objects.filter(
                **{f"{link}_id__isnull": False}
            )
            for row in linked.only("pk", f"{link}_id"):
                row.worksheet_id = family.get(getattr(row, f"{link}_id"))
                row.save(update_fields=["worksheet"])
        Through = Share.worksheets.through
        old = getattr(Share, share_field).through.objects.all()
        Through.objects.bulk_create(
            [
                Through(share_id=row.share_id, worksheet_id=family[getattr(row, f"{model_name}_id")])
                for row in old
            ]
        )


def backward(apps, schema_editor):
    Share = apps.get_model("worksheets", "Share")
    for key, model_name, link, share_field in KINDS:
        model = apps.get_model("worksheets", model_name)
        kind_of = dict(model.objects.values_list("worksheet_id", "pk"))
        for name in ("Comment", "UnsavedEdit", "AccessLogEntry"):
            linked = apps.get_model("worksheets", name).objects.filter(
                worksheet_id__in=list(kind_of)
            )
            for row in linked.only("pk", "worksheet_id"):
                setattr(row, f"{link}_id", kind_of[row.worksheet_id])
                row.save(update_fields=[link])
        Old = getattr(Share, share_field).through
        Old.objects.bulk_create(
            [
                Old(share_id=row.share_id, **{f"{model_name}_id": kind_of[row.worksheet_id]})
                for row in Share.worksheets.through.objects.filter(worksheet_id__in=list(kind_of))
            ]
        )


class Migration(migrations.Migration):
    dependencies = [("worksheets", "0003_worksheet_family")]

    operations = [migrations.RunPython(forward, backward)]
