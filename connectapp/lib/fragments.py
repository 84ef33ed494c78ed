"""Rendered fragments kept in the shared cache, checked against a version in
the same round trip.

A fragment is stored as (version, value) under a key that leaves the version
out, so one `get_many` fetches both the current version and the fragment: a
fragment stored under an older version is simply a miss. Bumping the version
(on any change to the data behind the fragments) makes every app server stop
using the old ones at once, since they share the cache. Keys also carry a
digest of the code, so a deploy never shows fragments that older code rendered.
"""

import functools
import hashlib
import re
import uuid
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.autoreload import file_changed
from django.utils.safestring import SafeString, mark_safe

# Stands in for the CSRF token in kept HTML; the page puts its own token there
# (the `with_csrf_token` template filter).
CSRF_PLACEHOLDER = "\x00csrf-token\x00"

# What can change how a fragment renders.
CODE_SUFFIXES = {".py", ".html", ".txt", ".mo", ".json"}


@functools.cache
def code_version() -> str:
    """A digest of this project's code, templates and translations, and of the
    static files' manifest: the same on every server that runs the same release."""
    root = Path(settings.BASE_DIR)
    folders = [root / "templates", root / "locale"] + [
        Path(config.path) for config in apps.get_app_configs() if Path(config.path).parent == root
    ]
    files = [
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.suffix in CODE_SUFFIXES and path.is_file()
    ]
    # The libraries' versions, and the static files' hashed names.
    files += [root / "requirements.txt", Path(settings.STATIC_ROOT) / "staticfiles.json"]
    digest = hashlib.sha256()
    for path in sorted(path for path in files if path.is_file()):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# In development a changed template reloads without a new process.
file_changed.connect(lambda **kwargs: code_version.cache_clear(), weak=False)


# A line's indentation (and any blank lines before it), except in <pre> and
# <textarea>, whose text shows as written.
_INDENTATION = re.compile(r"(<(?:pre|textarea)\b.*?</(?:pre|textarea)>)|\n\s+", re.S | re.I)


def indentation_drop(html: str) -> str:
    """Rendered HTML without the templates' indentation and blank lines: the
    same page for the browser (a line break still separates what it did), in
    about half the bytes for a page of cards. For HTML that is kept and sent
    many times."""
    return _INDENTATION.sub(lambda match: match.group(1) or "\n", html)


def kept_html(template_name: str, context: dict) -> str:
    """A template rendered to be kept: without its indentation."""
    return indentation_drop(render_to_string(template_name, context))


def csrf_token_put(html: str, token) -> SafeString:
    """Kept HTML, rendered by the template engine with CSRF_PLACEHOLDER for the
    token, with this request's CSRF token put in (the token is URL-safe)."""
    return mark_safe(html.replace(CSRF_PLACEHOLDER, str(token)))  # noqa: S308  # nosec B308 B703


def version_get(version_key: str) -> str:
    """The current version, made up on first use."""
    version = cache.get(version_key)
    return version if version is not None else version_start(version_key)


def version_start(version_key: str) -> str:
    """A new version for a key that has none; another server's, if it won."""
    version = uuid.uuid4().hex
    if not cache.add(version_key, version, timeout=None):
        version = cache.get(version_key, version)
    return version


def fragment_get(version_key: str, key: str) -> tuple[str, Any]:
    """(the current version, the fragment kept under it or None)."""
    key = f"{key}:{code_version()}"
    found = cache.get_many([version_key, key])
    version = found.get(version_key)
    if version is None:
        version = version_start(version_key)
    entry = found.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == version:
        return version, entry[1]
    return version, None


def fragment_set(key: str, version: str, value: Any, timeout: int) -> None:
    cache.set(f"{key}:{code_version()}", (version, value), timeout)


def version_bump(version_key: str) -> None:
    cache.set(version_key, uuid.uuid4().hex, timeout=None)
