"""The publication dates an article may have."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

EARLIEST_PUBLICATION = dt.date(1900, 1, 1)


def latest_publication(*, today: dt.date | None = None) -> dt.date:
    """The end of next year: a publication date past it is a typing mistake, not a forecast."""
    today = today or timezone.localdate()
    return dt.date(today.year + 1, 12, 31)


def publication_date_problem(value: dt.date, *, today: dt.date | None = None) -> str:
    """Why an article cannot have been published on this day, or "" when it can."""
    latest = latest_publication(today=today)
    if EARLIEST_PUBLICATION <= value <= latest:
        return ""
    return (
        f"{value.isoformat()} is outside {EARLIEST_PUBLICATION.year}–{latest.year}: a "
        "publication date that far in the past or future is almost certainly a mistake, and "
        "every relative date in the article (“yesterday”, “next year”) is counted from it."
    )
