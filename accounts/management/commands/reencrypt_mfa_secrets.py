from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.adapter import data_encrypted


class Command(BaseCommand):
    help = (
        "Encrypt every stored second-factor secret with MFA_ENCRYPTION_KEY. Run it after "
        "moving the old key to MFA_ENCRYPTION_OLD_KEYS; then the old key can go."
    )

    def handle(self, *args, **options) -> None:
        count = 0
        with transaction.atomic():
            for authenticator in Authenticator.objects.select_for_update().iterator():
                authenticator.data = data_encrypted(authenticator.data)
                authenticator.save(update_fields=["data"])
                count += 1
        self.stdout.write(f"Encrypted the secrets of {count} authenticators with the current key.")
