import itertools
from datetime import date, timedelta

import pytest
from django.utils import translation

from activities.models import ActivityLog
from activities.progress import CHART_MAX_LOGS, mood_chart, overall_summary, per_activity
from tests.factories import make_activity, make_log

pytestmark = pytest.mark.django_db


def test_the_chart_puts_low_moods_low_and_high_moods_high(member):
    log = make_log(owner=member, mood_before=0, mood_after=10)
    chart = mood_chart([log])
    (mark,) = chart.marks
    assert mark.y_before == chart.bottom
    assert mark.y_after == chart.top
    assert mark.went_up
    assert chart.left < mark.x < chart.right


def test_the_chart_shows_the_most_recent_logs_oldest_first(member):
    start = date(2026, 1, 1)
    logs = [
        make_log(owner=member, done_on=start + timedelta(days=i)) for i in range(CHART_MAX_LOGS + 5)
    ]
    chart = mood_chart(logs)
    assert len(chart.marks) == CHART_MAX_LOGS
    assert chart.first_day == start + timedelta(days=5)
    assert chart.last_day == logs[-1].done_on
    xs = [mark.x for mark in chart.marks]
    assert xs == sorted(xs)


def test_an_empty_chart_has_no_marks():
    chart = mood_chart([])
    assert chart.marks == [] and chart.first_day is None


def test_summaries_average_before_and_after(member):
    park, forum = make_activity(title="Park"), make_activity(title="Forum")
    make_log(owner=member, activity=park, mood_before=2, mood_after=6)
    make_log(owner=member, activity=park, mood_before=4, mood_after=6)
    make_log(owner=member, activity=forum, mood_before=5, mood_after=4)
    logs = ActivityLog.objects.owned_by(member)
    summary = overall_summary(logs)
    assert (summary.count, summary.avg_before, summary.avg_after) == (3, 3.7, 5.3)
    rows = per_activity(logs)
    assert [(r["title"], r["count"], r["avg_change"]) for r in rows] == [
        ("Park", 2, 3.0),
        ("Forum", 1, -1.0),
    ]
    assert overall_summary(ActivityLog.objects.none()) is None


def test_the_chart_spaces_marks_by_date_not_by_entry(member):
    days = [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 11)]
    chart = mood_chart([make_log(owner=member, done_on=day) for day in days])
    first, second, third = (mark.x for mark in chart.marks)
    # One day apart, then nine days apart: the gaps follow the calendar.
    assert (third - second) == pytest.approx(9 * (second - first), rel=0.01)
    assert chart.ticks[0].day == days[0]
    assert chart.ticks[-1].day == days[-1]
    assert 2 <= len(chart.ticks) <= 4


def test_the_days_on_the_axis_never_overlap(member):
    # The longest month name in the shortest span that still gets four dates.
    days = [date(2026, 9, 1), date(2026, 9, 2), date(2026, 9, 3), date(2026, 9, 4)]
    chart = mood_chart([make_log(owner=member, done_on=day) for day in days])
    assert [tick.label for tick in chart.ticks] == ["Sep 1", "Sep 2", "Sep 3", "Sep 4"]
    with translation.override("es"):
        assert [tick.label for tick in chart.ticks] == ["1 sep", "2 sep", "3 sep", "4 sep"]

    days = [date(2026, 9, 18), date(2026, 9, 21), date(2026, 9, 24), date(2026, 9, 27)]
    chart = mood_chart([make_log(owner=member, done_on=day) for day in days])
    for language in ("en", "es"):
        with translation.override(language):
            spans = []
            for tick in chart.ticks:
                # 15 px text (.mood-chart-label): about 9 units a character at most.
                width = 9 * len(tick.label)
                start = {"start": 0, "middle": width / 2, "end": width}[tick.anchor]
                spans.append((tick.x - start, tick.x - start + width))
            assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))
            assert spans[0][0] >= 0 and spans[-1][1] <= chart.width


def test_logs_on_the_same_day_sit_side_by_side(member):
    day = date(2026, 3, 1)
    chart = mood_chart([make_log(owner=member, done_on=day) for _ in range(3)])
    xs = [mark.x for mark in chart.marks]
    assert len(set(xs)) == 3
    assert all(chart.left <= x <= chart.right for x in xs)
    assert [tick.day for tick in chart.ticks] == [day]


def test_the_after_marker_points_the_way_the_mood_went(member):
    up, down, same = (
        make_log(owner=member, mood_before=2, mood_after=6),
        make_log(owner=member, mood_before=6, mood_after=2),
        make_log(owner=member, mood_before=4, mood_after=4),
    )
    marks = {mark.log.pk: mark for mark in mood_chart([up, down, same]).marks}

    def tip_y(mark):
        return float(mark.after_points.split()[0].split(",")[1])

    assert tip_y(marks[up.pk]) < marks[up.pk].y_after  # the tip points up
    assert tip_y(marks[down.pk]) > marks[down.pk].y_after  # the tip points down
    assert len(marks[same.pk].after_points.split()) == 4  # a diamond
