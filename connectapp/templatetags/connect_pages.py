from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from connectapp.descriptions import DEFAULT, PAGE_DESCRIPTIONS
from connectapp.lib import frame
from connectapp.lib.fragments import csrf_token_put

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
        "request": request,
        "languages": settings.LANGUAGES,
        "current_language": get_language(),
        # The offline crisis card is kept on the device and shown without a
        # connection: no form (and no CSRF token) belongs in it.
        "show_switcher": current != "offline",
    }


class PerRequestNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist
        self.number = frame.hole_add(nodelist)

    def render(self, context) -> str:
        if frame.is_recording():
            return frame.hole(self.number)
        return self.nodelist.render(context)


class FrameCacheNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str, vary: list) -> None:
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context) -> SafeString:
        if frame.is_recording():  # inside a block or page that is being kept
            return self.nodelist.render(context)
        key = (self.name, get_language(), *(value.resolve(context) for value in self.vary))
        pieces = frame.FRAME_PIECES.get(key)
        if pieces is None:
            with frame.recording():
                pieces = frame.pieces_of(self.nodelist.render(context))
            if len(frame.FRAME_PIECES) >= frame.FRAME_PIECES_MAX:
                frame.FRAME_PIECES.clear()
            frame.FRAME_PIECES[key] = pieces
        return mark_safe(frame.pieces_fill(pieces, context))  # noqa: S308  # nosec B308 B703: all of it rendered by the template engine


@register.tag
def frame_cache(parser, token) -> FrameCacheNode:
    """Render a piece of the page frame once per process and language, and
    reuse it:

        {% frame_cache "nav" request.resolver_match.view_name user.is_staff %}
            ... {% per_request %}{% csrf_token %}{% end_per_request %} ...
        {% endframe_cache %}

    The block may depend only on the language and the values after its name,
    which must come from short fixed lists. Whatever belongs to one request (a
    CSRF token, the current address, a nonce) goes in a `per_request` block:
    rendered every time, never kept. A `per_request` block sees the page's
    context, not the loop variables around it.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("frame_cache needs a name.")
    nodelist = parser.parse(("endframe_cache",))
    parser.delete_first_token()
    vary = [parser.compile_filter(bit) for bit in bits[2:]]
    return FrameCacheNode(nodelist, bits[1].strip("\"'"), vary)


@register.tag
def per_request(parser, token) -> PerRequestNode:
    """Inside `frame_cache`: a part rendered on every request, never kept."""
    nodelist = parser.parse(("end_per_request",))
    parser.delete_first_token()
    return PerRequestNode(nodelist)


@register.filter
def with_csrf_token(html: str, token) -> SafeString:
    """Kept HTML (rendered by the template engine, with CSRF_PLACEHOLDER for the
    token) with this request's CSRF token put in: the same token as the page's
    other forms."""
    return csrf_token_put(html, token)
