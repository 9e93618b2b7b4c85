"""How meetings read on the pages: dates written only as precisely as they are known."""

from __future__ import annotations

import datetime as dt

from django import template

from events.models import DatePrecision

register = template.Library()

EN_DASH = "\u2013"
# Written out rather than strftime("%b"), which would follow the process's locale.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month(day: dt.date) -> str:
    return MONTHS[day.month - 1]


def _day(day: dt.date) -> str:
    return f"{day.day} {_month(day)} {day.year}"


def _day_range(start: dt.date, end: dt.date) -> str:
    if start.year != end.year:
        return f"{_day(start)} {EN_DASH} {_day(end)}"
    if start.month != end.month:
        return f"{start.day} {_month(start)} {EN_DASH} {_day(end)}"
    return f"{start.day}{EN_DASH}{_day(end)}"


def _month_range(start: dt.date, end: dt.date) -> str:
    if start.year != end.year:
        return f"{_month(start)} {start.year} {EN_DASH} {_month(end)} {end.year}"
    return f"{_month(start)} {EN_DASH} {_month(end)} {end.year}"


def format_dates(start: dt.date | None, end: dt.date | None, precision: str) -> str:
    """E.g. "28 Jan 2026", "13-15 Apr 1987" (en dash), "Oct 2025", "2025", "date unknown"."""
    if start is None or precision == DatePrecision.UNKNOWN:
        return "date unknown"
    if precision == DatePrecision.YEAR:
        if end and end.year != start.year:
            return f"{start.year}{EN_DASH}{end.year}"
        return str(start.year)
    if precision == DatePrecision.MONTH:
        if end and (end.year, end.month) != (start.year, start.month):
            return _month_range(start, end)
        return f"{_month(start)} {start.year}"
    if end and end != start:
        return _day_range(start, end)
    return _day(start)


@register.filter
def meeting_dates(meeting) -> str:
    """A meeting's dates as precisely as they are known."""
    return format_dates(meeting.start_date, meeting.end_date, meeting.date_precision)
