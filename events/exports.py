"""The meetings CSV: one contract shared by the web export and `manage.py export_meetings`."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import QuerySet

from events.codes import meeting_codes
from events.models import Meeting, MeetingSource, Participant, ParticipantRole

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


# Rows are fetched in chunks: a chunk of meetings, then their participants and sources in one
# query each, so that memory stays flat and no query runs per meeting, whatever the size.
EXPORT_CHUNK = 2000
_MEETING_FIELDS = (
    "pk",
    "title",
    "kind",
    "status",
    "start_date",
    "end_date",
    "date_precision",
    "city",
    "country_id",
    "review_state",
)


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    country: str | None
    role: str


@dataclass(frozen=True, slots=True)
class _Source:
    reference: str
    url: str


def meeting_csv_rows(meetings: QuerySet[Meeting]) -> Iterator[list[str]]:
    """The header, then one row per meeting in the queryset's order."""
    yield COLUMNS
    rows = meetings.values_list(*_MEETING_FIELDS).iterator(chunk_size=EXPORT_CHUNK)
    for chunk in itertools.batched(rows, EXPORT_CHUNK):
        ids = [row[0] for row in chunk]
        people = _people_of(ids)
        sources = _sources_of(ids)
        for row in chunk:
            yield _row(row, people.get(row[0], []), sources.get(row[0], []))


def _people_of(ids: list[int]) -> dict[int, list[_Person]]:
    people: dict[int, list[_Person]] = defaultdict(list)
    found = (
        Participant.objects.filter(meeting_id__in=ids)
        .order_by("role", "actor__name")
        .values_list("meeting_id", "actor__name", "actor__country_id", "role")
    )
    for meeting_id, name, country, role in found:
        people[meeting_id].append(_Person(name, country, role))
    return people


def _sources_of(ids: list[int]) -> dict[int, list[_Source]]:
    sources: dict[int, list[_Source]] = defaultdict(list)
    found = (
        MeetingSource.objects.filter(meeting_id__in=ids)
        .order_by("article_id")
        .values_list("meeting_id", "article_id", "article__external_id", "article__url")
    )
    for meeting_id, article_id, external_id, url in found:
        sources[meeting_id].append(_Source(external_id or str(article_id), url))
    return sources


def _row(fields: tuple, people: list[_Person], sources: list[_Source]) -> list[str]:
    pk, title, kind, status, start, end, precision, city, country, review_state = fields
    participant_countries = sorted({person.country for person in people if person.country})
    countries = sorted(set(participant_countries) | {country} - {None})
    codes = meeting_codes(
        kind=kind,
        status=status,
        venue_country=country,
        participant_countries=set(participant_countries),
        hosted=any(person.role == ParticipantRole.HOST for person in people),
    )
    cells = [
        pk,
        title,
        kind,
        status,
        start.isoformat() if start else "",
        end.isoformat() if end else "",
        precision,
        city,
        country or "",
        _joined(countries),
        _joined(person.name for person in people),
        _joined(participant_countries),
        _joined(source.reference for source in sources),
        _joined(source.url for source in sources),
        review_state,
        codes.cameo,
        codes.plover_type,
        codes.plover_mode,
    ]
    return [neutralise(cell) for cell in cells]
