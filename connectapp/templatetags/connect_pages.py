import itertools
import re
from contextvars import ContextVar

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.urls import reverse
from django.utils.autoreload import file_changed
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from connectapp.descriptions import DEFAULT, PAGE_DESCRIPTIONS
from connectapp.lib.fragments import csrf_token_put, indentation_drop

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


# The page frame's rendered pieces (`{% frame_cache %}`), in this process's
# memory. What they hold comes from the code, the settings and the language
# alone, never from the database or a person, so a new deploy (a new process),
# a changed setting or a changed file in development is all that makes one old.
FRAME_PIECES: dict[tuple, list[str]] = {}
# The key's values come from short fixed lists (languages, URL names, roles);
# this guards the memory if a mistaken key ever varies on something else.
FRAME_PIECES_MAX = 2000
# Every `per_request` block, by a number that marks its place in kept pieces.
_HOLES: dict[int, "PerRequestNode"] = {}
_hole_numbers = itertools.count()
_HOLE = "\x00frame-hole-{}\x00"
_HOLE_RE = re.compile("\x00frame-hole-(\\d+)\x00")
# Set while a frame_cache block renders the pieces it will keep.
_recording: ContextVar[bool] = ContextVar("frame_recording", default=False)


def frame_pieces_clear(**kwargs) -> None:
    FRAME_PIECES.clear()


setting_changed.connect(frame_pieces_clear, dispatch_uid="frame-pieces-settings")
file_changed.connect(frame_pieces_clear, dispatch_uid="frame-pieces-files")


class PerRequestNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist
        self.number = next(_hole_numbers)
        _HOLES[self.number] = self

    def render(self, context) -> str:
        if _recording.get():
            return _HOLE.format(self.number)
        return self.nodelist.render(context)


class FrameCacheNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str, vary: list) -> None:
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context) -> SafeString:
        if _recording.get():  # inside another block that is being kept
            return self.nodelist.render(context)
        key = (self.name, get_language(), *(value.resolve(context) for value in self.vary))
        pieces = FRAME_PIECES.get(key)
        if pieces is None:
            token = _recording.set(True)
            try:
                pieces = _HOLE_RE.split(indentation_drop(self.nodelist.render(context)))
            finally:
                _recording.reset(token)
            if len(FRAME_PIECES) >= FRAME_PIECES_MAX:
                FRAME_PIECES.clear()
            FRAME_PIECES[key] = pieces
        # pieces: text, hole number, text, hole number, ..., text
        out = [pieces[0]]
        for n in range(1, len(pieces), 2):
            out.append(_HOLES[int(pieces[n])].nodelist.render(context))
            out.append(pieces[n + 1])
        return mark_safe("".join(out))  # noqa: S308  # nosec B308 B703: all of it rendered by the template engine


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
