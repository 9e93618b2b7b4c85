"""Day arithmetic shared by the engine and the meeting store.

Its own module so that the store (imported by web processes) can use it without importing the
engine's reading machinery, which brings spaCy.
"""

from __future__ import annotations

import datetime as dt


def add_days(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, held at the calendar's first or last day rather than raising
    (articles dated at the edge of the calendar must still be read)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min
