"""The meetings CSV: one contract shared by the web export and `manage.py export_meetings`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from events.codes import codes_of
from events.models import Meeting

CONTRACT_COLUMNS = [
    "id",
    "title",
    "kind",
    "status",
    "start_date",
    "end_date",
    "date_precision",
    "location_city",
    "location_country",
    "countries",
    "participants",
    "participant_countries",
    "article_ids",
    "article_urls",
    "review_state",
]
# Extra columns for analysts who use event data; they come after the contract's.
CODE_COLUMNS = ["cameo_code", "plover_type", "plover_mode"]
COLUMNS = CONTRACT_COLUMNS + CODE_COLUMNS

LIST_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def _joined(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(value for value in values if value)


def meeting_row(meeting: Meeting) -> list[str]:
    """One meeting as CSV cells; expects participants and sources prefetched."""
    participants = list(meeting.participants.all())
    participant_countries = sorted({p.actor.country_id for p in participants if p.actor.country_id})
    countries = sorted(set(participant_countries) | {meeting.country_id} - {None})
    sources = sorted(meeting.sources.all(), key=lambda source: source.article_id)
    codes = codes_of(meeting)
    cells = [
        meeting.pk,
        meeting.title,
        meeting.kind,
        meeting.status,
        meeting.start_date.isoformat() if meeting.start_date else "",
        meeting.end_date.isoformat() if meeting.end_date else "",
        meeting.date_precision,
        meeting.city,
        meeting.country_id or "",
        _joined(countries),
        _joined(p.actor.name for p in participants),
        _joined(participant_countries),
        _joined(source.article.reference for source in sources),
        _joined(source.article.url for source in sources),
        meeting.review_state,
        codes.cameo,
        codes.plover_type,
        codes.plover_mode,
    ]
    return [neutralise(cell) for cell in cells]


def meeting_csv_rows(meetings: Iterable[Meeting]) -> Iterator[list[str]]:
    yield COLUMNS
    for meeting in meetings:
        yield meeting_row(meeting)
