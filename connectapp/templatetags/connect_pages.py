from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from connectapp.descriptions import DEFAULT, PAGE_DESCRIPTIONS

register = template.Library()

# The site-wide footer links, in order.
FOOTER_LINKS = [
    ("about", _("About Connect")),
    ("being-with-people", _("Tips for being with people")),
    ("privacy", _("Privacy notice")),
    ("accessibility", _("Accessibility")),
]


@register.simple_tag(takes_context=True)
def page_description(context) -> str:
    """This page's meta description, by its URL name; the default elsewhere
    (and on error pages, which may have no request)."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    return PAGE_DESCRIPTIONS.get(match.view_name if match else "", DEFAULT)


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context) -> dict:
    request = context.get("request")
    current = getattr(getattr(request, "resolver_match", None), "view_name", "")
    return {
        "links": [
            {"href": reverse(name), "label": label, "current": name == current}
            for name, label in FOOTER_LINKS
        ],
        # The language switcher comes back to this page (Django's set_language
        # only follows a safe, same-site `next`).
        "next_path": request.get_full_path() if request is not None else "/",
        "languages": settings.LANGUAGES,
        "current_language": get_language(),
        # The offline crisis card is kept on the device and shown without a
        # connection: no form (and no CSRF token) belongs in it.
        "show_switcher": current != "offline",
    }
