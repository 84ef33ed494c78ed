"""Worksheets as PDF files (needs statements, relationships, safety plans),
built with fpdf2 (pure Python).

Members may write in any script, or in emoji. fpdf2's built-in fonts cover
Latin-1 only, so the PDF embeds Kurinto Sans from the weblate-fonts package:
one family covering Latin, Greek, Cyrillic, Hebrew, Arabic, Indic scripts,
Thai and kana, with its Simplified Chinese and Korean cuts as fallbacks, added
only when the text needs them. A character none of them can draw (emoji, for
instance) becomes a visible box, and the PDF says so, so fpdf2 never has to
guess and never writes the missing characters to its log.

Building must stay cheap for any text a form accepts:
- Text is normalised (NFC), invisible characters are dropped, and runs of
  combining marks are cut to a few per letter, before it reaches fpdf2.
- Each process makes, once, a small copy of the regular and bold fonts with
  the Latin, punctuation and symbol glyphs, and uses the large fonts only as
  fallbacks for the characters the small copy lacks. The large fonts are used
  without their OpenType layout tables, which fpdf2 drops anyway but which
  make fontTools' subsetting slow.
- The text is laid out a paragraph at a time against a time budget. Past it,
  building stops with `PDFTooSlow` and the view offers the printable page.
"""

from __future__ import annotations

import tempfile
import time
import unicodedata
from functools import cache
from importlib.resources import files
from pathlib import Path

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from fontTools import subset
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from helplines.crisis import LIFELINE_988

from .models import NeedsStatement, Relationship, SafetyPlan

FONT_DIR = Path(str(files("weblate_fonts") / "static" / "weblate_fonts" / "kurinto" / "ttf"))
REGULAR = "KurintoSans-Rg.ttf"
BOLD = "KurintoSans-Bd.ttf"
# Tried in this order for characters the small regular font lacks.
FALLBACKS = {
    "kurinto-full": REGULAR,
    "kurinto-sc": "KurintoSansSC-Rg.ttf",
    "kurinto-kr": "KurintoSansKR-Rg.ttf",
}
MISSING = "\u25a1"  # WHITE SQUARE, drawn where no font has the character
# Format and other invisible characters mean nothing without a shaping engine.
DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
# Stacked combining marks past this many on one letter are dropped.
MAX_MARKS = 3
# A block longer than this is cut, with a note that the printable page has it
# all. The form accepts less (STATEMENT_SECTION_MAX_LENGTH); this bounds older text.
MAX_BLOCK_CHARS = 6_000
# Laid out one piece at a time, so the time budget is checked often.
PIECE_CHARS = 1_000
# Seconds of this thread's processor time one PDF may take to lay out, and a
# looser bound on the clock, for a machine too busy to give it that time.
TIME_BUDGET = 2.0
WALL_BUDGET = 10.0
# What the small fonts hold: Latin with its spacing and combining marks,
# punctuation, currency, letterlike symbols, arrows and geometric shapes (the
# white square).
COMMON_RANGES = [
    (0x20, 0x36F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x20CF),
    (0x2100, 0x21FF),
    (0x25A0, 0x25FF),
]
# Used only by shaping engines; fpdf2 drops them from the PDF anyway.
LAYOUT_TABLES = ("GDEF", "GPOS", "GSUB")


class PDFTooSlow(Exception):
    """Building this PDF would take longer than its time budget."""


@cache
def _coverage(filename: str) -> frozenset[int]:
    return frozenset(TTFont(FONT_DIR / filename, lazy=True).getBestCmap())


def _without_layout_tables(font: TTFont) -> TTFont:
    for tag in LAYOUT_TABLES:
        if tag in font:
            del font[tag]
    return font


@cache
def _small_font(filename: str) -> Path:
    """This process's small copy of a font: the glyphs of COMMON_RANGES only."""
    font = _without_layout_tables(TTFont(FONT_DIR / filename, lazy=True))
    options = subset.Options(
        notdef_outline=True, recommended_glyphs=True, hinting=False, glyph_names=True
    )
    options.layout_features = []
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for lo, hi in COMMON_RANGES for c in range(lo, hi + 1)])
    subsetter.subset(font)
    path = Path(tempfile.mkdtemp(prefix="connect-fonts-")) / filename
    font.save(path)
    return path


@cache
def _small_coverage(filename: str) -> frozenset[int]:
    return frozenset(TTFont(_small_font(filename), lazy=True).getBestCmap())


