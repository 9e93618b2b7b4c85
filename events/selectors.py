"""Reading events: the timeline's query, shared by the web pages and the exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connections
from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import TruncMonth

from events.models import (
    Actor,
    ActorAlias,
    Country,
    DatePrecision,
    Evidence,
    Meeting,
    MeetingCountry,
    MeetingSearch,
    MeetingSource,
    MeetingTombstone,
    Participant,
    ReviewState,
)
from events.search import MANY_MATCHES, SEARCH_FENCE, documents_matching, meetings_matching

NEWEST_FIRST = "newest"
OLDEST_FIRST = "oldest"


@dataclass(frozen=True)
class MeetingFilters:
    q: str = ""
    countries: tuple[str, ...] = ()  # every one takes part or hosts
    actors: tuple[int, ...] = ()  # every one takes part
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kind: str | None = None
    status: str | None = None
    review_state: str | None = None  # None: all but rejected; "all": everything
    order: str = NEWEST_FIRST


def meetings_filtered(*, filters: MeetingFilters, many: bool = False) -> QuerySet[Meeting]:
    """The meetings matching the filters, unordered and without related rows (`many`: see
    counted_meeting_list)."""
    meetings = Meeting.objects.all()
    if filters.review_state is None:
        meetings = meetings.exclude(review_state=ReviewState.REJECTED)
    elif filters.review_state != "all":
        meetings = meetings.filter(review_state=filters.review_state)
    if filters.kind:
        meetings = meetings.filter(kind=filters.kind)
    if filters.status:
        meetings = meetings.filter(status=filters.status)
    for code in filters.countries:
        # The derived rows of events.country_index: the venue's country and participants'.
        involved = MeetingCountry.objects.filter(country_id=code).values("meeting_id")
        meetings = meetings.filter(pk__in=involved)
    for actor_id in filters.actors:
        meetings = meetings.filter(
            pk__in=Participant.objects.filter(actor_id=actor_id).values("meeting_id")
        )
    if filters.date_from:
        meetings = meetings.filter(on_or_after(filters.date_from))
    if filters.date_to:
        # A dated meeting's sort date is its first day: it counts when that is in the range.
        meetings = meetings.filter(sort_date__lte=filters.date_to)
        if filters.date_from and connections[meetings.db].vendor == "postgresql":
            meetings = meetings.filter(sort_date__gte=_earliest_start(filters.date_from))
    if filters.q.strip():
        meetings = meetings_matching(meetings, filters.q, many=many)
    return meetings


def on_or_after(first: dt.date) -> Q:
    """A dated meeting counts when any of its days is `first` or later; a date known to the
    month or year stands for every day of it, and is stored as the first of them. A meeting
    without a date of its own counts by the day it was first reported."""
    coarse = {
        DatePrecision.MONTH: first.replace(day=1),
        DatePrecision.YEAR: first.replace(month=1, day=1),
    }
    in_range = _ends_on_or_after(first) & ~Q(date_precision__in=list(coarse))
    for precision, day in coarse.items():
        in_range |= Q(date_precision=precision) & _ends_on_or_after(day)
    return (Q(sort_date_reported=False) & in_range) | Q(
        sort_date_reported=True, sort_date__gte=first
    )


def _earliest_start(first: dt.date) -> RawSQL:
    """A sort date below which no meeting can count as `first` or later: a bound that changes
    no result (on_or_after decides), but lets PostgreSQL read only that part of the date index
    (migration 0014) instead of everything up to the range's end (a year near today: 53 ms ->
    4 ms at 200,000 meetings).

    Only for meetings with a sort date (a range's end requires one): one placed by its first
    report counts from `first` on; a dated one's sort date is its start, at most a year (a
    date known to the year) and its span (end minus start, the longest any meeting has: from
    the index of migration 0016) before its last day, which is `first` or later."""
    meetings = Meeting._meta.db_table
    longest = f"(SELECT MAX(end_date - start_date) FROM {meetings})"
    return RawSQL(
        f"%s::date - 366 - GREATEST(COALESCE({longest}, 0), 0)", [first], output_field=DateField()
    )


def _ends_on_or_after(day: dt.date) -> Q:
    """Meetings whose last stored date is `day` or later."""
    return Q(end_date__gte=day) | Q(end_date__isnull=True, start_date__gte=day)


def in_timeline_order(meetings: QuerySet[Meeting], order: str) -> QuerySet[Meeting]:
    if order == OLDEST_FIRST:
        return meetings.order_by(F("sort_date").asc(nulls_last=True), F("id").asc())
    return meetings.order_by(F("sort_date").desc(nulls_last=True), F("id").desc())


def meeting_list(*, filters: MeetingFilters | None = None, many: bool = False) -> QuerySet[Meeting]:
    """Meetings matching the filters in timeline order, with what the timeline shows of each:
    venue country, participants with their countries, and the number of sources."""
    filters = filters or MeetingFilters()
    source_count = (
        MeetingSource.objects.filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(count=Count("*"))
        .values("count")
    )
    meetings = (
        meetings_filtered(filters=filters, many=many)
        .select_related("country")
        .annotate(source_count=Subquery(source_count))
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("actor__country").order_by(
                    "role", "actor__name"
                ),
            )
        )
    )
    return in_timeline_order(meetings, filters.order)


def counted_meeting_list(
    *, filters: MeetingFilters, count: int | None = None
) -> tuple[int, QuerySet[Meeting]]:
    """How many meetings match the filters (`count`, when the caller knows it already), and
    meeting_list's query for them: with the count known first, a search matching many
    meetings is read in timeline order, which finds a page soonest
    (events.search.meetings_matching)."""
    if count is None:
        count = meeting_count(filters=filters)
    return count, meeting_list(filters=filters, many=count >= MANY_MATCHES)


def meeting_count(*, filters: MeetingFilters) -> int:
    """How many meetings match the filters.

    A filter by one country, one actor or a search alone is counted on its own rows (one per
    meeting), leaving out rejected meetings by their ids: a hashed list of a few thousand. Joined
    to the meetings instead, PostgreSQL reads every meeting to compare (at 200,000 meetings a
    country's count took 75-120 ms that way, 20-30 ms this way; docs/benchmarks.md)."""
    return _count(filters, _rows_of_one_filter(filters))


def _count(filters: MeetingFilters, rows: QuerySet | None) -> int:
    return meetings_filtered(filters=filters).count() if rows is None else rows.count()


@dataclass(frozen=True)
class TimelineCount:
    number: int
    more: bool = False  # more than `number` meetings match (a broad search, not counted out)


def timeline_count(*, filters: MeetingFilters) -> TimelineCount:
    """The timeline's count: meeting_count, except that a search alone matching more than
    MANY_MATCHES meetings is counted only that far.

    Counting a search's matches reads each matching document (PostgreSQL's full-text index
    holds no meeting ids), and the documents are long: a word found in 90,000 meetings took
    250-500 ms; counted to 20,000, 120-140 ms. Past that many, the page's own query walks the
    timeline and needs no exact count either (events.search.meetings_matching)."""
    rows = _rows_of_one_filter(filters)
    if rows is None or rows.model is not MeetingSearch:
        return TimelineCount(_count(filters, rows))
    found = _count_up_to(rows.values("pk"), MANY_MATCHES + 1)
    if found > MANY_MATCHES:
        return TimelineCount(MANY_MATCHES, more=True)
    return TimelineCount(found)


def _count_up_to(rows: QuerySet, most: int) -> int:
    """How many rows, up to `most`. The rows are read whole in a subquery of their own, and
    only then counted up to the limit: a LIMIT on the search itself makes PostgreSQL test
    every document in turn rather than use the full-text index (2.7 s for a common word)."""
    sql, params = rows.query.sql_with_params()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM ({sql} LIMIT %s) AS found LIMIT %s) AS counted",
            (*params, SEARCH_FENCE, most),
        )
        return cursor.fetchone()[0]


