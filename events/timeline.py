"""The timeline as pages of entries under year and month headings.

A page loaded as the analyst scrolls is fetched with the entry before it (one row more), to know
whether its first month continues the previous page's; every page is fetched with one row after
it, to know whether another page follows. No count is needed for either.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse

from events.models import Meeting
from events.templatetags.meeting_format import LONG_MONTHS, detail_url, long_date
from events.templatetags.meeting_format import meeting_dates_long as dates_long

# Participants named on an entry; the rest are counted ("and 3 more").
PARTICIPANTS_SHOWN = 8

PER_PAGE = 50


@dataclass(frozen=True)
class Entry:
    meeting: Meeting
    year: int | None  # set when the entry opens a year (None: in the same year as before)
    month: str | None  # "January 2026", set when the entry opens a month
    undated: bool = False  # opens the group of meetings with no date at all


@dataclass(frozen=True)
class ShownParticipant:
    name: str
    url: str | None
    country_code: str
    country_name: str


@dataclass(frozen=True)
class ShownEntry:
    """One entry as the timeline shows it: plain values, so that rendering does no lookups."""

    year: int | None
    month: str | None
    undated: bool
    url: str
    title: str
    status: str
    status_label: str
    kind: str
    kind_label: str
    review_state: str
    review_label: str
    date_iso: str  # "" when the date is unknown
    date_text: str
    date_reported: bool  # placed by its first report: "reported on <date_text>"
    participants: list[ShownParticipant]
    more_participants: int
    city: str
    country_name: str
    country_url: str | None
    source_count: int


@dataclass(frozen=True)
class TimelinePage:
    number: int
    entries: list[Entry]
    has_next: bool

    @property
    def shown(self) -> list[ShownEntry]:
        return entries_shown(self.entries)

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


def entries_shown(entries: list[Entry]) -> list[ShownEntry]:
    """The entries' values for the template, in one pass over rows already fetched (the
    participants prefetched with their actors and countries, `source_count` annotated)."""
    return [_shown(entry) for entry in entries]


def _shown(entry: Entry) -> ShownEntry:
    meeting = entry.meeting
    participants = list(meeting.participants.all())
    day = meeting.sort_date
    if meeting.sort_date_reported and day:
        date_iso, date_text = day.isoformat(), long_date(day)
    elif day:
        start = meeting.start_date
        date_iso, date_text = (start.isoformat() if start else ""), dates_long(meeting)
    else:
        date_iso, date_text = "", ""
    country = meeting.country
    return ShownEntry(
        year=entry.year,
        month=entry.month,
        undated=entry.undated,
        url=reverse("events:meeting-detail", args=[meeting.pk]),
        title=str(meeting),
        status=meeting.status,
        status_label=meeting.get_status_display(),
        kind=meeting.kind,
        kind_label=meeting.get_kind_display(),
        review_state=meeting.review_state,
        review_label=meeting.get_review_state_display(),
        date_iso=date_iso,
        date_text=date_text,
        date_reported=bool(meeting.sort_date_reported and day),
        participants=[_participant(p.actor) for p in participants[:PARTICIPANTS_SHOWN]],
        more_participants=max(len(participants) - PARTICIPANTS_SHOWN, 0),
        city=meeting.city,
        country_name=country.name if country else "",
        country_url=detail_url(country) if country else None,
        source_count=meeting.source_count or 0,
    )


def _participant(actor) -> ShownParticipant:
    country = actor.country
    return ShownParticipant(
        name=actor.name,
        url=detail_url(actor),
        country_code=actor.country_id or "",
        country_name=country.name if country else "",
    )
