"""The upcoming meetings as an iCalendar feed, and the per-user links a calendar app follows.

A calendar app that subscribes to the feed cannot send the analyst's session cookie, so the
feed's URL carries a token (`CalendarToken`) that stands for the user; making a new link or
revoking it makes the old URL answer 403. Every event's UID is the meeting's id, which never
changes or is reused, so a calendar that reads the feed again updates its events.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable

from django.contrib.auth.models import AbstractBaseUser
from icalendar import Calendar, Event

from events.models import CalendarToken, DatePrecision, Meeting
from events.templatetags.meeting_format import format_dates

UID_DOMAIN = "entente"


def calendar_token_renew(*, user: AbstractBaseUser) -> CalendarToken:
    """A new secret for the user's calendar link; the previous link stops working."""
    token, _ = CalendarToken.objects.update_or_create(
        user=user, defaults={"key": secrets.token_urlsafe(32)}
    )
    return token


def calendar_token_revoke(*, user: AbstractBaseUser) -> bool:
    """Remove the user's calendar link; returns whether there was one."""
    deleted, _ = CalendarToken.objects.filter(user=user).delete()
    return bool(deleted)


def calendar_token_user(*, key: str) -> AbstractBaseUser | None:
    """The active user a calendar link stands for, if any."""
    if not key:
        return None
    token = CalendarToken.objects.select_related("user").filter(key=key).first()
    if token is None or not token.user.is_active:
        return None
    return token.user


def meeting_uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.pk}@{UID_DOMAIN}"


def _days(meeting: Meeting) -> tuple[dt.date, dt.date]:
    """The first day and the day after the last: all-day events span the dates as known (a
    month or a year when only that is known)."""
    start = meeting.start_date
    last = meeting.end_date or start
    if meeting.date_precision == DatePrecision.MONTH:
        last = dt.date(last.year + last.month // 12, last.month % 12 + 1, 1)
        return start, last
    if meeting.date_precision == DatePrecision.YEAR:
        return start, dt.date(last.year + 1, 1, 1)
    return start, last + dt.timedelta(days=1)


def upcoming_calendar(
    meetings: Iterable[Meeting], *, page_url: Callable[[Meeting], str], name: str
) -> bytes:
    """The meetings (dated, with `announced` and participants) as an iCalendar document."""
    calendar = Calendar()
    calendar.add("prodid", "-//Entente//Upcoming meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        first, after_last = _days(meeting)
        event = Event()
        event.add("uid", meeting_uid(meeting))
        event.add("dtstamp", meeting.updated_at)
        event.add("last-modified", meeting.updated_at)
        event.add("dtstart", first)
        event.add("dtend", after_last)
        event.add("summary", str(meeting))
        event.add("status", "TENTATIVE")
        venue = ", ".join(
            part for part in (meeting.city, meeting.country.name if meeting.country else "") if part
        )
        if venue:
            event.add("location", venue)
        people = [participant.actor.name for participant in meeting.participants.all()]
        lines = [format_dates(meeting.start_date, meeting.end_date, meeting.date_precision)]
        if people:
            lines.append(", ".join(people))
        if getattr(meeting, "announced", None):
            lines.append(f"Announced {meeting.announced.isoformat()}")
        url = page_url(meeting)
        lines.append(url)
        event.add("description", "\n".join(lines))
        event.add("url", url)
        calendar.add_component(event)
    return calendar.to_ical()
