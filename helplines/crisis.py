"""The crisis line every page shows.

It lives in code, not the database, so the footer can never be empty: not on
a fresh install, and not on the error page when the database is down.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CrisisLine:
    name: str | Promise
    phone: str
    text: str
    source_url: str
    source_label: str
    verified_on: date


LIFELINE_988 = CrisisLine(
    # The service's own Spanish name: "988 Línea de Prevención del Suicidio y Crisis".
    name=_("988 Suicide & Crisis Lifeline"),
    phone="988",
    text="988",
    source_url="https://988lifeline.org/",
    source_label="988lifeline.org",
    verified_on=date(2026, 11, 26),
)
