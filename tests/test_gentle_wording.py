"""No streaks that shame, no "missed", no guilt: anywhere a member reads.

This searches every template (pages and emails) for wording that keeps
score or blames. "No streak to lose" on the home page says the opposite, so
a streak mentioned after "no" is fine.
"""

import re
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"

FORBIDDEN = [
    r"(?<!no )\bstreaks?\b",
    r"\bmissed\b",
    r"\bmissing out\b",
    r"\byou forgot\b",
    r"\byou failed\b",
    r"\bfailed to\b",
    r"\bdon'?t break\b",
    r"\bfalling behind\b",
    r"\bshould have\b",
    r"\blazy\b",
    r"\bguilt",
]


def test_no_template_uses_score_keeping_or_guilt_wording():
    problems = []
    for path in sorted(TEMPLATES.rglob("*")):
        if path.suffix not in {".html", ".txt"}:
            continue
        text = path.read_text(encoding="utf-8").lower()
        for pattern in FORBIDDEN:
            for match in re.finditer(pattern, text):
                problems.append(f"{path.relative_to(TEMPLATES)}: {match.group(0)!r}")
    assert problems == []


def test_the_check_finds_what_it_looks_for():
    samples = ["You missed a day", "Keep your streak going", "Don't break the chain"]
    for sample in samples:
        assert any(re.search(p, sample.lower()) for p in FORBIDDEN), sample
    assert not any(re.search(p, "there is no streak to lose") for p in FORBIDDEN)