def normalise(text: str) -> str:
    """NFC, without invisible characters and with at most MAX_MARKS combining
    marks on any letter: what reaches fpdf2 stays cheap to lay out."""
    out: list[str] = []
    marks = 0
    for char in unicodedata.normalize("NFC", text):
        if char == "\t":
            char = " "
        if char != "\n" and unicodedata.category(char) in DROPPED_CATEGORIES:
            continue
        if unicodedata.combining(char):
            marks += 1
            if marks > MAX_MARKS:
                continue
        else:
            marks = 0
        out.append(char)
    return "".join(out)


def drawable(text: str) -> tuple[str, set[str], bool]:
    """Return the text ready to draw, the fallback fonts it needs, and whether
    any character had to be replaced with a box."""
    out: list[str] = []
    fallbacks: set[str] = set()
    replaced = False
    small = _small_coverage(REGULAR)
    for char in normalise(text):
        code = ord(char)
        if char == "\n" or code in small:
            out.append(char)
            continue
        family = next((name for name, f in FALLBACKS.items() if code in _coverage(f)), None)
        if family is None:
            out.append(MISSING)
            replaced = True
        else:
            out.append(char)
            fallbacks.add(family)
    return "".join(out), fallbacks, replaced


class StatementPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("kurinto", size=8)
        self.cell(
            0,
            5,
            _(
                "In crisis? Call or text %(phone)s (%(name)s, US). "
                "In an emergency, call 911.   Page %(page)d"
            )
            % {"phone": LIFELINE_988.phone, "name": LIFELINE_988.name, "page": self.page_no()},
            align="C",
        )


def _pieces(text: str) -> list[str]:
    """The text in pieces of at most PIECE_CHARS, cut after a space or a line
    break where there is one, for writing one after another."""
    pieces = []
    while len(text) > PIECE_CHARS:
        cut = max(text.rfind(" ", 0, PIECE_CHARS), text.rfind("\n", 0, PIECE_CHARS)) + 1
        if cut <= 0:
            cut = PIECE_CHARS
        pieces.append(text[:cut])
        text = text[cut:]
    if text:
        pieces.append(text)
    return pieces


class _Blocks:
    """Labelled blocks of text, ready to draw: each cut to MAX_BLOCK_CHARS and
    made drawable, remembering which fallback fonts they need."""

    def __init__(self, title: object) -> None:
        self.title, self.fallbacks, self.replaced = drawable(str(title))
        self.items: list[tuple[str, str]] = []
        self.cut = False

    def add(self, label: object, text: str) -> None:
        if not text:
            return
        if len(text) > MAX_BLOCK_CHARS:
            text, self.cut = text[:MAX_BLOCK_CHARS] + "\u2026", True
        clean, needed, was_replaced = drawable(text)
        label, label_needed, label_replaced = drawable(str(label))
        self.fallbacks |= needed | label_needed
        self.replaced |= was_replaced or label_replaced
        self.items.append((label, clean))


def statement_pdf(statement: NeedsStatement, *, budget: float = TIME_BUDGET) -> bytes:
    """The statement as PDF bytes. Raises PDFTooSlow when laying it out takes
    more than `budget` seconds of processor time, or WALL_BUDGET seconds."""
    blocks = _Blocks(statement.title)
    for section in statement.sections():
        parts = [f"\u2022 {item}" for item in section.items]
        parts.append(section.text)
        if section.key == "crisis_contacts":
            parts.append(_crisis_line())
        blocks.add(section.label, "\n".join(part for part in parts if part))
    if statement.with_therapist or statement.therapist_note:
        note = "\n".join(p for p in (statement.therapist_summary, statement.therapist_note) if p)
        blocks.add(_("Working with a therapist"), note)
    return _document(blocks, _last_saved(statement.updated_at), budget=budget)


def safetyplan_pdf(plan: SafetyPlan, *, budget: float = TIME_BUDGET) -> bytes:
    """The safety plan as PDF bytes, its steps in order, with every name and
    number written out. Raises PDFTooSlow like `statement_pdf`."""
    blocks = _Blocks(plan.title)
    for number, step in enumerate(plan.steps(), start=1):
        lines = [f"\u2022 {item}" for item in step["items"]]
        for contact in step["contacts"]:
            line = f"\u2022 {contact.name}"
            if contact.phone:
                line += f": {contact.phone}"
            if contact.message:
                line += " " + _('(text: "%(message)s")') % {"message": contact.message}
            lines.append(line)
        blocks.add(f"{number}. {step['label']}", "\n".join(lines) or "\u2014")
    blocks.add(_("In a crisis"), _crisis_line())
    return _document(blocks, _last_saved(plan.updated_at), budget=budget)


