"""allauth's hooks.

Accounts: where each role lands after signing in, and allauth's emails
(verification, password reset, security notices) through the task queue.

MFA: second-factor secrets are encrypted at rest. allauth stores each TOTP
secret and recovery-code seed in `Authenticator.data`, and passes them through
the MFA adapter's `encrypt` and `decrypt`. Here those use Fernet with
MFA_ENCRYPTION_KEY, a key kept apart from SECRET_KEY. Older keys in
MFA_ENCRYPTION_OLD_KEYS still decrypt, so a key can be rotated without locking
anyone out (docs/deploy.md).
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest
from django.urls import reverse

from connectapp.lib.mail import email_enqueue

# Every Fernet token starts with its version byte, 0x80, in URL-safe base64.
# A TOTP secret (base32) or a recovery seed (hex) never does.
FERNET_START = "gAAAAA"
# The secrets in `Authenticator.data`, by key: one string or a list of them.
SECRET_KEYS = ("secret", "seed", "migrated_codes")


def fernet() -> MultiFernet:
    keys = [settings.MFA_ENCRYPTION_KEY, *settings.MFA_ENCRYPTION_OLD_KEYS]
    return MultiFernet([Fernet(key) for key in keys])


def is_encrypted(value: str) -> bool:
    return value.startswith(FERNET_START)


def _map_secrets(data: dict, change) -> dict:
    data = dict(data)
    for key in SECRET_KEYS:
        if isinstance(data.get(key), str):
            data[key] = change(data[key])
        elif isinstance(data.get(key), list):
            data[key] = [change(value) for value in data[key]]
    return data


def data_encrypted(data: dict) -> dict:
    """`data` with every secret encrypted with the current key: plain ones
    encrypted, ones under an older key encrypted again."""
    f = fernet()

    def change(value: str) -> str:
        if is_encrypted(value):
            return f.rotate(value.encode()).decode()
        return f.encrypt(value.encode()).decode()

    return _map_secrets(data, change)


class MFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        return fernet().decrypt(encrypted_text.encode()).decode()


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Members land on their Today page, clinicians on their dashboard and
        admins on the admin site. A `next` address the person asked for wins
        over all of these: allauth follows it before asking here."""
        user = request.user
        if user.is_staff:
            return reverse("admin:index")
        if user.is_clinician:
            return reverse("clinician:dashboard")
        return reverse("today")

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        return self.get_login_redirect_url(request)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render as allauth does, then hand the message to a worker, so a slow
        or failing mail server never holds up or breaks a sign-up."""
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        email_enqueue(self.render_mail(template_prefix, email, ctx))
