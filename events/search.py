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
from collections.abc import Collection, Iterable
from functools import lru_cache
from typing import NamedTuple

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Min, Q, QuerySet

from events.country_index import involvements, meeting_refresh_countries
from events.data_version import data_version_raise
from events.extraction.names import normalize_name
from events.extraction.place_names import city_names
from events.models import (
    ActorAlias,
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
# A LIMIT no table reaches: it changes no result, but keeps PostgreSQL from folding the search
# into the page's query (see meetings_matching).
SEARCH_FENCE = 10**12
# From this many matches on, walking the timeline in order finds a page of them soonest.
MANY_MATCHES = 20_000


def search_words(text: str) -> list[str]:
    """The words a text is searched or found by, e.g. "al-Sharaa, Moscú" -> al sharaa moscu."""
    return list(dict.fromkeys(normalize_name(text).split()))


def meetings_matching(
    meetings: QuerySet[Meeting], text: str, *, many: bool = False
) -> QuerySet[Meeting]:
    """The meetings whose document has, for every word of `text`, a word beginning with it.

    `many`: the caller has counted MANY_MATCHES or more of them (see the comment below)."""
    documents = documents_matching(text, using=meetings.db)
    if documents is None:
        return meetings
    matching = documents.order_by().values("meeting_id")
    if connections[meetings.db].vendor == "postgresql":
        # Folded into the page's query, the planner guesses that a word matches 0.5% of the
        # documents, and walks the timeline's index testing each meeting: a rare word (most
        # names) then tested every meeting, 6 s at 200,000. Kept apart, the GIN index finds
        # the matches first: a rare word in under a millisecond, a word in half the meetings
        # in about 250 ms, which is where the walk is the quicker (docs/benchmarks.md).
        return meetings.filter(pk__in=matching if many else matching[:SEARCH_FENCE])
    return meetings.filter(pk__in=matching)


def documents_matching(text: str, *, using: str = "default") -> QuerySet[MeetingSearch] | None:
    """The search documents (one per meeting) that have, for every word of `text`, a word
    beginning with it; None when `text` has no words (it filters nothing)."""
    words = search_words(text)
    if not words:
        return None
    documents = MeetingSearch.objects.using(using)
    if connections[using].vendor == "postgresql":
        # Words are letters and digits only (normalize_name splits on anything else), so they
        # are safe in a raw tsquery.
        query = SearchQuery(
            " & ".join(f"{word}:*" for word in words), search_type="raw", config="simple"
        )
        return documents.annotate(vector=DOCUMENT_VECTOR).filter(vector=query)
    for word in words:
        documents = documents.filter(
            Q(document__startswith=word) | Q(document__contains=f" {word}")
        )
    return documents


# --- Deriving the fields --------------------------------------------------------------------


def meeting_refresh_search(
    *, meetings: Iterable[Meeting] | QuerySet[Meeting], created: Collection[int] = ()
) -> int:
    """Recompute the search document, sort date and countries (events.country_index) of these
    meetings; returns how many.

    Call it whenever a meeting's facts, participants, sources or evidence change. Meeting
    instances passed in get their new sort date too, so that a later save() keeps it. Rows
    are read as plain values, a batch at a time, and only what differs from the stored rows
    is written: it refreshes thousands of meetings a second, and a worker storing an article
    that repeats what others said writes no derived row. `created`: the ids of meetings
    inserted in this transaction, which have no derived rows to read yet.
    """
    # Sort dates are written in bulk, which no receiver hears: the timeline changes here.
    data_version_raise()
    if isinstance(meetings, QuerySet):
        instances: dict[int, Meeting] = {}
        ids = list(meetings.order_by().values_list("pk", flat=True))
    else:
        instances = {meeting.pk: meeting for meeting in meetings}
        ids = list(instances)
    for start in range(0, len(ids), REFRESH_BATCH):
        batch = ids[start : start + REFRESH_BATCH]
        rows = {
            row[0]: _MeetingRow(*row)
            for row in Meeting.objects.filter(pk__in=batch).values_list(
                "pk",
                "title",
                "city",
                "country_id",
                "start_date",
                "date_precision",
                "sort_date",
                "sort_date_reported",
            )
        }
        people = list(
            Participant.objects.filter(meeting_id__in=batch).values_list(
                "meeting_id", "actor_id", "actor__name", "actor__country_id", "role"
            )
        )
        placed = _refresh_sort_dates(rows)
        _refresh_documents(rows, people, created=created)
        meeting_refresh_countries(
            list(rows),
            created=created,
            found=involvements(
                ((pk, row.country) for pk, row in rows.items()),
                ((meeting_id, country, role) for meeting_id, _, _, country, role in people),
            ),
        )
        for pk, (sort_date, reported) in placed.items():
            if pk in instances:
                instances[pk].sort_date, instances[pk].sort_date_reported = sort_date, reported
    return len(ids)


class _MeetingRow(NamedTuple):
    pk: int
    title: str
    city: str
    country: str | None
    start_date: dt.date | None
    precision: str
    sort_date: dt.date | None
    sort_date_reported: bool


def _refresh_sort_dates(rows: dict[int, _MeetingRow]) -> dict[int, tuple[dt.date | None, bool]]:
    """A meeting's own date, else the publication date of its first report ("reported on");
    writes the ones that changed and returns every meeting's."""
    first_reports = dict(
        MeetingSource.objects.filter(meeting_id__in=list(rows))
        .order_by()
        .values("meeting_id")
        .annotate(first=Min("article__published_on"))
        .values_list("meeting_id", "first")
    )
    placed = {}
    for pk, row in rows.items():
        if row.start_date is not None and row.precision != DatePrecision.UNKNOWN:
            placed[pk] = (row.start_date, False)
        else:
            placed[pk] = (first_reports.get(pk), pk in first_reports)
    changed = [
        Meeting(pk=pk, sort_date=sort_date, sort_date_reported=reported)
        for pk, (sort_date, reported) in placed.items()
        if (sort_date, reported) != (rows[pk].sort_date, rows[pk].sort_date_reported)
    ]
    # Not save(): the sort date is no fact of the meeting, and moves no updated_at or history.
    Meeting.objects.bulk_update(changed, ["sort_date", "sort_date_reported"])
    return placed


def _refresh_documents(
    rows: dict[int, _MeetingRow], people: list[tuple], *, created: Collection[int] = ()
) -> None:
    ids = list(rows)
    texts = {pk: [row.title] for pk, row in rows.items()}
    countries: dict[int, list[str | None]] = {pk: [row.country] for pk, row in rows.items()}
    actors_of: dict[int, list[int]] = {}
    for meeting_id, actor_id, name, country, _ in people:
        texts[meeting_id].append(name)
        countries[meeting_id].append(country)
        actors_of.setdefault(meeting_id, []).append(actor_id)
    aliases: dict[int, list[str]] = {}
    actor_ids = {actor_id for found in actors_of.values() for actor_id in found}
    if actor_ids:
        for actor_id, name in ActorAlias.objects.filter(actor_id__in=actor_ids).values_list(
            "actor_id", "name"
        ):
            aliases.setdefault(actor_id, []).append(name)
    for meeting_id, text in Evidence.objects.filter(meeting_id__in=ids).values_list(
        "meeting_id", "text"
    ):
        texts[meeting_id].append(text)

    country_words = _country_words({code for codes in countries.values() for code in codes})
    earlier = [pk for pk in ids if pk not in created]
    stored = (
        dict(
            MeetingSearch.objects.filter(meeting_id__in=earlier).values_list(
                "meeting_id", "document"
            )
        )
        if earlier
        else {}
    )
    documents = []
    for pk, meeting_texts in texts.items():
        for actor_id in actors_of.get(pk, ()):
            meeting_texts.extend(aliases.get(actor_id, ()))
        words = dict.fromkeys(_words(meeting_texts))
        words.update(dict.fromkeys(city_words(rows[pk].city)))
        for code in dict.fromkeys(countries[pk]):
            words.update(dict.fromkeys(country_words.get(code, ()) if code else ()))
        document = " ".join(words)
        if stored.get(pk) != document:
            documents.append(MeetingSearch(meeting_id=pk, document=document))
    if documents:
        MeetingSearch.objects.bulk_create(
            documents, update_conflicts=True, unique_fields=["meeting"], update_fields=["document"]
        )


def _country_words(codes: set[str | None]) -> dict[str, tuple[str, ...]]:
    """The countries' words: their names and their names in other languages."""
    names = Country.objects.filter(code__in=codes - {None}).values_list("code", "name", "names")
    return {code: _words([name, *others.values()]) for code, name, others in names}


def _words(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(word for text in texts for word in normalize_name(text).split()))


@lru_cache(maxsize=4096)
def city_words(city: str) -> tuple[str, ...]:
    """A venue's words: its English name and every other name it is known by."""
    return _words([city, *sorted(city_names(city))]) if city else ()
