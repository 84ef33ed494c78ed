"""The progress view's numbers and its chart, drawn as SVG on the server."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Avg, Count, QuerySet
from django.utils.formats import date_format
from django.utils.translation import pgettext

from .models import MOOD_MAX, ActivityLog

# Small enough that a phone shows the SVG at about its own size, so its labels
# stay readable (14 px of text in a 360-unit chart); see .mood-chart-figure.
CHART_WIDTH = 360
CHART_HEIGHT = 230
LEFT, RIGHT, TOP, BOTTOM = 34, 22, 14, 40
# Logs on the same day sit this far apart, side by side, instead of on top of each other.
SAME_DAY_SPREAD = 12
# At most this many dates label the time axis.
MAX_DAY_TICKS = 4
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

    @property
    def went_down(self) -> bool:
        return self.log.mood_after < self.log.mood_before

    @property
    def after_points(self) -> str:
        """The mood-after marker: a triangle pointing up for a rise, down for a
        fall, so the direction never rests on colour alone. No change: a diamond."""
        x, y = self.x, self.y_after
        if self.went_up:
            corners = [(x, y - 8), (x + 7, y + 5), (x - 7, y + 5)]
        elif self.went_down:
            corners = [(x, y + 8), (x + 7, y - 5), (x - 7, y - 5)]
        else:
            corners = [(x, y - 7), (x + 7, y), (x, y + 7), (x - 7, y)]
        return " ".join(f"{round(cx, 1)},{round(cy, 1)}" for cx, cy in corners)


@dataclass(frozen=True)
class GridLine:
    y: float
    label: int


@dataclass(frozen=True)
class DayTick:
    x: float
    day: date
    anchor: str

    @property
    def label(self) -> str:
        """A short date ("Nov 18"): a month's full name leaves no room for four
        of them along the axis."""
        return date_format(self.day, pgettext("mood chart axis, a Django date format", "M j"))


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
    ticks: list[DayTick]
    first_day: date | None
    last_day: date | None

    @property
    def tick_y(self) -> float:
        return self.bottom + 22


def _y(mood: int) -> float:
    plot_height = CHART_HEIGHT - TOP - BOTTOM
    return round(TOP + plot_height * (1 - mood / MOOD_MAX), 1)


def _day_x(day: date, first: date, last: date) -> float:
    """Where a day sits on the time axis: spaced by date, not by entry."""
    inner_left, inner_right = LEFT + SAME_DAY_SPREAD, CHART_WIDTH - RIGHT - SAME_DAY_SPREAD
    span = (last - first).days
    if span == 0:
        return (inner_left + inner_right) / 2
    return inner_left + (inner_right - inner_left) * (day - first).days / span


def _day_ticks(first: date, last: date) -> list[DayTick]:
    span = (last - first).days
    count = min(MAX_DAY_TICKS, span + 1)
    if count <= 1:
        return [DayTick(x=round(_day_x(first, first, last), 1), day=first, anchor="middle")]
    days = sorted({first + timedelta(days=round(span * i / (count - 1))) for i in range(count)})
    return [
        DayTick(
            x=round(_day_x(day, first, last), 1),
            day=day,
            anchor="start" if day == first else "end" if day == last else "middle",
        )
        for day in days
    ]


def mood_chart(logs: Sequence[ActivityLog]) -> MoodChart:
    """Lay out one mark per log, placed by its day, oldest on the left: a line
    from the mood before to the mood after. `logs` must be oldest first."""
    logs = list(logs)[-CHART_MAX_LOGS:]
    first = logs[0].done_on if logs else None
    last = logs[-1].done_on if logs else None
    same_day = Counter(log.done_on for log in logs)
    seen: Counter = Counter()
    marks = []
    for log in logs:
        offset = (seen[log.done_on] - (same_day[log.done_on] - 1) / 2) * SAME_DAY_SPREAD
        offset *= min(1, 2 / max(same_day[log.done_on] - 1, 1))  # many in a day stay close
        seen[log.done_on] += 1
        marks.append(
            ChartMark(
                x=round(_day_x(log.done_on, first, last) + offset, 1),
                y_before=_y(log.mood_before),
                y_after=_y(log.mood_after),
                log=log,
            )
        )
    return MoodChart(
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        left=LEFT,
        right=CHART_WIDTH - RIGHT,
        top=TOP,
        bottom=_y(0),
        marks=marks,
        grid=[GridLine(y=_y(n), label=n) for n in (0, 5, 10)],
        ticks=_day_ticks(first, last) if logs else [],
        first_day=first,
        last_day=last,
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

    @property
    def change_count(self) -> int:
        """A whole number for choosing "point" or "points" (gettext counts in
        integers); a fractional change always reads as plural."""
        size = self.change_size
        return int(size) if float(size).is_integer() else 2


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
