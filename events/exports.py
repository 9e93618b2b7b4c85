"""What can be exported: meetings (CSV, and JSON lines of event data) and actors (CSV).

One contract per file, shared by the web exports and the `export_*` commands."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db import connections
from django.db.models import Count, QuerySet
from django.db.models.expressions import RawSQL

from articles.exports import EXPORT_CHUNK, json_lines, neutralise
from events.codes import meeting_codes
from events.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Evidence,
    Meeting,
    MeetingSource,
    Participant,
    ParticipantRole,
)

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


def _joined(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(value for value in values if value)


__all__ = ["json_lines", "neutralise"]  # shared with articles' exports, used from here too

# Rows are fetched in chunks: a chunk of meetings, then their participants and sources in one
# query each (and the actors not seen before), so that memory stays flat and no query runs per
# meeting, whatever the size.
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


def meeting_csv_rows(meetings: QuerySet[Meeting]) -> Iterator[list[str]]:
    """The header, then one row per meeting in the queryset's order."""
    yield COLUMNS
    for chunk, _ids, people, sources in _meeting_chunks(meetings):
        for row in chunk:
            yield _row(row, people.get(row[0], ()), sources.get(row[0], ()))


def _meeting_chunks(meetings: QuerySet[Meeting]) -> Iterator[tuple[tuple, object, dict, dict]]:
    """The meetings' fields EXPORT_CHUNK rows at a time, each chunk with its ids (as a query
    parameter) and its meetings' participants and sources, read in one query each."""
    actors: dict[int, tuple[str, str | None]] = {}  # id: (name, country), as they come
    rows = meetings.values_list(*_MEETING_FIELDS).iterator(chunk_size=EXPORT_CHUNK)
    vendor = connections[meetings.db].vendor
    for chunk in itertools.batched(rows, EXPORT_CHUNK):
        ids = _as_parameter([row[0] for row in chunk], vendor)
        yield chunk, ids, _people_of(ids, actors), _sources_of(ids)


def _as_parameter(ids: list[int], vendor: str):
    """The chunk's ids for `__in`: one array parameter on PostgreSQL, where binding thousands
    of parameters one by one costs more than the query itself; a list elsewhere."""
    if vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return ids


# A participant as the CSV needs it: (role, name, country), sorted as the timeline lists them.
_Person = tuple[str, str, str | None]


def _people_of(ids, actors: dict[int, tuple[str, str | None]]) -> dict:
    found = list(
        Participant.objects.filter(meeting_id__in=ids).values_list("meeting_id", "actor_id", "role")
    )
    unseen = {actor_id for _, actor_id, _ in found} - actors.keys()
    if unseen:
        named = Actor.objects.filter(pk__in=unseen).values_list("pk", "name", "country_id")
        actors.update((pk, (name, country)) for pk, name, country in named)
    people: dict[int, list[_Person]] = defaultdict(list)
    for meeting_id, actor_id, role in found:
        people[meeting_id].append((role, *actors[actor_id]))
    for found_people in people.values():
        found_people.sort()
    return people


def _sources_of(ids) -> dict[int, list[tuple[str, str]]]:
    """(reference, url) of each meeting's source articles, by article id."""
    sources: dict[int, list[tuple[str, str]]] = defaultdict(list)
    found = (
        MeetingSource.objects.filter(meeting_id__in=ids)
        .order_by("article_id")
        .values_list("meeting_id", "article_id", "article__external_id", "article__url")
    )
    for meeting_id, article_id, external_id, url in found:
        sources[meeting_id].append((external_id or str(article_id), url))
    return sources


def _row(fields: tuple, people, sources) -> list[str]:
    pk, title, kind, status, start, end, precision, city, country, review_state = fields
    participant_countries = sorted({person[2] for person in people if person[2]})
    codes = meeting_codes(
        kind=kind,
        status=status,
        venue_country=country,
        participant_countries=set(participant_countries),
        hosted=any(person[0] == ParticipantRole.HOST for person in people),
    )
    # Only free text can begin like a formula; ids, codes, choices and dates cannot.
    return [
        str(pk),
        neutralise(title),
        kind,
        status,
        start.isoformat() if start else "",
        end.isoformat() if end else "",
        precision,
        neutralise(city),
        country or "",
        _joined(sorted(set(participant_countries) | {country} - {None})),
        neutralise(_joined(person[1] for person in people)),
        _joined(participant_countries),
        neutralise(_joined(source[0] for source in sources)),
        neutralise(_joined(source[1] for source in sources)),
        review_state,
        codes.cameo,
        codes.plover_type,
        codes.plover_mode,
    ]


