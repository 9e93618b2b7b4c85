"""Reading events: the timeline's query, shared by the web pages and the exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Prefetch, Q, QuerySet

from events.models import (
    DatePrecision,
    Evidence,
    Meeting,
    MeetingSource,
    MeetingTombstone,
    Participant,
    ReviewState,
)


@dataclass(frozen=True)
class MeetingFilters:
    q: str = ""
    country: str | None = None
    actor: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kind: str | None = None
    status: str | None = None
    review_state: str | None = None  # None: all but rejected; "all": everything


def meeting_list(*, filters: MeetingFilters | None = None) -> QuerySet[Meeting]:
    """Meetings matching the filters, newest first, with what lists and exports show."""
    filters = filters or MeetingFilters()
    meetings = Meeting.objects.select_related("country").prefetch_related(
        Prefetch(
            "participants",
            queryset=Participant.objects.select_related("actor__country").order_by(
                "role", "actor__name"
            ),
        ),
        Prefetch("sources", queryset=MeetingSource.objects.select_related("article")),
    )
    if filters.review_state is None:
        meetings = meetings.exclude(review_state=ReviewState.REJECTED)
    elif filters.review_state != "all":
        meetings = meetings.filter(review_state=filters.review_state)
    if filters.kind:
        meetings = meetings.filter(kind=filters.kind)
    if filters.status:
        meetings = meetings.filter(status=filters.status)
    if filters.country:
        meetings = meetings.filter(
            Q(country_id=filters.country) | Q(participants__actor__country_id=filters.country)
        )
    if filters.actor:
        meetings = meetings.filter(participants__actor_id=filters.actor)
    if filters.date_from:
        # A meeting counts when any of its days falls in the range. A date known to the month
        # or year stands for every day of it, and is stored as the first of them.
        first = filters.date_from
        coarse = {
            DatePrecision.MONTH: first.replace(day=1),
            DatePrecision.YEAR: first.replace(month=1, day=1),
        }
        in_range = _ends_on_or_after(first) & ~Q(date_precision__in=list(coarse))
        for precision, day in coarse.items():
            in_range |= Q(date_precision=precision) & _ends_on_or_after(day)
        meetings = meetings.filter(in_range)
    if filters.date_to:
        meetings = meetings.filter(start_date__lte=filters.date_to)
    if filters.q:
        term = filters.q.strip()
        meetings = meetings.filter(
            Q(title__icontains=term)
            | Q(city__icontains=term)
            | Q(country__name__icontains=term)
            | Q(participants__actor__name__icontains=term)
            | Q(participants__actor__aliases__name__icontains=term)
            | Q(evidence__text__icontains=term)
        )
    ids = meetings.values("pk")
    # Filters across relations can repeat rows; select by id once instead of DISTINCT.
    return (
        meetings.model.objects.filter(pk__in=ids)
        .select_related("country")
        .prefetch_related(*meetings._prefetch_related_lookups)
        .order_by(F("start_date").desc(nulls_last=True), "-id")
    )


def _ends_on_or_after(day: dt.date) -> Q:
    """Meetings whose last stored date is `day` or later."""
    return Q(end_date__gte=day) | Q(end_date__isnull=True, start_date__gte=day)


def meeting_detail(*, meeting_id: int) -> Meeting:
    """One meeting with its participants and every source's evidence; raises DoesNotExist."""
    return (
        Meeting.objects.select_related("country")
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("actor__country"),
            ),
            Prefetch("evidence", queryset=Evidence.objects.select_related("article")),
            Prefetch("sources", queryset=MeetingSource.objects.select_related("article")),
        )
        .get(pk=meeting_id)
    )


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
