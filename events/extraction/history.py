"""Which state a place belonged to on a day: Moscow in 1987 was in the Soviet Union."""

from __future__ import annotations

import datetime as dt

_SOVIET = ("SU", dt.date(1991, 12, 26))
_BALTIC = ("SU", dt.date(1991, 9, 6))
_CZECHOSLOVAK = ("CS", dt.date(1993, 1, 1))

# Today's country -> (the state it was part of, the day it stopped being part of it).
PREDECESSORS: dict[str, tuple[str, dt.date]] = {
    **dict.fromkeys(
        ("RU", "UA", "BY", "KZ", "UZ", "TM", "TJ", "KG", "AM", "AZ", "GE", "MD"), _SOVIET
    ),
    **dict.fromkeys(("EE", "LV", "LT"), _BALTIC),
    "SI": ("YU", dt.date(1991, 6, 25)),
    "HR": ("YU", dt.date(1991, 6, 25)),
    "MK": ("YU", dt.date(1991, 9, 8)),
    "BA": ("YU", dt.date(1992, 3, 3)),
    "RS": ("YU", dt.date(2003, 2, 4)),
    "ME": ("YU", dt.date(2003, 2, 4)),
    **dict.fromkeys(("CZ", "SK"), _CZECHOSLOVAK),
}


def country_on(code: str, day: dt.date) -> str:
    """The state a place of today's country `code` belonged to on `day`."""
    former = PREDECESSORS.get(code)
    if former is not None and day < former[1]:
        return former[0]
    return code
