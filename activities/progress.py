"""The progress view's numbers and its chart, drawn as SVG on the server."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, QuerySet

from .models import MOOD_MAX, ActivityLog

CHART_WIDTH = 480
CHART_HEIGHT = 240
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 12, 34
# The chart shows the most recent logs; the table below it lists them all.
CHART_MAX_LOGS = 30


@dataclass(frozen=True)
class ChartMark:
    x: float
    y_before: float
    y_after: float
    log: ActivityLog

    @property
    def went_up(self) -> bool:
        return self.log.mood_after > self.log.mood_before


@dataclass(frozen=True)
class GridLine:
    y: float
    label: int


@dataclass(frozen=True)
class MoodChart:
    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    marks: list[ChartMark]
    grid: list[GridLine]
    first_day: date | None
    last_day: date | None


def _y(mood: int) -> float:
    plot_height = CHART_HEIGHT - TOP - BOTTOM
    return round(TOP + plot_height * (1 - mood / MOOD_MAX), 1)


def mood_chart(logs: Sequence[ActivityLog]) -> MoodChart:
    """Lay out one mark per log, oldest on the left: a line from the mood before
    to the mood after. `logs` must be oldest first."""
    logs = list(logs)[-CHART_MAX_LOGS:]
    plot_width = CHART_WIDTH - LEFT - RIGHT
    step = plot_width / max(len(logs), 1)
    marks = [
        ChartMark(
            x=round(LEFT + step * (i + 0.5), 1),
            y_before=_y(log.mood_before),
            y_after=_y(log.mood_after),
            log=log,
        )
        for i, log in enumerate(logs)
    ]
    return MoodChart(
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        left=LEFT,
        right=CHART_WIDTH - RIGHT,
        top=TOP,
        bottom=CHART_HEIGHT - BOTTOM,
        marks=marks,
        grid=[GridLine(y=_y(n), label=n) for n in (0, 5, 10)],
        first_day=logs[0].done_on if logs else None,
        last_day=logs[-1].done_on if logs else None,
    )


@dataclass(frozen=True)
class Summary:
    count: int
    avg_before: float
    avg_after: float

    @property
    def avg_change(self) -> float:
        return round(self.avg_after - self.avg_before, 1)

    @property
    def change_size(self) -> float:
        return abs(self.avg_change)


def overall_summary(logs: QuerySet[ActivityLog]) -> Summary | None:
    totals = logs.aggregate(count=Count("pk"), before=Avg("mood_before"), after=Avg("mood_after"))
    if not totals["count"]:
        return None
    return Summary(
        count=totals["count"],
        avg_before=round(totals["before"], 1),
        avg_after=round(totals["after"], 1),
    )


def per_activity(logs: QuerySet[ActivityLog], *, limit: int | None = None) -> list[dict]:
    """One row per activity: how often it was logged and the average moods,
    the most logged first; with `limit`, only that many rows."""
    rows = (
        logs.order_by()
        .values("activity__title", "activity__slug")
        .annotate(count=Count("pk"), before=Avg("mood_before"), after=Avg("mood_after"))
        .order_by("-count", "activity__title")
    )[:limit]
    return [
        {
            "title": row["activity__title"],
            "slug": row["activity__slug"],
            "count": row["count"],
            "avg_before": round(row["before"], 1),
            "avg_after": round(row["after"], 1),
            "avg_change": round(row["after"] - row["before"], 1),
        }
        for row in rows
    ]
