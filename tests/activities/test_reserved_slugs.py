"""An activity's slug can never take the address of one of the fixed pages
under /activities/: RESERVED_SLUGS must name exactly their first segments."""

from activities.models import RESERVED_SLUGS
from activities.urls import urlpatterns


def fixed_first_segments() -> set[str]:
    segments = set()
    for pattern in urlpatterns:
        first = str(pattern.pattern).split("/")[0]
        if first and not first.startswith("<"):
            segments.add(first)
    return segments


def test_reserved_slugs_match_the_urlconf():
    assert fixed_first_segments() == RESERVED_SLUGS
