"""The needs statement as a PDF file, built with fpdf2 (pure Python).

Members may write in any script, or in emoji. fpdf2's built-in fonts cover
Latin-1 only, so the PDF embeds Kurinto Sans from the weblate-fonts package:
one family covering Latin, Greek, Cyrillic, Hebrew, Arabic, Indic scripts,
Thai and kana, with its Simplified Chinese and Korean cuts as fallbacks, added
only when the text needs them. A character none of them can draw (emoji, for
instance) becomes a visible box, and the PDF says so, so fpdf2 never has to
guess and never writes the missing characters to its log.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib.resources import files
from pathlib import Path

from django.utils import timezone
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from helplines.crisis import LIFELINE_988

from .models import NeedsStatement, SafetyPlan

FONT_DIR = Path(str(files("weblate_fonts") / "static" / "weblate_fonts" / "kurinto" / "ttf"))
REGULAR = "KurintoSans-Rg.ttf"
BOLD = "KurintoSans-Bd.ttf"
# Tried in this order for characters the regular font lacks.
FALLBACKS = {"kurinto-sc": "KurintoSansSC-Rg.ttf", "kurinto-kr": "KurintoSansKR-Rg.ttf"}
MISSING = "\u25a1"  # WHITE SQUARE, drawn where no font has the character
# Format and other invisible characters mean nothing without a shaping engine.
DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


@cache
def _coverage(filename: str) -> frozenset[int]:
    return frozenset(TTFont(FONT_DIR / filename, lazy=True).getBestCmap())


def drawable(text: str) -> tuple[str, set[str], bool]:
    """Return the text ready to draw, the fallback fonts it needs, and whether
    any character had to be replaced with a box."""
    out: list[str] = []
    fallbacks: set[str] = set()
    replaced = False
    regular = _coverage(REGULAR)
    for char in text:
        if char == "\n":
            out.append(char)
            continue
        if char == "\t":
            out.append(" ")
            continue
        if unicodedata.category(char) in DROPPED_CATEGORIES:
            continue
        code = ord(char)
        if code in regular:
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
            f"In crisis? Call or text {LIFELINE_988.phone} ({LIFELINE_988.name}, US). "
            f"In an emergency, call 911.   Page {self.page_no()}",
            align="C",
        )


def statement_pdf(statement: NeedsStatement) -> bytes:
    title, title_fonts, title_replaced = drawable(statement.title)
    blocks: list[tuple[str, str]] = []
    fallbacks = set(title_fonts)
    replaced = title_replaced
    for section in statement.sections():
        parts = [f"\u2022 {item}" for item in section.items]
        parts.append(section.text)
        if section.key == "crisis_contacts":
            parts.append(
                f"{LIFELINE_988.name}: call or text {LIFELINE_988.phone}, at any hour, "
                "in the US. In an emergency, call 911."
            )
        text = "\n".join(part for part in parts if part)
        if not text:
            continue
        clean, needed, was_replaced = drawable(text)
        fallbacks |= needed
        replaced |= was_replaced
        blocks.append((section.label, clean))
    if statement.with_therapist or statement.therapist_note:
        note, needed, was_replaced = drawable(
            "\n".join(p for p in (statement.therapist_summary, statement.therapist_note) if p)
        )
        fallbacks |= needed
        replaced |= was_replaced
        blocks.append(("Working with a therapist", note))

    pdf = StatementPDF(format="A4")
    pdf.set_creator("Connect")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_font("kurinto", "", FONT_DIR / REGULAR)
    pdf.add_font("kurinto", "B", FONT_DIR / BOLD)
    for family, filename in FALLBACKS.items():
        if family in fallbacks:
            pdf.add_font(family, "", FONT_DIR / filename)
    if fallbacks:
        pdf.set_fallback_fonts([f for f in FALLBACKS if f in fallbacks])
    pdf.add_page()

    line = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT, "align": "L"}
    pdf.set_font("kurinto", size=18)
    pdf.multi_cell(0, 9, title, **line)
    pdf.set_font("kurinto", size=9)
    saved = timezone.localtime(statement.updated_at)
    pdf.multi_cell(0, 5, f"Last saved {saved:%d %B %Y}", **line)
    pdf.ln(3)
    for label, text in blocks:
        pdf.set_font("kurinto", "B", size=11)
        pdf.multi_cell(0, 6, label, **line)
        pdf.set_font("kurinto", size=11)
        pdf.multi_cell(0, 5.5, text, **line)
        pdf.ln(3)
    if replaced:
        pdf.set_font("kurinto", size=8)
        pdf.multi_cell(
            0,
            4.5,
            f"Some characters, such as emoji, cannot be drawn in this PDF and show as "
            f"{MISSING}. The printable page on Connect shows them all.",
            **line,
        )
    return bytes(pdf.output())


def safetyplan_pdf(plan: SafetyPlan) -> bytes:
    raise NotImplementedError
