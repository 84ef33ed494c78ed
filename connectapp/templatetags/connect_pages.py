from django import template
from django.urls import reverse

from connectapp.descriptions import DEFAULT, PAGE_DESCRIPTIONS

register = template.Library()

# The site-wide footer links, in order.
FOOTER_LINKS = [
    ("about", "About Connect"),
    ("being-with-people", "Tips for being with people"),
    ("privacy", "Privacy notice"),
    ("accessibility", "Accessibility"),
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
        ]
    }
