"""Search and placement on the timeline: what each meeting is found by, and where it sits.

A meeting's search document holds the words of its title, its participants' names and aliases
(any script), its venue city with the city's other names ("Moskow", "Москва"), the names of
its countries in every stored language, and its evidence sentences, folded to lower case
without accents. A search takes several words; a meeting matches when every word begins one
of its document's words. PostgreSQL answers from a full-text (GIN) index on the document;
SQLite compares words with LIKE, with the same result.

A meeting's sort date is its own date, else the publication date of its first report (it is
then shown as "reported on" that day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Min, OuterRef, Prefetch, Q, QuerySet, Subquery

from events.extraction.names import normalize_name
from events.extraction.place_names import city_names
from events.models import (
    Country,
    DatePrecision,
    Evidence,
    Meeting,
    MeetingSearch,
    MeetingSource,
    Participant,
)

# The expression of the GIN index (migration 0005): queries must use this very expression.
DOCUMENT_VECTOR = SearchVector("document", config="simple")
REFRESH_BATCH = 500


def search_words(text: str) -> list[str]:
    """The words a text is searched or found by, e.g. "al-Sharaa, Moscú" -> al sharaa moscu."""
    return list(dict.fromkeys(normalize_name(text).split()))


def meetings_matching(meetings: QuerySet[Meeting], text: str) -> QuerySet[Meeting]:
    """The meetings whose document has, for every word of `text`, a word beginning with it."""
    words = search_words(text)
    if not words:
        return meetings
    documents = MeetingSearch.objects.using(meetings.db)
    if connections[meetings.db].vendor == "postgresql":
        # Words are letters and digits only (normalize_name splits on anything else), so they
        # are safe in a raw tsquery.
        query = SearchQuery(
            " & ".join(f"{word}:*" for word in words), search_type="raw", config="simple"
        )
        documents = documents.annotate(vector=DOCUMENT_VECTOR).filter(vector=query)
    else:
        for word in words:
            documents = documents.filter(
                Q(document__startswith=word) | Q(document__contains=f" {word}")
            )
    return meetings.filter(pk__in=documents.values("meeting_id"))


# --- Deriving the fields --------------------------------------------------------------------


def meeting_refresh_search(*, meetings: Iterable[Meeting] | QuerySet[Meeting]) -> int:
    """Recompute the search document and sort date of these meetings; returns how many.

    Call it whenever a meeting's facts, participants, sources or evidence change. Meeting
    instances passed in get their new sort date too, so that a later save() keeps it.
    """
    if isinstance(meetings, QuerySet):
        instances: dict[int, Meeting] = {}
        ids = list(meetings.order_by().values_list("pk", flat=True))
    else:
        instances = {meeting.pk: meeting for meeting in meetings}
        ids = list(instances)
    countries = {country.code: country for country in Country.objects.all()}
    for start in range(0, len(ids), REFRESH_BATCH):
        _refresh_batch(ids[start : start + REFRESH_BATCH], countries, instances)
    return len(ids)


def _refresh_batch(ids: list[int], countries: dict[str, Country], instances: dict) -> None:
    first_report = (
        MeetingSource.objects.filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(first=Min("article__published_on"))
        .values("first")
    )
    batch = (
        Meeting.objects.filter(pk__in=ids)
        .annotate(first_report=Subquery(first_report))
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("actor").prefetch_related(
                    "actor__aliases"
                ),
            ),
            Prefetch("evidence", queryset=Evidence.objects.only("meeting_id", "text")),
        )
    )
    moved, documents = [], []
    for meeting in batch:
        sort_date, reported = sort_position(meeting, meeting.first_report)
        if (meeting.sort_date, meeting.sort_date_reported) != (sort_date, reported):
            meeting.sort_date, meeting.sort_date_reported = sort_date, reported
            moved.append(meeting)
        if meeting.pk in instances:
            instances[meeting.pk].sort_date = sort_date
            instances[meeting.pk].sort_date_reported = reported
        documents.append(
            MeetingSearch(meeting=meeting, document=" ".join(_document_words(meeting, countries)))
        )
    Meeting.objects.bulk_update(moved, ["sort_date", "sort_date_reported"])
    MeetingSearch.objects.bulk_create(
        documents, update_conflicts=True, unique_fields=["meeting"], update_fields=["document"]
    )


def sort_position(meeting: Meeting, first_report: dt.date | None) -> tuple[dt.date | None, bool]:
    """Where the timeline places a meeting: (its date, whether that is a report's date)."""
    if meeting.start_date and meeting.date_precision != DatePrecision.UNKNOWN:
        return meeting.start_date, False
    if first_report:
        return first_report, True
    return None, False


def _document_words(meeting: Meeting, countries: dict[str, Country]) -> Iterator[str]:
    seen: set[str] = set()
    for text in _document_texts(meeting, countries):
        for word in normalize_name(text).split():
            if word not in seen:
                seen.add(word)
                yield word


def _document_texts(meeting: Meeting, countries: dict[str, Country]) -> Iterator[str]:
    yield meeting.title
    country_codes = [meeting.country_id]
    for participant in meeting.participants.all():
        actor = participant.actor
        yield actor.name
        yield from (alias.name for alias in actor.aliases.all())
        country_codes.append(actor.country_id)
    if meeting.city:
        yield meeting.city
        yield from sorted(city_names(meeting.city))
    for code in dict.fromkeys(country_codes):
        country = countries.get(code) if code else None
        if country:
            yield country.name
            yield from country.names.values()
    yield from (evidence.text for evidence in meeting.evidence.all())
