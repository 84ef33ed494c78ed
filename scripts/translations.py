#!/usr/bin/env python
"""Keep the translation catalogues complete and up to date.

    .venv/bin/python scripts/translations.py update   # after marking strings
    .venv/bin/python scripts/translations.py check    # what CI runs

`update` collects every marked string into locale/<lang>/LC_MESSAGES/django.po
(makemessages) and compiles the .mo files that are committed beside them.

`check` changes nothing in the working tree. It fails when:
  - a catalogue has a fuzzy, empty or obsolete entry;
  - makemessages, run on a temporary copy of the project, finds a string the
    committed catalogue lacks, or the catalogue keeps one the code no longer has
    (line references and POT-Creation-Date are ignored);
  - compilemessages fails (msgfmt --check-format), or the committed .mo does not
    match the .po it should have been compiled from.

Both need GNU gettext (msgfmt, msgmerge, xgettext): `apt-get install gettext`.
docs/translation.md explains the workflow.
"""

import os
import shutil
import subprocess  # nosec B404: runs manage.py with fixed arguments
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
# Every language but English, which is the source language.
LANGUAGES = ["es"]
# Folders with no user-facing strings of Connect's own.
IGNORED = ["tests", "scripts", "docs", "staticfiles", "locale", "node_modules"]
MAKEMESSAGES = [
    "makemessages",
    *(arg for lang in LANGUAGES for arg in ("--locale", lang)),
    "--domain",
    "django",
    "--no-obsolete",
    # File names without line numbers: fewer merge conflicts, still findable.
    "--add-location",
    "file",
    *(arg for folder in IGNORED for arg in ("--ignore", folder)),
]
COMPILEMESSAGES = [
    "compilemessages",
    *(arg for lang in LANGUAGES for arg in ("--locale", lang)),
    *(arg for folder in IGNORED if folder != "locale" for arg in ("--ignore", folder)),
]
COPY_IGNORED = shutil.ignore_patterns(
    ".venv", ".git", "__pycache__", ".*cache", "staticfiles", "*.sqlite3", "node_modules"
)


def po_path(root: Path, lang: str) -> Path:
    return root / "locale" / lang / "LC_MESSAGES" / "django.po"


def manage(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        # Collecting strings needs settings but no secrets and no database.
        "ENV_FILE": "/nonexistent",
        "DEBUG": "True",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "translations-script-only",
    }
    command = [sys.executable, "manage.py", *args]
    subprocess.run(command, cwd=root, env=env, check=True)  # noqa: S603  # nosec B603


def key(entry: polib.POEntry) -> tuple[str | None, str, str]:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def describe(entry_key: tuple[str | None, str, str]) -> str:
    context, msgid, _ = entry_key
    return f"[{context}] {msgid!r}" if context else repr(msgid)


def entry_problems(po: polib.POFile) -> list[str]:
    problems = ["fuzzy: the header"] if po.metadata_is_fuzzy else []
    for entry in po:
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {describe(key(entry))}")
        elif not entry.translated():
            problems.append(f"empty: {describe(key(entry))}")
    problems += [f"obsolete: {describe(key(e))}" for e in po.obsolete_entries()]
    return problems


def catalogue_keys(po: polib.POFile) -> set:
    return {key(e) for e in po if not e.obsolete}


def mo_messages(path: Path) -> set:
    return {
        (e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in polib.mofile(str(path))
        if e.msgid
    }


def check() -> list[str]:
    problems = []
    for lang in LANGUAGES:
        path = po_path(ROOT, lang)
        if not path.is_file():
            problems.append(f"{lang}: {path.relative_to(ROOT)} is missing")
            continue
        problems += [f"{lang}: {p}" for p in entry_problems(polib.pofile(str(path)))]

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "connect"
        shutil.copytree(ROOT, copy, ignore=COPY_IGNORED)
        # compilemessages skips a .mo newer than its .po: compile from scratch.
        for mo in (copy / "locale").glob("*/LC_MESSAGES/*.mo"):
            mo.unlink()
        # The committed .po files must compile, and to the committed .mo files.
        try:
            manage(copy, *COMPILEMESSAGES)
        except subprocess.CalledProcessError:
            return [*problems, "compilemessages failed: see msgfmt's message above"]
        for lang in LANGUAGES:
            committed = po_path(ROOT, lang).with_suffix(".mo")
            if not committed.is_file():
                problems.append(f"{lang}: {committed.relative_to(ROOT)} is missing")
            elif mo_messages(committed) != mo_messages(po_path(copy, lang).with_suffix(".mo")):
                problems.append(f"{lang}: django.mo is not compiled from the current django.po")
        # Collecting strings again must find exactly the committed catalogue.
        manage(copy, *MAKEMESSAGES)
        for lang in LANGUAGES:
            if not po_path(ROOT, lang).is_file():
                continue
            committed = catalogue_keys(polib.pofile(str(po_path(ROOT, lang))))
            fresh = catalogue_keys(polib.pofile(str(po_path(copy, lang))))
            problems += [f"{lang}: not in the catalogue: {describe(k)}" for k in fresh - committed]
            problems += [f"{lang}: no longer in the code: {describe(k)}" for k in committed - fresh]
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[1] not in {"check", "update"}:
        print(__doc__)
        return 2
    if shutil.which("msgfmt") is None or shutil.which("msgmerge") is None:
        print("GNU gettext is missing. Install it: apt-get install gettext", file=sys.stderr)
        return 2
    if argv[1] == "update":
        manage(ROOT, *MAKEMESSAGES)
        manage(ROOT, *COMPILEMESSAGES)
        return 0
    problems = check()
    if problems:
        print("The translation catalogues need work:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        print("Mark strings, run `scripts/translations.py update`, translate, run it again.")
        return 1
    print("Translation catalogues: complete, up to date, and compiled.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
