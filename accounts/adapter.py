"""allauth's hooks: where each role lands after signing in, and its emails
(verification, password reset, security notices) through the task queue."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest
from django.urls import reverse

from connectapp.lib.mail import email_enqueue


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
