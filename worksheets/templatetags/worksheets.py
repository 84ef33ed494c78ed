from typing import Any

from django import template
from django.utils import formats

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


# The small charts of each element over time.
TREND_WIDTH = 260
TREND_HEIGHT = 96
TREND_LEFT = 58  # room for the "Yes" and "Not yet" labels
TREND_TOP = 8
TREND_PLOT_HEIGHT = 60
TREND_RIGHT = 8


@register.inclusion_tag("worksheets/includes/element_trends.html")
def element_trends(checks: list[SecurityCheck]) -> dict[str, Any]:
    """One small line chart per element across the dated checks (oldest on
    the left), drawn on the server as SVG. Points are spaced by date, each is
    a marked dot, and the rating is the height with labelled ends, so nothing
    depends on colour; each chart also says its ratings in words, and the
    table beside it gives every rating."""
    ordered = sorted(checks, key=lambda c: (c.checked_on, c.pk))
    if len(ordered) < 2:
        return {"charts": [], "checks": ordered}
    first, last = ordered[0].checked_on, ordered[-1].checked_on
    span = max((last - first).days, 1)
    plot_width = TREND_WIDTH - TREND_LEFT - TREND_RIGHT
    rows = [check.elements() for check in ordered]
    charts = []
    for index, element in enumerate(rows[0]):
        points = []
        for check, elements in zip(ordered, rows, strict=True):
            rating = elements[index]["rating"]
            days = (check.checked_on - first).days
            drop = TREND_PLOT_HEIGHT * (Rating.YES - rating) / Rating.YES
            points.append(
                {
                    "x": round(TREND_LEFT + plot_width * days / span, 1),
                    "y": round(TREND_TOP + drop, 1),
                    "date": check.checked_on,
                    "rating_label": elements[index]["rating_label"],
                }
            )
        charts.append(
            {
                "key": element["key"],
                "label": element["label"],
                "points": points,
                "line": " ".join(f"{p['x']},{p['y']}" for p in points),
                "summary": "; ".join(
                    f"{formats.date_format(p['date'], 'DATE_FORMAT')}: "
                    f"{str(p['rating_label']).lower()}"
                    for p in points
                ),
            }
        )
    return {
        "charts": charts,
        "checks": list(reversed(ordered)),
        "first": first,
        "last": last,
        "width": TREND_WIDTH,
        "height": TREND_HEIGHT,
        "left": TREND_LEFT,
        "right": TREND_WIDTH - TREND_RIGHT,
        "top": TREND_TOP,
        "bottom": TREND_TOP + TREND_PLOT_HEIGHT,
        "axis_y": TREND_TOP + TREND_PLOT_HEIGHT + 22,
        "yes_label": Rating.YES.label,
        "not_yet_label": Rating.NOT_YET.label,
    }


@register.inclusion_tag("worksheets/includes/rating_badges.html")
def rating_badges(check: SecurityCheck | None) -> dict[str, Any]:
    return {"check": check, "elements": check.elements() if check else []}