def relationship_pdf(relationship: Relationship, *, budget: float = TIME_BUDGET) -> bytes:
    """A relationship as PDF bytes: its notes, every security check (oldest
    first, so change reads top to bottom) and its test drives."""
    blocks = _Blocks(relationship.name)
    blocks.add(_("Notes"), relationship.notes)
    for check in sorted(relationship.checks.all(), key=lambda c: (c.checked_on, c.pk)):
        lines = [
            f"\u2022 {e['label']}: {e['rating_label']}" + (f". {e['note']}" if e["note"] else "")
            for e in check.elements()
        ]
        label = _("Security check, %(date)s") % {
            "date": formats.date_format(check.checked_on, "DATE_FORMAT")
        }
        blocks.add(label, "\n".join(lines))
    for drive in sorted(relationship.test_drives.all(), key=lambda d: (d.asked_on, d.pk)):
        label = _("Test drive, %(date)s") % {
            "date": formats.date_format(drive.asked_on, "DATE_FORMAT")
        }
        text = _("I asked: %(ask)s") % {"ask": drive.ask}
        if drive.response:
            text += "\n" + _("They: %(response)s") % {"response": drive.response}
        blocks.add(label, text)
    subtitle = _("%(kind)s, last saved %(date)s") % {
        "kind": relationship.get_kind_display(),
        "date": formats.date_format(timezone.localtime(relationship.updated_at), "DATE_FORMAT"),
    }
    return _document(blocks, subtitle, budget=budget)


def _crisis_line() -> str:
    return _(
        "%(name)s, at any hour in the US: call or text %(phone)s. In an emergency, call 911."
    ) % {"name": LIFELINE_988.name, "phone": LIFELINE_988.phone}


def _last_saved(when) -> str:
    return _("Last saved %(date)s") % {
        "date": formats.date_format(timezone.localtime(when), "DATE_FORMAT")
    }


def _document(blocks: _Blocks, subtitle: str, *, budget: float) -> bytes:
    fallbacks = blocks.fallbacks
    pdf = StatementPDF(format="A4")
    pdf.set_creator("Connect")
    pdf.set_lang(translation.get_language() or "en")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_font("kurinto", "", _small_font(REGULAR))
    pdf.add_font("kurinto", "B", _small_font(BOLD))
    for family, filename in FALLBACKS.items():
        if family in fallbacks:
            pdf.add_font(family, "", FONT_DIR / filename)
            _without_layout_tables(pdf.fonts[family].ttfont)
    if fallbacks:
        pdf.set_fallback_fonts([f for f in FALLBACKS if f in fallbacks])
    # The fonts cost the same whatever the text; the budget is for the text.
    cpu_deadline = time.thread_time() + budget
    wall_deadline = time.monotonic() + WALL_BUDGET

    def on_time() -> None:
        if time.thread_time() > cpu_deadline or time.monotonic() > wall_deadline:
            raise PDFTooSlow

    pdf.add_page()
    line = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT, "align": "L"}
    pdf.set_font("kurinto", size=18)
    pdf.multi_cell(0, 9, blocks.title, **line)
    pdf.set_font("kurinto", size=9)
    pdf.multi_cell(0, 5, subtitle, **line)
    pdf.ln(3)
    for label, text in blocks.items:
        on_time()
        pdf.set_font("kurinto", "B", size=11)
        pdf.multi_cell(0, 6, label, **line)
        pdf.set_font("kurinto", size=11)
        for piece in _pieces(text):
            on_time()
            pdf.write(5.5, piece)
        pdf.ln(8.5)
    notes = []
    if blocks.replaced:
        notes.append(
            _(
                "Some characters, such as emoji, cannot be drawn in this PDF and show as "
                "%(box)s. The printable page on Connect shows them all."
            )
            % {"box": MISSING}
        )
    if blocks.cut:
        notes.append(
            _(
                "Some sections are too long for this PDF and end with …. "
                "The printable page on Connect shows them in full."
            )
        )
    for note in notes:
        pdf.set_font("kurinto", size=8)
        pdf.multi_cell(0, 4.5, note, **line)
    on_time()
    return bytes(pdf.output())
