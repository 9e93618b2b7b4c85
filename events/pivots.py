"""Reading meetings around one actor, one country, two countries or the next weeks: the
selectors of the pivot pages. Each takes the timeline's filters, so a page narrowed on the
timeline stays narrowed when the analyst turns to an actor or a country.

Countries come from the derived rows of events.country_index (MeetingCountry, MeetingPair):
every count here is one grouped query on an index, whatever the number of meetings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.db.models import (
    Count,
    F,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    StringAgg,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import ExtractYear

from events.models import (
    Actor,
    ActorRole,
    Country,
    Meeting,
    MeetingCountry,
    MeetingKind,
    MeetingPair,
    MeetingSource,
    MeetingStatus,
    Participant,
)
from events.selectors import MeetingFilters, in_timeline_order, meetings_filtered, on_or_after

ALIAS_SEPARATOR = "\n"  # no alias holds a line break
RECENT = 20  # meetings listed on an actor's or a country's page
RANKED = 10  # counterpart countries or partners shown
MATRIX_COUNTRIES = 16  # the busiest countries of the filtered meetings, in the matrix
UPCOMING_LIMIT = 100
NOT_CONFIRMED_LIMIT = 50


@dataclass(frozen=True)
class RankedCountry:
    code: str
    name: str
    count: int


# --- Actors ---------------------------------------------------------------------------------


def actor_profile(*, actor_id: int) -> Actor:
    """The actor with its country and `alias_names` (a list); raises Actor.DoesNotExist."""
    actor = (
        Actor.objects.select_related("country")
        .annotate(alias_list=StringAgg("aliases__name", Value(ALIAS_SEPARATOR), default=""))
        .get(pk=actor_id)
    )
    names = {name for name in actor.alias_list.split(ALIAS_SEPARATOR) if name}
    actor.alias_names = sorted(names - {actor.name})
    return actor


def actor_roles(*, actor_id: int) -> list[ActorRole]:
    """The actor's titles over time, earliest first (undated ones last)."""
    return list(
        ActorRole.objects.filter(actor_id=actor_id)
        .select_related("country")
        .order_by(F("start_date").asc(nulls_last=True), F("end_date").asc(nulls_last=True), "pk")
    )


def actor_counterparts(
    *, actor: Actor, filters: MeetingFilters, limit: int = RANKED
) -> list[RankedCountry]:
    """The countries the actor met most (not the actor's own), with how many meetings."""
    meetings = meetings_filtered(filters=_with_actor(filters, actor.pk))
    rows = (
        MeetingCountry.objects.filter(meeting_id__in=meetings.values("pk"))
        .exclude(country_id=actor.country_id or "")
        .values("country_id", "country__name")
        .annotate(count=Count("*"))
        .order_by("-count", "country__name")[:limit]
    )
    return [RankedCountry(row["country_id"], row["country__name"], row["count"]) for row in rows]


def actor_recent_meetings(
    *, actor_id: int, filters: MeetingFilters, limit: int = RECENT
) -> list[Meeting]:
    """The actor's latest meetings (or earliest, as the filters order them)."""
    return _recent(meetings_filtered(filters=_with_actor(filters, actor_id)), filters, limit)


def _with_actor(filters: MeetingFilters, actor_id: int) -> MeetingFilters:
    return replace(filters, actors=tuple(dict.fromkeys((*filters.actors, actor_id))))


def _with_countries(filters: MeetingFilters, *codes: str) -> MeetingFilters:
    return replace(filters, countries=tuple(dict.fromkeys((*filters.countries, *codes))))


def _recent(meetings: QuerySet[Meeting], filters: MeetingFilters, limit: int) -> list[Meeting]:
    return list(in_timeline_order(meetings.select_related("country"), filters.order)[:limit])


# --- Countries ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountryYear:
    year: int | None  # None: meetings without any date
    meetings: int
    visits_made: int
    visits_received: int


def country_years(*, code: str, filters: MeetingFilters) -> list[CountryYear]:
    """The country's meetings per year of their timeline date, with the visits its officials
    made abroad and those it received (as venue or host), newest year first."""
    # A join on the country's row (one per meeting) rather than a second semi-join: the
    # busiest country holds a sixth of all meetings, and the join halves the time there.
    meetings = meetings_filtered(filters=filters).filter(country_rows__country_id=code)
    visit = Q(kind=MeetingKind.VISIT)
    rows = (
        meetings.values(year=ExtractYear("sort_date"))
        .annotate(
            meetings=Count("pk"),
            made=Count("pk", filter=visit & Q(country_rows__visiting=True)),
            received=Count("pk", filter=visit & Q(country_rows__hosting=True)),
        )
        .order_by(F("year").desc(nulls_last=True))
    )
    return [CountryYear(row["year"], row["meetings"], row["made"], row["received"]) for row in rows]


def country_partners(
    *, code: str, filters: MeetingFilters, limit: int = RANKED
) -> list[RankedCountry]:
    """The countries this one met most, with how many meetings."""
    # A pair row of the country already says the meeting involves it.
    meetings = meetings_filtered(filters=filters)
    rows = (
        MeetingPair.objects.filter(Q(first_id=code) | Q(second_id=code))
        .filter(meeting_id__in=meetings.values("pk"))
        .values("first_id", "first__name", "second_id", "second__name")
        .annotate(count=Count("*"))
    )
    ranked = [
        RankedCountry(row["second_id"], row["second__name"], row["count"])
        if row["first_id"] == code
        else RankedCountry(row["first_id"], row["first__name"], row["count"])
        for row in rows
    ]
    ranked.sort(key=lambda partner: (-partner.count, partner.name))
    return ranked[:limit]


