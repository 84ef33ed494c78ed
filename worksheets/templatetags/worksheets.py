from typing import Any

from django import template

from worksheets.models import Rating, SecurityCheck

register = template.Library()

# Geometry of the chart, in SVG user units; the viewBox scales it to fit.
LABEL_WIDTH = 130
BAR_WIDTH = 150
ROW_HEIGHT = 34
BAR_HEIGHT = 20


@register.inclusion_tag("worksheets/includes/security_chart.html")
def security_chart(check: SecurityCheck) -> dict[str, Any]:
    """A bar chart of one check's five ratings, drawn on the server as SVG,
    with the same information as a sentence for screen readers and print."""
    rows = []
    for index, element in enumerate(check.elements()):
        y = index * ROW_HEIGHT
        rows.append(
            {
                **element,
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.75,
                "width": max(4, round(BAR_WIDTH * element["rating"] / Rating.YES)),
                "value_x": LABEL_WIDTH + BAR_WIDTH + 8,
            }
        )
    summary = "; ".join(f"{row['label']}: {row['rating_label'].lower()}" for row in rows)
    return {
        "check": check,
        "rows": rows,
        "summary": summary,
        "label_width": LABEL_WIDTH,
        "bar_width": BAR_WIDTH,
        "bar_height": BAR_HEIGHT,
        "width": LABEL_WIDTH + BAR_WIDTH + 80,
        "height": ROW_HEIGHT * len(rows),
    }


@register.inclusion_tag("worksheets/includes/rating_badges.html")
def rating_badges(check: SecurityCheck | None) -> dict[str, Any]:
    return {"check": check, "elements": check.elements() if check else []}
