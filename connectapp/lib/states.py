"""The 50 US states and DC: our own plain data, no external source at run time.

Neighbours share a land border; states that only touch at a corner (the Four
Corners) or across water are not neighbours. Centers are approximate
geographic centers, good enough to sort other states by distance.
"""

import unicodedata
from dataclasses import dataclass
from math import asin, cos, radians, sin, sqrt

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

NATIONAL = "US"


@dataclass(frozen=True)
class State:
    code: str
    name: str | Promise
    neighbours: tuple[str, ...]
    latitude: float
    longitude: float

    def distance_km(self, other: "State") -> float:
        """Great-circle distance between the two centres."""
        lat1, lon1, lat2, lon2 = map(
            radians, (self.latitude, self.longitude, other.latitude, other.longitude)
        )
        a = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
        return 2 * 6371 * asin(sqrt(a))


_STATES = [
    State("AL", _("Alabama"), ("FL", "GA", "MS", "TN"), 32.80, -86.79),
    State("AK", _("Alaska"), (), 64.20, -152.50),
    State("AZ", _("Arizona"), ("CA", "NM", "NV", "UT"), 34.29, -111.66),
    State("AR", _("Arkansas"), ("LA", "MO", "MS", "OK", "TN", "TX"), 34.90, -92.44),
    State("CA", _("California"), ("AZ", "NV", "OR"), 37.18, -119.47),
    State("CO", _("Colorado"), ("KS", "NE", "NM", "OK", "UT", "WY"), 38.99, -105.55),
    State("CT", _("Connecticut"), ("MA", "NY", "RI"), 41.62, -72.73),
    State("DE", _("Delaware"), ("MD", "NJ", "PA"), 38.99, -75.51),
    State("DC", _("District of Columbia"), ("MD", "VA"), 38.90, -77.03),
    State("FL", _("Florida"), ("AL", "GA"), 28.63, -82.45),
    State("GA", _("Georgia"), ("AL", "FL", "NC", "SC", "TN"), 32.68, -83.22),
    State("HI", _("Hawaii"), (), 20.29, -156.37),
    State("ID", _("Idaho"), ("MT", "NV", "OR", "UT", "WA", "WY"), 44.35, -114.61),
    State("IL", _("Illinois"), ("IA", "IN", "KY", "MO", "WI"), 40.04, -89.20),
    State("IN", _("Indiana"), ("IL", "KY", "MI", "OH"), 39.89, -86.28),
    State("IA", _("Iowa"), ("IL", "MN", "MO", "NE", "SD", "WI"), 42.08, -93.50),
    State("KS", _("Kansas"), ("CO", "MO", "NE", "OK"), 38.49, -98.38),
    State("KY", _("Kentucky"), ("IL", "IN", "MO", "OH", "TN", "VA", "WV"), 37.53, -85.30),
    State("LA", _("Louisiana"), ("AR", "MS", "TX"), 31.07, -92.00),
    State("ME", _("Maine"), ("NH",), 45.37, -69.24),
    State("MD", _("Maryland"), ("DC", "DE", "PA", "VA", "WV"), 39.06, -76.80),
    State("MA", _("Massachusetts"), ("CT", "NH", "NY", "RI", "VT"), 42.26, -71.81),
    State("MI", _("Michigan"), ("IN", "OH", "WI"), 44.35, -85.41),
    State("MN", _("Minnesota"), ("IA", "ND", "SD", "WI"), 46.28, -94.31),
    State("MS", _("Mississippi"), ("AL", "AR", "LA", "TN"), 32.74, -89.67),
    State("MO", _("Missouri"), ("AR", "IA", "IL", "KS", "KY", "NE", "OK", "TN"), 38.36, -92.46),
    State("MT", _("Montana"), ("ID", "ND", "SD", "WY"), 47.05, -109.63),
    State("NE", _("Nebraska"), ("CO", "IA", "KS", "MO", "SD", "WY"), 41.54, -99.80),
    State("NV", _("Nevada"), ("AZ", "CA", "ID", "OR", "UT"), 39.33, -116.63),
    State("NH", _("New Hampshire"), ("MA", "ME", "VT"), 43.68, -71.58),
    State("NJ", _("New Jersey"), ("DE", "NY", "PA"), 40.19, -74.67),
    State("NM", _("New Mexico"), ("AZ", "CO", "OK", "TX"), 34.41, -106.11),
    State("NY", _("New York"), ("CT", "MA", "NJ", "PA", "VT"), 42.95, -75.53),
    State("NC", _("North Carolina"), ("GA", "SC", "TN", "VA"), 35.56, -79.39),
    State("ND", _("North Dakota"), ("MN", "MT", "SD"), 47.45, -100.47),
    State("OH", _("Ohio"), ("IN", "KY", "MI", "PA", "WV"), 40.29, -82.79),
    State("OK", _("Oklahoma"), ("AR", "CO", "KS", "MO", "NM", "TX"), 35.59, -97.49),
    State("OR", _("Oregon"), ("CA", "ID", "NV", "WA"), 43.93, -120.56),
    State("PA", _("Pennsylvania"), ("DE", "MD", "NJ", "NY", "OH", "WV"), 40.88, -77.80),
    State("RI", _("Rhode Island"), ("CT", "MA"), 41.68, -71.56),
    State("SC", _("South Carolina"), ("GA", "NC"), 33.92, -80.90),
    State("SD", _("South Dakota"), ("IA", "MN", "MT", "ND", "NE", "WY"), 44.44, -100.23),
    State("TN", _("Tennessee"), ("AL", "AR", "GA", "KY", "MO", "MS", "NC", "VA"), 35.86, -86.35),
    State("TX", _("Texas"), ("AR", "LA", "NM", "OK"), 31.48, -99.33),
    State("UT", _("Utah"), ("AZ", "CO", "ID", "NV", "WY"), 39.31, -111.67),
    State("VT", _("Vermont"), ("MA", "NH", "NY"), 44.07, -72.67),
    State("VA", _("Virginia"), ("DC", "KY", "MD", "NC", "TN", "WV"), 37.52, -78.85),
    State("WA", _("Washington"), ("ID", "OR"), 47.38, -120.45),
    State("WV", _("West Virginia"), ("KY", "MD", "OH", "PA", "VA"), 38.64, -80.62),
    State("WI", _("Wisconsin"), ("IA", "IL", "MI", "MN"), 44.62, -89.99),
    State("WY", _("Wyoming"), ("CO", "ID", "MT", "NE", "SD", "UT"), 42.99, -107.55),
]

STATES: dict[str, State] = {state.code: state for state in _STATES}

# Sorted by English name (model choices are fixed at import); select boxes
# for people use `state_choices()`, sorted in the active language.
STATE_CHOICES: list[tuple[str, str | Promise]] = sorted(
    ((s.code, s.name) for s in _STATES), key=lambda choice: str(choice[1])
)


def _sort_key(text: str) -> str:
    """Alphabetical order that ignores accents (Hawái between Georgia and Idaho)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def state_choices() -> list[tuple[str, str]]:
    """(code, name) for every state, named and sorted in the active language."""
    return sorted(((s.code, str(s.name)) for s in _STATES), key=lambda c: _sort_key(c[1]))


REGION_CHOICES: list[tuple[str, str]] = [
    (NATIONAL, _("National (anywhere in the US)")),
    *STATE_CHOICES,
]


def get_state(code: str | None) -> State | None:
    """The state for a code, in any letter case; None when there is no such state."""
    if not code:
        return None
    return STATES.get(code.strip().upper())
