"""The 50 US states and DC: our own plain data, no external source at run time.

Neighbours share a land border; states that only touch at a corner (the Four
Corners) or across water are not neighbours. Centres are approximate
geographic centres, good enough to sort other states by distance.
"""

from dataclasses import dataclass
from math import asin, cos, radians, sin, sqrt

NATIONAL = "US"


@dataclass(frozen=True)
class State:
    code: str
    name: str
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
    State("AL", "Alabama", ("FL", "GA", "MS", "TN"), 32.80, -86.79),
    State("AK", "Alaska", (), 64.20, -152.50),
    State("AZ", "Arizona", ("CA", "NM", "NV", "UT"), 34.29, -111.66),
    State("AR", "Arkansas", ("LA", "MO", "MS", "OK", "TN", "TX"), 34.90, -92.44),
    State("CA", "California", ("AZ", "NV", "OR"), 37.18, -119.47),
    State("CO", "Colorado", ("KS", "NE", "NM", "OK", "UT", "WY"), 38.99, -105.55),
    State("CT", "Connecticut", ("MA", "NY", "RI"), 41.62, -72.73),
    State("DE", "Delaware", ("MD", "NJ", "PA"), 38.99, -75.51),
    State("DC", "District of Columbia", ("MD", "VA"), 38.90, -77.03),
    State("FL", "Florida", ("AL", "GA"), 28.63, -82.45),
    State("GA", "Georgia", ("AL", "FL", "NC", "SC", "TN"), 32.68, -83.22),
    State("HI", "Hawaii", (), 20.29, -156.37),
    State("ID", "Idaho", ("MT", "NV", "OR", "UT", "WA", "WY"), 44.35, -114.61),
    State("IL", "Illinois", ("IA", "IN", "KY", "MO", "WI"), 40.04, -89.20),
    State("IN", "Indiana", ("IL", "KY", "MI", "OH"), 39.89, -86.28),
    State("IA", "Iowa", ("IL", "MN", "MO", "NE", "SD", "WI"), 42.08, -93.50),
    State("KS", "Kansas", ("CO", "MO", "NE", "OK"), 38.49, -98.38),
    State("KY", "Kentucky", ("IL", "IN", "MO", "OH", "TN", "VA", "WV"), 37.53, -85.30),
    State("LA", "Louisiana", ("AR", "MS", "TX"), 31.07, -92.00),
    State("ME", "Maine", ("NH",), 45.37, -69.24),
    State("MD", "Maryland", ("DC", "DE", "PA", "VA", "WV"), 39.06, -76.80),
    State("MA", "Massachusetts", ("CT", "NH", "NY", "RI", "VT"), 42.26, -71.81),
    State("MI", "Michigan", ("IN", "OH", "WI"), 44.35, -85.41),
    State("MN", "Minnesota", ("IA", "ND", "SD", "WI"), 46.28, -94.31),
    State("MS", "Mississippi", ("AL", "AR", "LA", "TN"), 32.74, -89.67),
    State("MO", "Missouri", ("AR", "IA", "IL", "KS", "KY", "NE", "OK", "TN"), 38.36, -92.46),
    State("MT", "Montana", ("ID", "ND", "SD", "WY"), 47.05, -109.63),
    State("NE", "Nebraska", ("CO", "IA", "KS", "MO", "SD", "WY"), 41.54, -99.80),
    State("NV", "Nevada", ("AZ", "CA", "ID", "OR", "UT"), 39.33, -116.63),
    State("NH", "New Hampshire", ("MA", "ME", "VT"), 43.68, -71.58),
    State("NJ", "New Jersey", ("DE", "NY", "PA"), 40.19, -74.67),
    State("NM", "New Mexico", ("AZ", "CO", "OK", "TX"), 34.41, -106.11),
    State("NY", "New York", ("CT", "MA", "NJ", "PA", "VT"), 42.95, -75.53),
    State("NC", "North Carolina", ("GA", "SC", "TN", "VA"), 35.56, -79.39),
    State("ND", "North Dakota", ("MN", "MT", "SD"), 47.45, -100.47),
    State("OH", "Ohio", ("IN", "KY", "MI", "PA", "WV"), 40.29, -82.79),
    State("OK", "Oklahoma", ("AR", "CO", "KS", "MO", "NM", "TX"), 35.59, -97.49),
    State("OR", "Oregon", ("CA", "ID", "NV", "WA"), 43.93, -120.56),
    State("PA", "Pennsylvania", ("DE", "MD", "NJ", "NY", "OH", "WV"), 40.88, -77.80),
    State("RI", "Rhode Island", ("CT", "MA"), 41.68, -71.56),
    State("SC", "South Carolina", ("GA", "NC"), 33.92, -80.90),
    State("SD", "South Dakota", ("IA", "MN", "MT", "ND", "NE", "WY"), 44.44, -100.23),
    State("TN", "Tennessee", ("AL", "AR", "GA", "KY", "MO", "MS", "NC", "VA"), 35.86, -86.35),
    State("TX", "Texas", ("AR", "LA", "NM", "OK"), 31.48, -99.33),
    State("UT", "Utah", ("AZ", "CO", "ID", "NV", "WY"), 39.31, -111.67),
    State("VT", "Vermont", ("MA", "NH", "NY"), 44.07, -72.67),
    State("VA", "Virginia", ("DC", "KY", "MD", "NC", "TN", "WV"), 37.52, -78.85),
    State("WA", "Washington", ("ID", "OR"), 47.38, -120.45),
    State("WV", "West Virginia", ("KY", "MD", "OH", "PA", "VA"), 38.64, -80.62),
    State("WI", "Wisconsin", ("IA", "IL", "MI", "MN"), 44.62, -89.99),
    State("WY", "Wyoming", ("CO", "ID", "MT", "NE", "SD", "UT"), 42.99, -107.55),
]

STATES: dict[str, State] = {state.code: state for state in _STATES}

# Sorted by name, for select boxes.
STATE_CHOICES: list[tuple[str, str]] = sorted(
    ((s.code, s.name) for s in _STATES), key=lambda choice: choice[1]
)

REGION_CHOICES: list[tuple[str, str]] = [
    (NATIONAL, "National (anywhere in the US)"),
    *STATE_CHOICES,
]


def get_state(code: str | None) -> State | None:
    """The state for a code, in any letter case; None when there is no such state."""
    if not code:
        return None
    return STATES.get(code.strip().upper())