def _rejected_ids() -> QuerySet[Meeting]:
    return Meeting.objects.filter(review_state=ReviewState.REJECTED).values("pk")


def _rows_of_one_filter(filters: MeetingFilters) -> QuerySet | None:
    """The rows (one per meeting, with its `meeting_id`) that the filters' one country, actor
    or search stands for, when it is the filters' only condition besides the default review
    states (all but rejected, or all), without the rejected meetings' rows unless all are
    asked for; otherwise None."""
    if filters.review_state not in (None, "all"):
        return None
    if filters.kind or filters.status or filters.date_from or filters.date_to:
        return None
    search = documents_matching(filters.q) if filters.q.strip() else None
    chosen = [
        *(MeetingCountry.objects.filter(country_id=code) for code in filters.countries),
        *(Participant.objects.filter(actor_id=actor) for actor in filters.actors),
        *([search] if search is not None else []),
    ]
    if len(chosen) != 1:
        return None
    rows = chosen[0].order_by()
    if filters.review_state is None:
        rows = rows.exclude(meeting_id__in=_rejected_ids())
    return rows


def meeting_ids(*, filters: MeetingFilters) -> QuerySet[Meeting]:
    """The matching meetings in timeline order, for exports that fetch their own columns."""
    return in_timeline_order(meetings_filtered(filters=filters), filters.order)


