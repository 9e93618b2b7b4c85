"""How meetings read on the pages: dates written only as precisely as they are known."""

from __future__ import annotations

import datetime as dt
from functools import cache

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.dates import MONTHS as DJANGO_MONTHS
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext_lazy

from events.models import DatePrecision

register = template.Library()

EN_DASH = "\u2013"
# Translated at render time in the interface's language (not strftime, which would follow the
# process's locale): long names from Django's own catalogue, short ones from ours.
MONTHS = (
    pgettext_lazy("short month", "Jan"),
    pgettext_lazy("short month", "Feb"),
    pgettext_lazy("short month", "Mar"),
    pgettext_lazy("short month", "Apr"),
    pgettext_lazy("short month", "May"),
    pgettext_lazy("short month", "Jun"),
    pgettext_lazy("short month", "Jul"),
    pgettext_lazy("short month", "Aug"),
    pgettext_lazy("short month", "Sep"),
    pgettext_lazy("short month", "Oct"),
    pgettext_lazy("short month", "Nov"),
    pgettext_lazy("short month", "Dec"),
)
LONG_MONTHS = tuple(DJANGO_MONTHS[number] for number in range(1, 13))


def format_dates(
    start: dt.date | None,
    end: dt.date | None,
    precision: str,
    *,
    months: tuple[str, ...] = MONTHS,
) -> str:
    """E.g. "28 Jan 2026", "13-15 Apr 1987" (en dash), "Oct 2025", "2025", "date unknown";
    with `months=LONG_MONTHS`, "28 January 2026"."""
    if start is None or precision == DatePrecision.UNKNOWN:
        return gettext("date unknown")

    def month(day: dt.date) -> str:
        return months[day.month - 1]

    def day(value: dt.date) -> str:
        return f"{value.day} {month(value)} {value.year}"

    if precision == DatePrecision.YEAR:
        if end and end.year != start.year:
            return f"{start.year}{EN_DASH}{end.year}"
        return str(start.year)
    if precision == DatePrecision.MONTH:
        if end and end.year != start.year:
            return f"{month(start)} {start.year} {EN_DASH} {month(end)} {end.year}"
        if end and end.month != start.month:
            return f"{month(start)} {EN_DASH} {month(end)} {end.year}"
        return f"{month(start)} {start.year}"
    if end and end.year != start.year:
        return f"{day(start)} {EN_DASH} {day(end)}"
    if end and end.month != start.month:
        return f"{start.day} {month(start)} {EN_DASH} {day(end)}"
    if end and end != start:
        return f"{start.day}{EN_DASH}{day(end)}"
    return day(start)


@register.filter
def meeting_dates(meeting) -> str:
    """A meeting's dates as precisely as they are known."""
    return format_dates(meeting.start_date, meeting.end_date, meeting.date_precision)


@register.filter
def meeting_dates_long(meeting) -> str:
    """The same with month names written out, as the timeline shows them."""
    return format_dates(
        meeting.start_date, meeting.end_date, meeting.date_precision, months=LONG_MONTHS
    )


@register.filter
def long_date(day: dt.date) -> str:
    """ "28 January 2026"."""
    return f"{day.day} {LONG_MONTHS[day.month - 1]} {day.year}"


# Pages of actors and countries, linked from the timeline once they exist.
DETAIL_ROUTES = {"actor": "events:actor-detail", "country": "events:country-detail"}


@cache
def _route_exists(name: str) -> bool:
    try:
        reverse(name, args=["0"])
    except NoReverseMatch:
        return False
    return True


def detail_url(item) -> str | None:
    """The URL of the item's page (an actor's, a country's), or None when there is none."""
    route = DETAIL_ROUTES.get(item._meta.model_name)
    if route and _route_exists(route):
        return reverse(route, args=[item.pk])
    return None


@register.simple_block_tag
def link_if(content: str, item) -> str:
    """The content as a link to the item's page (an actor's, a country's) when there is one."""
    url = detail_url(item)
    return format_html('<a href="{}">{}</a>', url, content) if url else content
