"""The timeline as pages of entries under year and month headings.

A page loaded as the analyst scrolls is fetched with the entry before it (one row more), to know
whether its first month continues the previous page's; every page is fetched with one row after
it, to know whether another page follows. No count is needed for either.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from events.models import Meeting
from events.templatetags.meeting_format import LONG_MONTHS

PER_PAGE = 50


@dataclass(frozen=True)
class Entry:
    meeting: Meeting
    year: int | None  # set when the entry opens a year (None: in the same year as before)
    month: str | None  # "January 2026", set when the entry opens a month
    undated: bool = False  # opens the group of meetings with no date at all


@dataclass(frozen=True)
class TimelinePage:
    number: int
    entries: list[Entry]
    has_next: bool

    @property
    def next_number(self) -> int:
        return self.number + 1


def page_number(value: str | None) -> int:
    """The page asked for; anything but a positive whole number is the first page."""
    try:
        number = int(value or 1)
    except ValueError:
        return 1
    return max(number, 1)


def timeline_page(
    meetings: QuerySet[Meeting], *, number: int, continued: bool = False
) -> TimelinePage:
    """Page `number` of the ordered meetings, with headings where a year or month begins.

    A `continued` page is added below the one before it (as the analyst scrolls): it repeats
    no heading that page already shows. Otherwise the page opens with its year and month.
    """
    offset = (number - 1) * PER_PAGE
    start = offset - 1 if continued and offset else offset
    rows = list(meetings[start : offset + PER_PAGE + 1])
    previous = rows.pop(0) if start < offset and rows else None
    has_next = len(rows) > PER_PAGE
    return TimelinePage(number, with_headings(rows[:PER_PAGE], previous), has_next)


def _period(meeting: Meeting | None) -> tuple[int, int] | None:
    day: dt.date | None = meeting.sort_date if meeting else None
    return (day.year, day.month) if day else None


def with_headings(meetings: list[Meeting], previous: Meeting | None = None) -> list[Entry]:
    entries = []
    before = _period(previous)
    seen_undated = previous is not None and before is None
    for meeting in meetings:
        period = _period(meeting)
        if period is None:
            entries.append(Entry(meeting, None, None, undated=not seen_undated))
            seen_undated = True
        elif period != before:
            year = period[0] if before is None or before[0] != period[0] else None
            entries.append(Entry(meeting, year, f"{LONG_MONTHS[period[1] - 1]} {period[0]}"))
        else:
            entries.append(Entry(meeting, None, None))
        before = period
    return entries