@dataclass(frozen=True)
class HistogramBar:
    start: dt.date  # first day of the month or year
    end: dt.date  # last day
    count: int


def meeting_histogram(*, filters: MeetingFilters, max_months: int = 120) -> list[HistogramBar]:
    """Meetings per month of their sort date (per year when they span more than `max_months`),
    every month or year of the span present, empty ones with 0. Undated meetings are left out."""
    counts = dict(
        meetings_filtered(filters=filters)
        .filter(sort_date__isnull=False)
        .annotate(month=TruncMonth("sort_date"))
        .order_by()
        .values_list("month")
        .annotate(count=Count("*"))
        .values_list("month", "count")
    )
    if not counts:
        return []
    # The bars span the date range asked for, or else the meetings found.
    first = min(counts)
    if filters.date_from:
        first = min(first, filters.date_from.replace(day=1))
    last = filters.date_to.replace(day=1) if filters.date_to else max(counts)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > max_months:
        per_year: dict[int, int] = {}
        for month, count in counts.items():
            per_year[month.year] = per_year.get(month.year, 0) + count
        return [
            HistogramBar(dt.date(year, 1, 1), dt.date(year, 12, 31), per_year.get(year, 0))
            for year in range(first.year, last.year + 1)
        ]
    bars = []
    month = first
    for _ in range(months):
        following = _next_month(month)
        bars.append(HistogramBar(month, following - dt.timedelta(days=1), counts.get(month, 0)))
        month = following
    return bars


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def actor_suggestions(*, term: str, limit: int = 10) -> list[Actor]:
    """Actors whose name or an alias contains `term`, names beginning with it first."""
    term = term.strip()
    if not term:
        return []
    return list(
        Actor.objects.filter(Q(name__icontains=term) | Q(pk__in=_alias_matches(term)))
        .select_related("country")
        .order_by(Case(When(name__istartswith=term, then=0), default=1), "name")[:limit]
    )


def _alias_matches(term: str) -> QuerySet[ActorAlias]:
    return ActorAlias.objects.filter(name__icontains=term).values("actor_id")


def country_suggestions(*, term: str, limit: int = 10) -> list[Country]:
    """Countries whose code, English name or a name in another language contains `term`."""
    folded = term.strip().casefold()
    if not folded:
        return []
    found = []
    for country in Country.objects.order_by("name"):
        names = [country.name, *country.names.values()]
        if folded == country.code.casefold() or any(folded in name.casefold() for name in names):
            found.append(country)
    found.sort(
        key=lambda country: (
            country.code.casefold() != folded,
            not country.name.casefold().startswith(folded),
        )
    )
    return found[:limit]


def meetings_with_details(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings with their venue, participants and every source's evidence, in a few queries."""
    return meetings.select_related("country").prefetch_related(
        Prefetch(
            "participants",
            queryset=Participant.objects.select_related("actor__country"),
        ),
        Prefetch("evidence", queryset=Evidence.objects.select_related("article")),
        Prefetch("sources", queryset=MeetingSource.objects.select_related("article")),
    )


def meeting_detail(*, meeting_id: int) -> Meeting:
    """One meeting with its participants and every source's evidence; raises DoesNotExist."""
    return meetings_with_details(Meeting.objects.all()).get(pk=meeting_id)


def article_meetings(*, article_id: int) -> QuerySet[Meeting]:
    """The meetings an article reports, with their venue and participants."""
    return (
        Meeting.objects.filter(sources__article_id=article_id)
        .select_related("country")
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("actor__country"),
            )
        )
        .order_by(F("start_date").desc(nulls_last=True), "-id")
    )


def meeting_tombstone(*, meeting_id: int) -> MeetingTombstone | None:
    """What became of a meeting id that no longer exists, if it ever did."""
    return MeetingTombstone.objects.select_related("merged_into").filter(pk=meeting_id).first()
