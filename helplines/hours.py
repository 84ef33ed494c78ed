"""Opening hours: a short text form for people, a list of spans for the database.

Text form (used in the admin and in CSV files), `;` between groups:

    Mon-Fri 10:00-22:00; Sat 12:00-17:00,19:00-23:00; Sun 20:00-02:00

Days are Mon Tue Wed Thu Fri Sat Sun, alone, as a range (Mon-Fri) or as a
comma list (Mon,Wed). Times are 24-hour HH:MM in the line's own time zone.
A span whose closing time is not after its opening time runs past midnight;
24:00 means the end of the day. Lines open all the time use the separate
24/7 flag instead.

Stored form: `[{"day": 0, "opens": "10:00", "closes": "22:00"}, ...]`, one
span per day, with Monday as 0.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.dateformat import format as date_format
from django.utils.dates import WEEKDAYS
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_INDEX = {name.lower(): index for index, name in enumerate(DAY_NAMES)}
_TIME = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")
END_OF_DAY = "24:00"


def _parse_time(text: str, *, closing: bool) -> str:
    match = _TIME.match(text)
    if not match or (match.group(1) == "24" and (match.group(2) != "00" or not closing)):
        raise ValueError(
            _("“%(text)s” is not a time. Use 24-hour HH:MM, like 09:30 or 22:00.") % {"text": text}
        )
    return text


def _parse_days(text: str) -> list[int]:
    days: list[int] = []
    for part in text.split(","):
        bounds = part.strip().lower().split("-")
        if len(bounds) > 2 or not all(bound in _DAY_INDEX for bound in bounds):
            raise ValueError(
                _(
                    "“%(text)s” is not a day or range of days. "
                    "Use Mon, Tue, Wed, Thu, Fri, Sat, Sun, or a range like Mon-Fri."
                )
                % {"text": part.strip()}
            )
        first, last = _DAY_INDEX[bounds[0]], _DAY_INDEX[bounds[-1]]
        if last < first:
            raise ValueError(
                _("“%(text)s” runs backwards. Write ranges from Mon to Sun.")
                % {"text": part.strip()}
            )
        days.extend(range(first, last + 1))
    return days


def parse_hours(text: str) -> list[dict]:
    """Turn the text form into stored spans. Raises ValueError with a clear message."""
    spans: list[dict] = []
    for group in filter(None, (g.strip() for g in (text or "").split(";"))):
        day_text, _space, times_text = group.partition(" ")
        if not times_text.strip():
            raise ValueError(
                _("“%(text)s” needs days and times, like “Mon-Fri 10:00-22:00”.") % {"text": group}
            )
        days = _parse_days(day_text)
        for range_text in times_text.replace(" ", "").split(","):
            opens, dash, closes = range_text.partition("-")
            if not dash:
                raise ValueError(
                    _("“%(text)s” needs an opening and a closing time, like 10:00-22:00.")
                    % {"text": range_text}
                )
            opens = _parse_time(opens, closing=False)
            closes = _parse_time(closes, closing=True)
            if opens == closes:
                raise ValueError(
                    _(
                        "“%(text)s” opens and closes at the same time. "
                        "For a line that never closes, tick 24/7 instead."
                    )
                    % {"text": range_text}
                )
            spans.extend({"day": day, "opens": opens, "closes": closes} for day in days)
    validate_spans(spans)
    return sorted(spans, key=lambda span: (span["day"], span["opens"]))


def validate_spans(spans: object) -> None:
    """Check the stored form, wherever it comes from."""
    if not isinstance(spans, list):
        raise ValueError(_("Hours must be a list of spans."))
    for span in spans:
        if not isinstance(span, dict) or set(span) != {"day", "opens", "closes"}:
            raise ValueError(_("Each span needs exactly a day, an opening and a closing time."))
        if span["day"] not in range(7):
            raise ValueError(_("A span's day must be 0 (Monday) to 6 (Sunday)."))
        _parse_time(str(span["opens"]), closing=False)
        _parse_time(str(span["closes"]), closing=True)


def format_hours(spans: list[dict]) -> str:
    """The text form of stored spans, with runs of days that share times grouped."""
    times_by_day: dict[int, str] = {}
    for span in sorted(spans, key=lambda s: (s["day"], s["opens"])):
        ranges = times_by_day.get(span["day"])
        this = f"{span['opens']}-{span['closes']}"
        times_by_day[span["day"]] = f"{ranges},{this}" if ranges else this
    groups: list[str] = []
    day = 0
    while day < 7:
        if day not in times_by_day:
            day += 1
            continue
        last = day
        while last + 1 < 7 and times_by_day.get(last + 1) == times_by_day[day]:
            last += 1
        days = DAY_NAMES[day] if last == day else f"{DAY_NAMES[day]}-{DAY_NAMES[last]}"
        groups.append(f"{days} {times_by_day[day]}")
        day = last + 1
    return "; ".join(groups)


@dataclass(frozen=True)
class OpeningStatus:
    """Open or closed at a moment, and when that changes (None: never, or unknown)."""

    is_open: bool
    changes_at: datetime | None
    always_open: bool = False

    def describe(self, now: datetime) -> str:
        if self.always_open:
            return _("Open now: 24 hours a day, every day")
        if self.changes_at is None:
            return _("Open now") if self.is_open else _("Closed now")
        when = _describe_moment(self.changes_at, now, say_today=not self.is_open)
        if self.is_open:
            return _("Open now, until %(when)s") % {"when": when}
        return _("Closed now. Opens %(when)s") % {"when": when}


def _describe_moment(moment: datetime, now: datetime, *, say_today: bool = True) -> str:
    # Translators: a time of day with its zone, as Django date format
    # characters (https://docs.djangoproject.com/en/stable/ref/templates/builtins/#date).
    clock = date_format(moment, pgettext("clock time with zone", "g:i A T"))
    days_ahead = (moment.date() - now.astimezone(moment.tzinfo).date()).days
    if days_ahead == 0:
        return _("today at %(time)s") % {"time": clock} if say_today else clock
    if days_ahead == 1:
        return _("tomorrow at %(time)s") % {"time": clock}
    return _("%(day)s at %(time)s") % {"day": date_format(moment, "l"), "time": clock}


def _at(day: date, clock: str, tz: ZoneInfo) -> datetime:
    if clock == END_OF_DAY:
        return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=tz)
    hours, minutes = map(int, clock.split(":"))
    return datetime.combine(day, time(hours, minutes), tzinfo=tz)


def _intervals(spans: list[dict], tz: ZoneInfo, around: date) -> list[tuple[datetime, datetime]]:
    """Concrete open intervals from the day before `around` to a week after,
    with touching or overlapping intervals merged (so 20:00-24:00 on Sunday and
    00:00-02:00 on Monday read as one stretch)."""
    intervals = []
    for offset in range(-1, 8):
        day = around + timedelta(days=offset)
        for span in spans:
            if span["day"] != day.weekday():
                continue
            start = _at(day, span["opens"], tz)
            end = _at(day, span["closes"], tz)
            if end <= start:
                end += timedelta(days=1)
            intervals.append((start, end))
    merged: list[tuple[datetime, datetime]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def opening_status(spans: list[dict], tz: ZoneInfo, now: datetime) -> OpeningStatus:
    """Whether a line with these spans is open at `now` (any aware datetime)."""
    local_now = now.astimezone(tz)
    intervals = _intervals(spans, tz, local_now.date())
    for start, end in intervals:
        if start <= local_now < end:
            return OpeningStatus(True, end.astimezone(tz))
        if start > local_now:
            return OpeningStatus(False, start.astimezone(tz))
    return OpeningStatus(False, None)


ZONE_WORDS = {
    "America/New_York": gettext_lazy("Eastern"),
    "America/Detroit": gettext_lazy("Eastern"),
    "America/Indiana/Indianapolis": gettext_lazy("Eastern"),
    "America/Kentucky/Louisville": gettext_lazy("Eastern"),
    "America/Chicago": gettext_lazy("Central"),
    "America/Denver": gettext_lazy("Mountain"),
    "America/Boise": gettext_lazy("Mountain"),
    "America/Phoenix": gettext_lazy("Arizona time"),
    "America/Los_Angeles": gettext_lazy("Pacific"),
    "America/Anchorage": gettext_lazy("Alaska time"),
    "Pacific/Honolulu": gettext_lazy("Hawaii time"),
}


def _clock_words(clock: str) -> str:
    """22:00 is "10 pm", 08:30 "8:30 am", 12:00 "noon", 00:00 and 24:00 "midnight"."""
    hours, minutes = map(int, clock.split(":"))
    if minutes == 0 and hours in (0, 24):
        return _("midnight")
    if minutes == 0 and hours == 12:
        return _("noon")
    hour12 = hours % 12 or 12
    time = f"{hour12}" if minutes == 0 else f"{hour12}:{minutes:02d}"
    return (_("%(time)s am") if hours < 12 else _("%(time)s pm")) % {"time": time}


def _and(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(parts) == 1:
        return parts[0]
    return _("%(list)s and %(last)s") % {"list": ", ".join(parts[:-1]), "last": parts[-1]}


def _days_words(days: list[int]) -> str:
    """Consecutive runs become "Monday to Friday"; the whole week is "Every day"."""
    if days == list(range(7)):
        return _("Every day")
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][-1] == 6:
        runs[0] = runs.pop() + runs[0]  # Friday to Monday runs over the weekend
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(
                _("%(first)s to %(last)s") % {"first": WEEKDAYS[run[0]], "last": WEEKDAYS[run[-1]]}
            )
        else:
            parts.extend(str(WEEKDAYS[day]) for day in run)
    return capfirst(_and(parts))


def describe_hours(spans: list[dict], time_zone: str) -> str:
    """Hours as a person reads them, in the active language:
    "Monday to Friday, 10 am to 10 pm Eastern"."""
    times_by_day: dict[int, list[str]] = {}
    for span in sorted(spans, key=lambda s: (s["day"], s["opens"])):
        times_by_day.setdefault(span["day"], []).append(
            _("%(opens)s to %(closes)s")
            % {"opens": _clock_words(span["opens"]), "closes": _clock_words(span["closes"])}
        )
    days_by_times: dict[str, list[int]] = {}
    for day, ranges in sorted(times_by_day.items()):
        days_by_times.setdefault(_and(ranges), []).append(day)
    if time_zone in ZONE_WORDS:
        zone = str(ZONE_WORDS[time_zone])
    else:
        place = time_zone.split("/")[-1].replace("_", " ")
        zone = _("%(place)s time") % {"place": place}
    groups = [
        _("%(days)s, %(times)s") % {"days": _days_words(days), "times": times}
        for times, days in days_by_times.items()
    ]
    if not groups:
        return ""
    return _("%(hours)s %(zone)s") % {"hours": "; ".join(groups), "zone": zone}
