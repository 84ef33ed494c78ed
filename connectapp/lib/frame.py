"""Rendered HTML kept in this process's memory, with holes for what belongs to
one request.

Templates mark the parts that differ from one request to the next (a CSRF
token, the current address, the messages) with `{% per_request %}`
(connectapp/templatetags/connect_pages.py). While HTML is rendered to be kept,
each such block renders as a numbered hole instead; serving kept HTML renders
the holes' blocks alone and puts them in.

Two things are kept this way:
- the page frame's pieces (`{% frame_cache %}`), which depend on the code, the
  settings and the language alone;
- whole pages for visitors who are not signed in (`visitor_page`), keyed by
  the version of the data behind them, so a change shows at once.
"""

import functools
import itertools
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import RequestContext, engines
from django.template.loader import render_to_string
from django.utils.autoreload import file_changed
from django.utils.translation import get_language

from .fragments import CSRF_PLACEHOLDER, code_version, csrf_token_put, indentation_drop

# Every `per_request` block's node list, by the number that marks its place.
_HOLES: dict[int, object] = {}
_hole_numbers = itertools.count()
_HOLE = "\x00frame-hole-{}\x00"
_HOLE_RE = re.compile("\x00frame-hole-(\\d+)\x00")
# Set while HTML that will be kept is rendered.
_recording: ContextVar[bool] = ContextVar("frame_recording", default=False)

# Visitors' pages, most recently used last. A page is about 30 KB, so this
# holds at most a few megabytes in each process.
VISITOR_PAGES: OrderedDict[tuple, list[str]] = OrderedDict()
VISITOR_PAGES_MAX = 200
# Threaded servers share the pages between threads.
_visitor_pages_lock = threading.Lock()


def hole_add(nodelist) -> int:
    """Register a `per_request` block; returns the number of its hole."""
    number = next(_hole_numbers)
    _HOLES[number] = nodelist
    return number


def hole(number: int) -> str:
    return _HOLE.format(number)


def is_recording() -> bool:
    return _recording.get()


@contextmanager
def recording() -> Iterator[None]:
    """Render `per_request` blocks as holes while this is active."""
    token = _recording.set(True)
    try:
        yield
    finally:
        _recording.reset(token)


def pieces_of(html: str) -> list[str]:
    """Kept HTML, without indentation, split at its holes: text, hole number,
    text, ..., text."""
    return _HOLE_RE.split(indentation_drop(html))


def pieces_fill(pieces: list[str], context) -> str:
    """Kept pieces with each hole's block rendered in `context`."""
    out = [pieces[0]]
    for n in range(1, len(pieces), 2):
        out.append(_HOLES[int(pieces[n])].render(context))
        out.append(pieces[n + 1])
    return "".join(out)


def visitor_page(
    request: HttpRequest, key: tuple, template_name: str, context: dict, *, status: int = 200
) -> HttpResponse:
    """`render(request, template_name, context)`, kept for visitors who are not
    signed in.

    `key` must name everything the page's context was built from, with the
    version of its data (a catalogue or helplines version), so a page is
    only reused while that data is unchanged. The kept page leaves out, as
    holes, the `per_request` blocks (messages, the language form's token and
    return address); its other CSRF tokens are kept as a placeholder and get
    this request's token. A page that used the CSP nonce is never kept.
    Signed-in people get the page rendered as usual: their menu, forms and
    notes differ.
    """
    if request.user.is_authenticated:
        return render(request, template_name, context, status=status)
    page_key = (key, template_name, request.path, get_language(), code_version())
    with _visitor_pages_lock:
        pieces = VISITOR_PAGES.get(page_key)
        if pieces is not None:
            VISITOR_PAGES.move_to_end(page_key)
    if pieces is None:
        with recording():
            html = render_to_string(
                template_name, {**context, "csrf_token": CSRF_PLACEHOLDER}, request
            )
        if isinstance(getattr(request, "_csp_nonce", None), str):
            # A nonce belongs to one response: render the page as usual.
            return render(request, template_name, context, status=status)
        pieces = pieces_of(html)
        with _visitor_pages_lock:
            while len(VISITOR_PAGES) >= VISITOR_PAGES_MAX:
                VISITOR_PAGES.popitem(last=False)
            VISITOR_PAGES[page_key] = pieces
    # The holes' blocks see what the page's context processors give.
    hole_context = RequestContext(request)
    with hole_context.bind_template(_blank_template()):
        html = pieces_fill(pieces, hole_context)
        token = hole_context["csrf_token"]  # the language form's token, for the page's other forms
    return HttpResponse(csrf_token_put(html, token), status=status)


@functools.cache
def _blank_template():
    """A template of the project's engine, for rendering holes on their own."""
    return engines["django"].engine.from_string("")


def kept_clear(**kwargs) -> None:
    """Forget every kept piece and page: a setting or, in development, a file
    changed."""
    FRAME_PIECES.clear()
    VISITOR_PAGES.clear()
    _blank_template.cache_clear()


# The page frame's rendered pieces (`{% frame_cache %}`). What they hold comes
# from the code, the settings and the language alone, never from the database
# or a person, so a new deploy (a new process), a changed setting or a changed
# file in development is all that makes one old.
FRAME_PIECES: dict[tuple, list[str]] = {}
# The key's values come from short fixed lists (languages, URL names, roles);
# this guards the memory if a mistaken key ever varies on something else.
FRAME_PIECES_MAX = 2000

setting_changed.connect(kept_clear, dispatch_uid="kept-html-settings")
file_changed.connect(kept_clear, dispatch_uid="kept-html-files")