# --- Actors ------------------------------------------------------------------------------------

ACTOR_COLUMNS = ["id", "name", "kind", "country", "verified", "aliases", "roles", "meeting_count"]


def _role_text(title: str, country: str | None, start, end) -> str:
    text = f"{title} ({country})" if country else title
    if start or end:
        text += f" [{start.isoformat() if start else ''}..{end.isoformat() if end else ''}]"
    return text


def actor_csv_rows(actors: QuerySet[Actor]) -> Iterator[list[str]]:
    """The header, then one row per actor with its aliases and roles, read chunk by chunk."""
    yield ACTOR_COLUMNS
    rows = (
        actors.annotate(meeting_count=Count("participations", distinct=True))
        .order_by("name", "pk")
        .values_list("pk", "name", "kind", "country_id", "verified", "meeting_count")
        .iterator(chunk_size=EXPORT_CHUNK)
    )
    for chunk in itertools.batched(rows, EXPORT_CHUNK):
        ids = [row[0] for row in chunk]
        aliases: dict[int, list[str]] = defaultdict(list)
        for actor_id, name in (
            ActorAlias.objects.filter(actor_id__in=ids)
            .order_by("name")
            .values_list("actor_id", "name")
        ):
            aliases[actor_id].append(name)
        roles: dict[int, list[str]] = defaultdict(list)
        for actor_id, *role in ActorRole.objects.filter(actor_id__in=ids).values_list(
            "actor_id", "title", "country_id", "start_date", "end_date"
        ):
            roles[actor_id].append(_role_text(*role))
        for pk, name, kind, country, verified, meeting_count in chunk:
            yield [
                str(pk),
                neutralise(name),
                kind,
                country or "",
                "yes" if verified else "no",
                neutralise(_joined(aliases[pk])),
                neutralise(_joined(roles[pk])),
                str(meeting_count),
            ]


# --- Meetings as event data (JSON lines) ----------------------------------------------------


def meeting_event_records(meetings: QuerySet[Meeting]) -> Iterator[dict]:
    """One PLOVER-like record per meeting: who acted (visitors, or every participant of a
    meeting without hosts) and who received (hosts), event type and mode, dates with their
    precision, the venue, and each evidence sentence with its article's URL."""
    for chunk, ids, people, sources in _meeting_chunks(meetings):
        evidence = _evidence_of(ids)
        for row in chunk:
            yield _event_record(row, people.get(row[0], ()), sources.get(row[0], ()),
                                evidence.get(row[0], ()))  # fmt: skip


def _evidence_of(ids) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = defaultdict(list)
    for meeting_id, article_id, text, url in (
        Evidence.objects.filter(meeting_id__in=ids)
        .order_by("article_id", "-field", "start_char")
        .values_list("meeting_id", "article_id", "text", "article__url")
    ):
        found[meeting_id].append({"article_id": article_id, "text": text, "source_url": url})
    return found


def _event_record(fields: tuple, people, sources, evidence) -> dict:
    pk, title, kind, status, start, end, precision, city, country, review_state = fields
    participant_countries = {person[2] for person in people if person[2]}
    hosted = any(person[0] == ParticipantRole.HOST for person in people)
    codes = meeting_codes(
        kind=kind,
        status=status,
        venue_country=country,
        participant_countries=participant_countries,
        hosted=hosted,
    )

    def described(person) -> dict:
        return {"name": person[1], "country": person[2], "role": person[0]}

    return {
        "id": pk,
        "title": title,
        "event_type": codes.plover_type,
        "mode": codes.plover_mode or None,
        "cameo_code": codes.cameo,
        "kind": kind,
        "status": status,
        "event_date": start.isoformat() if start else None,
        "end_date": end.isoformat() if end else None,
        "date_precision": precision,
        "actors": [described(p) for p in people if p[0] != ParticipantRole.HOST],
        "recipients": [described(p) for p in people if p[0] == ParticipantRole.HOST],
        "location": {"city": city or None, "country": country},
        "review_state": review_state,
        "source_urls": [url for _, url in sources if url],
        "article_ids": [reference for reference, _ in sources],
        "evidence": list(evidence),
    }
