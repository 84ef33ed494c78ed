"""Opening hours: the text form, and "open now" across time zones, midnight and 24/7."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from helplines.hours import describe_hours, format_hours, opening_status, parse_hours
from tests.factories import make_support_line

NEW_YORK = ZoneInfo("America/New_York")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
HONOLULU = ZoneInfo("Pacific/Honolulu")


def test_parse_hours_expands_day_ranges_and_lists():
    spans = parse_hours("Mon-Wed 10:00-22:00; Sat,Sun 12:00-14:00,18:00-20:00")
    assert spans[:3] == [
        {"day": 0, "opens": "10:00", "closes": "22:00"},
        {"day": 1, "opens": "10:00", "closes": "22:00"},
        {"day": 2, "opens": "10:00", "closes": "22:00"},
    ]
    assert len(spans) == 7
    assert {"day": 6, "opens": "18:00", "closes": "20:00"} in spans


def test_format_hours_groups_days_and_round_trips():
    text = "Mon-Fri 10:00-22:00; Sat 12:00-17:00,19:00-24:00; Sun 20:00-02:00"
    assert format_hours(parse_hours(text)) == text
    assert parse_hours("") == []
    assert format_hours([]) == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Monday 10:00-12:00", "not a day"),
        ("Fri-Mon 10:00-12:00", "runs backwards"),
        ("Mon 10-12", "not a time"),
        ("Mon 25:00-26:00", "not a time"),
        ("Mon 24:00-10:00", "not a time"),
        ("Mon 10:00", "needs an opening and a closing"),
        ("Mon", "needs days and times"),
        ("Mon 09:00-09:00", "same time"),
    ],
)
def test_parse_hours_explains_mistakes(text, message):
    with pytest.raises(ValueError, match=message):
        parse_hours(text)


def test_open_in_new_york_hours_while_evening_in_los_angeles():
    spans = parse_hours("Mon-Fri 10:00-22:00")
    # Friday 21:30 in New York is 18:30 in Los Angeles.
    now = datetime(2026, 11, 27, 21, 30, tzinfo=NEW_YORK)
    status = opening_status(spans, NEW_YORK, now.astimezone(LOS_ANGELES))
    assert status.is_open
    assert status.changes_at == datetime(2026, 11, 27, 22, 0, tzinfo=NEW_YORK)
    assert status.describe(now) == "Open now, until 10:00 PM EST"


def test_closed_for_the_weekend_opens_on_monday():
    spans = parse_hours("Mon-Fri 10:00-22:00")
    now = datetime(2026, 11, 27, 22, 0, tzinfo=NEW_YORK)  # Friday, closing time
    status = opening_status(spans, NEW_YORK, now)
    assert not status.is_open
    assert status.changes_at == datetime(2026, 11, 30, 10, 0, tzinfo=NEW_YORK)
    assert status.describe(now) == "Closed now. Opens Monday at 10:00 AM EST"


def test_the_same_moment_is_open_in_one_zone_and_closed_in_another():
    spans = parse_hours("Mon-Sun 09:00-17:00")
    moment = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)  # 15:00 in NY, 10:00 in Honolulu
    assert opening_status(spans, NEW_YORK, moment).is_open
    assert opening_status(spans, HONOLULU, moment).is_open
    later = datetime(2026, 11, 26, 23, 0, tzinfo=UTC)  # 18:00 in NY, 13:00 in Honolulu
    assert not opening_status(spans, NEW_YORK, later).is_open
    assert opening_status(spans, HONOLULU, later).is_open


def test_hours_that_run_past_midnight_stay_open_into_the_next_day():
    spans = parse_hours("Sat 20:00-02:00")
    sunday_1am = datetime(2026, 11, 29, 1, 0, tzinfo=LOS_ANGELES)
    status = opening_status(spans, LOS_ANGELES, sunday_1am)
    assert status.is_open
    assert status.changes_at == datetime(2026, 11, 29, 2, 0, tzinfo=LOS_ANGELES)
    assert status.describe(sunday_1am) == "Open now, until 2:00 AM PST"
    sunday_3am = datetime(2026, 11, 29, 3, 0, tzinfo=LOS_ANGELES)
    assert not opening_status(spans, LOS_ANGELES, sunday_3am).is_open


def test_spans_that_meet_at_midnight_read_as_one_stretch():
    spans = parse_hours("Sun 20:00-24:00; Mon 00:00-02:00")
    sunday_late = datetime(2026, 11, 29, 23, 0, tzinfo=NEW_YORK)
    status = opening_status(spans, NEW_YORK, sunday_late)
    assert status.is_open
    assert status.changes_at == datetime(2026, 11, 30, 2, 0, tzinfo=NEW_YORK)
    assert status.describe(sunday_late) == "Open now, until tomorrow at 2:00 AM EST"


def test_closed_just_before_midnight_opening():
    spans = parse_hours("Tue 00:00-06:00")
    monday_late = datetime(2026, 11, 30, 23, 59, tzinfo=NEW_YORK)
    status = opening_status(spans, NEW_YORK, monday_late)
    assert not status.is_open
    assert status.describe(monday_late) == "Closed now. Opens tomorrow at 12:00 AM EST"


def test_daylight_saving_time_is_respected():
    spans = parse_hours("Mon-Sun 09:00-17:00")
    # 13:30 UTC is 09:30 in New York in summer (EDT) but 08:30 in winter (EST).
    assert opening_status(spans, NEW_YORK, datetime(2026, 7, 1, 13, 30, tzinfo=UTC)).is_open
    assert not opening_status(spans, NEW_YORK, datetime(2026, 12, 1, 13, 30, tzinfo=UTC)).is_open


@pytest.mark.django_db
def test_a_line_open_24_7_is_always_open():
    line = make_support_line(open_24_7=True)
    for moment in ["2026-11-28 03:00", "2026-11-29 23:59", "2026-12-01 12:00"]:
        with time_machine.travel(datetime.fromisoformat(moment).replace(tzinfo=UTC), tick=False):
            status = line.status_at(timezone.now())
            assert status.is_open
            assert status.describe(timezone.now()) == "Open now: 24 hours a day, every day"


@pytest.mark.django_db
def test_line_status_follows_the_clock_in_its_own_time_zone():
    line = make_support_line(
        open_24_7=False, hours=parse_hours("Mon-Fri 10:00-22:00"), time_zone="America/New_York"
    )
    # Tuesday 9:00 in Los Angeles is noon in New York: open.
    with time_machine.travel(datetime(2026, 12, 1, 9, 0, tzinfo=LOS_ANGELES), tick=False):
        assert line.status_at(timezone.now()).is_open
    # Tuesday 20:00 in Los Angeles is 23:00 in New York: closed until Wednesday 10:00.
    with time_machine.travel(datetime(2026, 12, 1, 20, 0, tzinfo=LOS_ANGELES), tick=False):
        status = line.status_at(timezone.now())
        assert not status.is_open
        assert status.changes_at == datetime(2026, 12, 2, 10, 0, tzinfo=NEW_YORK)


@pytest.mark.django_db
def test_a_line_without_hours_has_no_status():
    line = make_support_line(open_24_7=False, hours=[])
    assert line.status_at(timezone.now()) is None


@pytest.mark.parametrize(
    ("text", "zone", "words"),
    [
        ("Mon-Fri 10:00-22:00", "America/New_York", "Monday to Friday, 10 am to 10 pm Eastern"),
        ("Mon-Sun 16:00-22:00", "America/Chicago", "Every day, 4 pm to 10 pm Central"),
        (
            "Mon-Fri 08:00-21:00; Sat-Sun 12:00-21:00",
            "America/Denver",
            "Monday to Friday, 8 am to 9 pm; Saturday and Sunday, noon to 9 pm Mountain",
        ),
        (
            "Fri-Sun 13:00-19:00; Mon 13:00-19:00",
            "America/Chicago",
            "Friday to Monday, 1 pm to 7 pm Central",
        ),
        ("Mon-Sun 10:00-02:00", "America/Detroit", "Every day, 10 am to 2 am Eastern"),
        ("Sat 08:30-24:00", "America/Los_Angeles", "Saturday, 8:30 am to midnight Pacific"),
        (
            "Mon,Wed 09:00-12:00,13:00-17:00",
            "Europe/Paris",
            "Monday and Wednesday, 9 am to noon and 1 pm to 5 pm Paris time",
        ),
    ],
)
def test_hours_are_described_in_everyday_words(text, zone, words):
    assert describe_hours(parse_hours(text), zone) == words


def test_no_hours_describe_as_nothing():
    assert describe_hours([], "America/New_York") == ""
