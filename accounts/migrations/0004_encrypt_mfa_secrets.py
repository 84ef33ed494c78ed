"""Encrypt the second-factor secrets stored before they were encrypted."""

from django.db import migrations


def encrypt_secrets(apps, schema_editor):
    from accounts.adapter import data_encrypted

    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.all().iterator():
        authenticator.data = data_encrypted(authenticator.data)
        authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_clinician_profile"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_secrets, migrations.RunPython.noop)]