def country_recent_meetings(
    *, code: str, filters: MeetingFilters, limit: int = RECENT
) -> list[Meeting]:
    return _recent(meetings_filtered(filters=_with_countries(filters, code)), filters, limit)


# --- Who met whom -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Matrix:
    countries: list[Country]  # busiest first
    counts: dict[tuple[str, str], int]  # by (first, second) in code order

    def count(self, one: str, other: str) -> int:
        return self.counts.get((min(one, other), max(one, other)), 0)

    @property
    def largest(self) -> int:
        codes = {country.code for country in self.countries}
        shown = [n for (a, b), n in self.counts.items() if a in codes and b in codes]
        return max(shown, default=0)


def meeting_matrix(*, filters: MeetingFilters, size: int = MATRIX_COUNTRIES) -> Matrix:
    """How many of the filtered meetings each pair of the busiest countries had together."""
    meetings = meetings_filtered(filters=filters)
    counts = {
        (first, second): count
        for first, second, count in MeetingPair.objects.filter(meeting_id__in=meetings.values("pk"))
        .values_list("first_id", "second_id")
        .annotate(count=Count("*"))
        .values_list("first_id", "second_id", "count")
    }
    totals: dict[str, int] = {}
    for (first, second), count in counts.items():
        totals[first] = totals.get(first, 0) + count
        totals[second] = totals.get(second, 0) + count
    busiest = sorted(totals, key=lambda code: (-totals[code], code))[:size]
    names = Country.objects.in_bulk(busiest)
    return Matrix([names[code] for code in busiest], counts)


# --- Around one meeting -----------------------------------------------------------------------


@dataclass(frozen=True)
class Related:
    same_participants: list[Meeting]
    same_pair: list[Meeting]
    pairs: list[tuple[Country, Country]]


def related_meetings(*, meeting_id: int, limit: int = 10) -> Related:
    """Other meetings of the same people (at least two of them, or the one there is), and
    other meetings between the same countries (the meeting's pairs)."""
    actor_ids = list(
        Participant.objects.filter(meeting_id=meeting_id).values_list("actor_id", flat=True)
    )
    visible = Meeting.objects.exclude(review_state="rejected").exclude(pk=meeting_id)
    same_people: list[Meeting] = []
    if actor_ids:
        shared = (
            Participant.objects.filter(actor_id__in=actor_ids)
            .exclude(meeting_id=meeting_id)
            .values("meeting_id")
            .annotate(shared=Count("*"))
            .filter(shared__gte=min(2, len(actor_ids)))
            .values("meeting_id")
        )
        same_people = list(_newest(visible.filter(pk__in=shared))[:limit])
    pairs = list(
        MeetingPair.objects.filter(meeting_id=meeting_id)
        .select_related("first", "second")
        .order_by("first_id", "second_id")
    )
    same_pair: list[Meeting] = []
    if pairs:
        between = Q()
        for pair in pairs:
            between |= Q(first_id=pair.first_id, second_id=pair.second_id)
        others = MeetingPair.objects.filter(between).values("meeting_id")
        exclude = [meeting.pk for meeting in same_people]
        same_pair = list(_newest(visible.filter(pk__in=others).exclude(pk__in=exclude))[:limit])
    return Related(same_people, same_pair, [(pair.first, pair.second) for pair in pairs])


def _newest(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return meetings.select_related("country").order_by(F("sort_date").desc(nulls_last=True), "-id")


# --- Planned meetings -------------------------------------------------------------------------


def upcoming_meetings(
    *, filters: MeetingFilters, today: dt.date, limit: int = UPCOMING_LIMIT
) -> list[Meeting]:
    """Planned meetings with a date from `today` on (a date known to the month or year counts
    while it lasts), soonest first, each with `announced`: the day of its first report."""
    meetings = list(_upcoming(filters, today)[:limit])
    prefetch_related_objects(meetings, _PEOPLE)
    return meetings


def planned_meetings(
    *, filters: MeetingFilters, today: dt.date
) -> tuple[list[Meeting], list[Meeting]]:
    """The upcoming meetings, and those not confirmed: still planned, though all their dates
    have passed, so no report says they were held (a report that one took place turns its
    status to occurred when its claims merge). Participants are read for both at once."""
    upcoming = list(_upcoming(filters, today)[:UPCOMING_LIMIT])
    passed = (
        _planned(filters)
        .exclude(on_or_after(today))
        .order_by("-sort_date", "-id")[:NOT_CONFIRMED_LIMIT]
    )
    not_confirmed = list(passed)
    prefetch_related_objects([*upcoming, *not_confirmed], _PEOPLE)
    return upcoming, not_confirmed


def _planned(filters: MeetingFilters) -> QuerySet[Meeting]:
    """Planned meetings with a date of their own, with the day they were announced."""
    meetings = meetings_filtered(filters=replace(filters, status=MeetingStatus.PLANNED))
    dated = meetings.filter(sort_date_reported=False, sort_date__isnull=False)
    return _announced(dated.select_related("country"))


def _upcoming(filters: MeetingFilters, today: dt.date) -> QuerySet[Meeting]:
    return _planned(filters).filter(on_or_after(today)).order_by("sort_date", "id")


def _announced(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    first_report = (
        MeetingSource.objects.filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(first=Min("article__published_on"))
        .values("first")
    )
    return meetings.annotate(announced=Subquery(first_report))


_PEOPLE = Prefetch(
    "participants",
    queryset=Participant.objects.select_related("actor__country").order_by("role", "actor__name"),
)
