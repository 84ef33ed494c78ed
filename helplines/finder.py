"""The finder's order, shared by the page and the JSON API.

Crisis lines come first. Then the guide's own-state-first rule for warmlines:
1. warmlines in the person's state;
2. warmlines in neighbouring states that take calls from other states;
3. other warmlines that take calls from anywhere, nearest state first
   (national warmlines after every state's);
4. national peer-support lines (and any in the person's own state).
Information and referral lines close the list.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from connectapp.lib.states import NATIONAL, STATES, State

from .hours import OpeningStatus
from .models import SupportLine

Kind = SupportLine.Kind


@dataclass(frozen=True)
class FinderEntry:
    line: SupportLine
    status: OpeningStatus | None
    is_stale: bool


@dataclass(frozen=True)
class FinderSection:
    key: str
    title: str
    entries: list[FinderEntry]


def _distance(state: State, line: SupportLine) -> float:
    other = STATES.get(line.region)
    return state.distance_km(other) if other else float("inf")


def find_lines(*, state: State | None, now: datetime) -> list[FinderSection]:
    """The finder's sections in order, each already sorted. One query."""
    lines = list(SupportLine.objects.published().relevant_to(state.code if state else None))
    today = timezone.localdate(now)

    def entries(chosen: list[SupportLine]) -> list[FinderEntry]:
        return [FinderEntry(line, line.status_at(now), line.is_stale(today)) for line in chosen]

    def of_kind(kind: str, regions: set[str]) -> list[SupportLine]:
        # Lines of the person's own state before national ones, then by name.
        return sorted(
            (line for line in lines if line.kind == kind and line.region in regions),
            key=lambda line: (line.is_national, line.name.lower()),
        )

    home = {NATIONAL} | ({state.code} if state else set())
    sections = [FinderSection("crisis", "Crisis lines", entries(of_kind(Kind.CRISIS, home)))]

    warmlines = [line for line in lines if line.kind == Kind.WARMLINE]
    if state is None:
        sections.append(
            FinderSection(
                "nationwide",
                "Warmlines that take calls from anywhere",
                entries(sorted(warmlines, key=lambda line: line.name.lower())),
            )
        )
    else:
        neighbours = set(state.neighbours)
        own = sorted(
            (line for line in warmlines if line.region == state.code),
            key=lambda line: line.name.lower(),
        )
        nearby = sorted(
            (line for line in warmlines if line.region in neighbours and line.accepts_out_of_state),
            key=lambda line: (_distance(state, line), line.name.lower()),
        )
        elsewhere = sorted(
            (
                line
                for line in warmlines
                if line.region not in neighbours | {state.code}
                and (line.accepts_out_of_state or line.is_national)
            ),
            key=lambda line: (_distance(state, line), line.name.lower()),
        )
        sections += [
            FinderSection("own_state", f"Warmlines in {state.name}", entries(own)),
            FinderSection(
                "neighbours",
                f"Warmlines in states next to {state.name} that take calls from other states",
                entries(nearby),
            ),
            FinderSection(
                "nationwide",
                "Other warmlines that take calls from anywhere, nearest first",
                entries(elsewhere),
            ),
        ]
    sections += [
        FinderSection(
            "peer_support", "Peer-support lines", entries(of_kind(Kind.PEER_SUPPORT, home))
        ),
        FinderSection(
            "referral",
            "Help finding treatment and services",
            entries(of_kind(Kind.REFERRAL, home)),
        ),
    ]
    return sections
