import pytest

from helplines.models import SupportLine
from tests.factories import make_support_line

Kind = SupportLine.Kind


@pytest.fixture
def directory(db) -> dict[str, SupportLine]:
    """A small directory that covers each case the finder orders, seen from Oregon:
    its own warmline, a neighbour that takes national calls (WA) and one that
    does not (CA), nearer and farther states that take calls from anywhere (MT,
    NY), a far state that does not (FL), a national warmline, and lines that
    must never show for Oregon."""
    lines = {
        "or_warm": make_support_line(slug="or-warm", name="Oregon Warmline", region="OR"),
        "wa_warm": make_support_line(
            slug="wa-warm", name="Washington Warmline", region="WA", who_may_call="us"
        ),
        "ca_warm": make_support_line(slug="ca-warm", name="California Warmline", region="CA"),
        "mt_warm": make_support_line(
            slug="mt-warm", name="Montana Warmline", region="MT", who_may_call="us"
        ),
        "ny_warm": make_support_line(
            slug="ny-warm", name="New York Warmline", region="NY", who_may_call="us"
        ),
        "fl_warm": make_support_line(slug="fl-warm", name="Florida Warmline", region="FL"),
        "us_warm": make_support_line(
            slug="us-warm", name="A National Warmline", region="US", who_may_call="us"
        ),
        "us_peer": make_support_line(
            slug="us-peer", name="National Peer Line", region="US", kind=Kind.PEER_SUPPORT
        ),
        "tx_peer": make_support_line(
            slug="tx-peer",
            name="Texas Peer Line",
            region="TX",
            kind=Kind.PEER_SUPPORT,
            who_may_call="us",
        ),
        "us_crisis": make_support_line(
            slug="us-crisis", name="National Crisis Line", region="US", kind=Kind.CRISIS
        ),
        "tx_crisis": make_support_line(
            slug="tx-crisis", name="Texas Crisis Line", region="TX", kind=Kind.CRISIS
        ),
        "us_referral": make_support_line(
            slug="us-referral", name="Treatment Referral Line", region="US", kind=Kind.REFERRAL
        ),
        "or_closed": make_support_line(
            slug="or-closed", name="Closed Oregon Line", region="OR", status="closed"
        ),
    }
    return lines
