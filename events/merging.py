"""The merge rules, in one place: which claims tell of one encounter, and what a meeting says.

Pure functions over claims; no database. A claim is what one article says of one encounter
(events.claims builds them from the engine's findings). Meetings nobody curated are the
clusters `cluster` makes of their claims, and their fields are what `merged_facts` reads from
them. docs/merging.md states the rules in prose; keep the two in step.

Two claims may be one encounter only when every rule of `compatible` holds, and a cluster is
a set of claims that are all pairwise compatible: A~B and B~C never pull A and C together when
A and C disagree. The clustering is a function of the set of claims alone (it visits them in a
canonical order), so the order articles are read in, or read again, changes nothing.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from events.extraction.days import add_days

FAMILIES = {
    "visit": "encounter",
    "meeting": "encounter",
    "multilateral": "multilateral",
    "call": "call",
}
PRECISION_RANK = {"day": 3, "month": 2, "year": 1, "unknown": 0}
ROLE_RANK = {"visitor": 2, "host": 2, "participant": 1}
STATUS_RANK = {"planned": 0, "cancelled": 1, "occurred": 2}

# Two exact days a day apart may be one encounter (time zones, reports written overnight).
DAY_SLACK = dt.timedelta(days=1)
# How far from its article's publication an undated report may lie: an undated "talks were
# held" is no later than the day it was published (a plan, no earlier) and within this reach.
UNDATED_REACH = dt.timedelta(days=366)


@dataclass(frozen=True)
class Claim:
    """What one article says of one encounter.

    `article` and `ordinal` (the finding's place in the article's extraction) identify it.
    `published` is the article's publication day. `participants` are (actor id, role) pairs.
    `reasons` and `evidence` are carried along for the meeting page and the evidence rows;
    they take no part in merging.
    """

    article: int
    ordinal: int
    published: dt.date | None
    kind: str
    status: str
    start: dt.date | None = None
    end: dt.date | None = None
    precision: str = "unknown"
    city: str = ""
    country: str | None = None
    countries: frozenset[str] = frozenset()
    participants: tuple[tuple[int, str], ...] = ()
    reasons: Mapping[str, dict] = field(default_factory=dict, compare=False, hash=False)
    evidence: tuple[tuple[str, int, int, str], ...] = field(default=(), compare=False)

    @property
    def key(self) -> tuple:
        """A total order of claims that owes nothing to when they were stored."""
        return (self.published or dt.date.min, self.article, self.ordinal)

    @property
    def family(self) -> str:
        return FAMILIES[self.kind]

    @property
    def dated(self) -> bool:
        return self.start is not None and self.precision != "unknown"

    @property
    def actors(self) -> frozenset[int]:
        return frozenset(actor for actor, _ in self.participants)


# --- Dates -------------------------------------------------------------------------------------


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _widen(first: dt.date, last: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    if precision == "year":
        return dt.date(first.year, 1, 1), dt.date(last.year, 12, 31)
    if precision == "month":
        return first.replace(day=1), _month_end(last)
    return first, last


def span(claim: Claim, precision: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The days a dated claim may stand for, read at `precision` (its own by default)."""
    if not claim.dated:
        return None
    last = claim.end if claim.end and claim.end >= claim.start else claim.start
    return _widen(claim.start, last, precision or claim.precision)


def window(claim: Claim) -> tuple[dt.date | None, dt.date | None]:
    """The days a claim may lie in; None is open-ended.

    A dated claim lies in its span. An undated one lies no later than its publication when it
    tells of something that happened, no earlier when it tells of a plan, and within
    UNDATED_REACH of it; a cancellation may lie on either side.
    """
    dated = span(claim)
    if dated is not None:
        return dated
    published = claim.published
    if published is None:
        return None, None
    # Held at the calendar's edges: an article may be dated 31 December 9999.
    earliest = add_days(published, -UNDATED_REACH.days)
    latest = add_days(published, UNDATED_REACH.days)
    if claim.status == "occurred":
        return earliest, published
    if claim.status == "planned":
        return published, latest
    return earliest, latest


def _overlap(
    a: tuple[dt.date | None, dt.date | None],
    b: tuple[dt.date | None, dt.date | None],
    slack: dt.timedelta,
) -> bool:
    a_first, a_last = a
    b_first, b_last = b
    if a_first is not None and b_last is not None and add_days(b_last, slack.days) < a_first:
        return False
    return not (
        b_first is not None and a_last is not None and add_days(a_last, slack.days) < b_first
    )


def dates_agree(a: Claim, b: Claim) -> bool:
    """Whether two claims' dates may be one day.

    Two dated claims are compared at the coarser of their precisions (a day against a month
    is read as its month), with a day's slack only between two exact days. An undated claim
    agrees with whatever falls in its window.
    """
    if a.dated and b.dated:
        coarser = min(a.precision, b.precision, key=PRECISION_RANK.__getitem__)
        slack = DAY_SLACK if coarser == "day" else dt.timedelta(0)
        return _overlap(span(a, coarser), span(b, coarser), slack)
    return _overlap(window(a), window(b), DAY_SLACK)


# --- Participants ------------------------------------------------------------------------------


def participants_agree(a: Claim, b: Claim) -> bool:
    """Whether two claims' parties may be one encounter's.

    They share a country, and two when both name two or more (Trump–Putin and Trump–Zelensky
    are two calls); their venue countries, when both are known, are one; two calls that both
    name people share one of them.
    """
    shared = a.countries & b.countries
    if not shared or len(shared) < min(2, len(a.countries), len(b.countries)):
        return False
    if a.country and b.country and a.country != b.country:
        return False
    return not (a.family == "call" and a.actors and b.actors and not (a.actors & b.actors))


def _clearly_the_same(a: Claim, b: Claim) -> bool:
    """An undated report joins another only when it names the encounter unmistakably: two of
    the same people, or one and the same city."""
    common = len(a.actors & b.actors)
    return common >= 2 or (common == 1 and bool(a.city) and a.city == b.city)


def facts_agree(a: Claim, b: Claim) -> bool:
    """Every rule but the one about articles: what two readings say may be one encounter."""
    if a.family != b.family or not dates_agree(a, b) or not participants_agree(a, b):
        return False
    return (a.dated and b.dated) or _clearly_the_same(a, b)


def compatible(a: Claim, b: Claim) -> bool:
    """Whether two claims may be one encounter. An article's claims are distinct encounters
    (the engine already joined what the article says of one)."""
    return a.article != b.article and facts_agree(a, b)


def affinity(claim: Claim, others: Iterable[Claim]) -> tuple:
    """How strongly a claim belongs with compatible claims; higher is closer."""
    others = list(others)
    actors = frozenset().union(*(other.actors for other in others))
    countries = frozenset().union(*(other.countries for other in others))
    same_city = bool(claim.city) and any(claim.city == other.city for other in others)
    exact = any(
        claim.precision == "day" and other.precision == "day" and dates_agree(claim, other)
        for other in others
    )
    # Among equally good candidates, the one nearest in time: an undated report of a call
    # is most likely the latest call before its publication.
    distances = [_distance(claim, other) for other in others]
    nearest = min(distances) if distances else 0
    return (
        2 * len(claim.actors & actors) + len(claim.countries & countries) + same_city + exact,
        -nearest,
    )


def _distance(a: Claim, b: Claim) -> int:
    first = window(a)
    second = window(b)
    ends = [day for day in (*first, *second) if day is not None]
    if len(ends) < 4:
        return 0
    if _overlap(first, second, dt.timedelta(0)):
        return 0
    return min(abs((x - y).days) for x in first for y in second)


# --- Clustering --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fixed:
    """A meeting an editor curated: its membership is theirs, and its facts are the truth new
    claims are measured against. `facts` is the meeting read as a claim; `articles` are its
    sources (a meeting takes one claim per article)."""

    meeting: int
    facts: Claim
    articles: frozenset[int] = frozenset()


@dataclass
class Group:
    """One encounter: a curated meeting with the claims that joined it, or a new cluster."""

    fixed: Fixed | None = None
    claims: list[Claim] = field(default_factory=list)

    @property
    def articles(self) -> set[int]:
        own = set(self.fixed.articles) if self.fixed else set()
        return own | {claim.article for claim in self.claims}

    def measures(self) -> list[Claim]:
        """What a newcomer must agree with: a curated meeting's facts and the claims that
        joined it, or every claim of a cluster."""
        return ([self.fixed.facts] if self.fixed else []) + self.claims


def visiting_order(claim: Claim) -> tuple:
    """Exact dates first (they anchor clusters), then vaguer ones, undated reports last."""
    dated = span(claim)
    width = (dated[1] - dated[0]).days if dated else 0
    return (-PRECISION_RANK[claim.precision if claim.dated else "unknown"], width, claim.key)


def cluster(claims: Iterable[Claim], fixed: Iterable[Fixed] = ()) -> list[Group]:
    """Partition claims into encounters: a deterministic function of the set of claims.

    Curated meetings come first, as they are. Each claim, in `visiting_order`, joins the
    group it agrees with entirely (and from whose articles it does not come) that it is most
    akin to, or starts a group of its own.
    """
    groups = [Group(fixed=item) for item in sorted(fixed, key=lambda item: item.meeting)]
    for claim in sorted(claims, key=visiting_order):
        best, best_affinity = None, None
        for group in groups:
            if claim.article in group.articles or not _agrees_with(claim, group):
                continue
            score = affinity(claim, group.measures())
            if best_affinity is None or score > best_affinity:
                best, best_affinity = group, score
        if best is None:
            best = Group()
            groups.append(best)
        best.claims.append(claim)
    return groups


def _agrees_with(claim: Claim, group: Group) -> bool:
    if group.fixed and not facts_agree(claim, group.fixed.facts):
        return False
    return all(compatible(claim, other) for other in group.claims)


def assign_meetings(
    groups: list[Group], previous: Mapping[tuple[int, int], int | None]
) -> list[int | None]:
    """Which stored meeting each group continues, so that ids last.

    A curated meeting's group is that meeting. Another group continues the uncurated meeting
    most of its claims were in before (`previous`, by (article, ordinal)); when two groups want
    one meeting, the one with more of its claims has it, and the older meeting is preferred.
    None: a new meeting.
    """
    result: list[int | None] = [group.fixed.meeting if group.fixed else None for group in groups]
    curated = {meeting for meeting in result if meeting is not None}
    wishes = []
    for index, group in enumerate(groups):
        if group.fixed:
            continue
        votes = Counter(previous.get((claim.article, claim.ordinal)) for claim in group.claims)
        for meeting, count in votes.items():
            if meeting is not None and meeting not in curated:
                wishes.append((-count, meeting, index))
    taken: set[int] = set()
    for _, meeting, index in sorted(wishes):
        if result[index] is None and meeting not in taken:
            result[index] = meeting
            taken.add(meeting)
    return result


def match_rereading(old: list[Claim], new: list[Claim]) -> dict[int, int]:
    """Which earlier claim of an article (by its index in `old`) each claim of its new reading
    continues (by the new claim's ordinal): the same reading, else the closest that agrees."""
    pairs = []
    for fresh in new:
        for index, earlier in enumerate(old):
            if fresh == _renumbered(earlier, fresh.ordinal):
                closeness = (1, ())
            elif facts_agree(fresh, earlier):
                closeness = (0, affinity(fresh, [earlier]))
            else:
                continue
            pairs.append((closeness, -fresh.ordinal, -index))
    matched: dict[int, int] = {}
    for _, ordinal, index in sorted(pairs, reverse=True):
        if -ordinal not in matched and -index not in matched.values():
            matched[-ordinal] = -index
    return matched


def _renumbered(claim: Claim, ordinal: int) -> Claim:
    return Claim(**{**claim.__dict__, "ordinal": ordinal})


# --- A meeting's fields -------------------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What a meeting nobody curated says: read from its claims by `merged_facts`."""

    kind: str
    status: str
    start: dt.date | None
    end: dt.date | None
    precision: str
    city: str
    country: str | None
    participants: tuple[tuple[int, str], ...]
    decided_by: dict[str, int]


def _latest(claims: Iterable[Claim], *extra) -> Claim:
    return max(claims, key=lambda claim: (*[rank(claim) for rank in extra], claim.key))


def merged_status(claims: list[Claim]) -> Claim:
    """A report that it happened outweighs plans; otherwise the latest report has the say
    (a cancellation beats a plan published the same day)."""
    occurred = [claim for claim in claims if claim.status == "occurred"]
    if occurred:
        return _latest(occurred)
    return max(
        claims,
        key=lambda claim: (claim.published or dt.date.min, STATUS_RANK[claim.status], claim.key),
    )


def merged_date(claims: list[Claim]) -> Claim | None:
    """The most precise date any report gives: a day over a month over a year, one day over a
    vague range ("last week"), then the latest report."""
    dated = [claim for claim in claims if claim.dated]
    if not dated:
        return None
    return max(
        dated,
        key=lambda claim: (
            PRECISION_RANK[claim.precision],
            -((claim.end - claim.start).days if claim.end else 0),
            claim.key,
        ),
    )


def merged_kind(claims: list[Claim]) -> tuple[str, Claim]:
    """A visit is the more specific reading of a meeting: kept when any report says so and all
    say visit or meeting. Otherwise the most common kind (the latest report breaks ties)."""
    kinds = Counter(claim.kind for claim in claims)
    if kinds.get("visit") and set(kinds) <= {"visit", "meeting"}:
        kind = "visit"
    else:
        kind = max(
            kinds, key=lambda name: (kinds[name], _latest(c for c in claims if c.kind == name).key)
        )
    return kind, _latest(claim for claim in claims if claim.kind == kind)


def merged_participants(claims: list[Claim]) -> tuple[tuple[tuple[int, str], ...], Claim]:
    """Everyone any report names; a visitor's or host's role outranks "participant", and the
    latest report settles the rest."""
    roles: dict[int, tuple[tuple, str]] = {}
    for claim in claims:
        for actor, role in claim.participants:
            rank = (ROLE_RANK[role], claim.key)
            if actor not in roles or rank > roles[actor][0]:
                roles[actor] = (rank, role)
    decider = max(claims, key=lambda claim: (len(claim.participants), claim.key))
    return tuple(sorted((actor, role) for actor, (_, role) in roles.items())), decider


def merged_facts(claims: list[Claim]) -> Facts:
    """A meeting's fields from its claims, and which claim decided each."""
    status = merged_status(claims)
    date = merged_date(claims)
    kind, kind_claim = merged_kind(claims)
    participants, named = merged_participants(claims)
    country_claim = max((c for c in claims if c.country), key=lambda c: c.key, default=None)
    city_claim = max((c for c in claims if c.city), key=lambda c: c.key, default=None)
    venue_claim = city_claim or country_claim
    decided_by = {
        "kind": kind_claim.article,
        "status": status.article,
        "participants": named.article,
    }
    if date is not None:
        decided_by["date"] = date.article
    if venue_claim is not None:
        decided_by["venue"] = venue_claim.article
    return Facts(
        kind=kind,
        status=status.status,
        start=date.start if date else None,
        end=date.end if date else None,
        precision=date.precision if date else "unknown",
        city=city_claim.city if city_claim else "",
        country=country_claim.country if country_claim else None,
        participants=participants,
        decided_by=decided_by,
    )


# --- Claims as stored (MeetingSource.claim) ------------------------------------------------------


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def claim_to_json(claim: Claim) -> dict:
    return {
        "ordinal": claim.ordinal,
        "kind": claim.kind,
        "status": claim.status,
        "start": claim.start.isoformat() if claim.start else None,
        "end": claim.end.isoformat() if claim.end else None,
        "precision": claim.precision,
        "city": claim.city,
        "country": claim.country,
        "countries": sorted(claim.countries),
        "participants": [{"actor": actor, "role": role} for actor, role in claim.participants],
        "published": claim.published.isoformat() if claim.published else None,
        "reasons": dict(claim.reasons),
        "evidence": [
            {"field": part, "start": start, "end": end, "text": text}
            for part, start, end, text in claim.evidence
        ],
    }


def claim_from_json(article: int, data: Mapping) -> Claim:
    """A stored claim; claims stored before reasons and evidence were kept lack them."""
    return Claim(
        article=article,
        ordinal=data.get("ordinal", 0),
        published=_day(data.get("published")),
        kind=data["kind"],
        status=data["status"],
        start=_day(data.get("start")),
        end=_day(data.get("end")),
        precision=data.get("precision") or "unknown",
        city=data.get("city") or "",
        country=data.get("country") or None,
        countries=frozenset(data.get("countries", ())),
        participants=tuple(
            sorted((item["actor"], item["role"]) for item in data.get("participants", ()))
        ),
        reasons=data.get("reasons") or {},
        evidence=tuple(
            (item["field"], item["start"], item["end"], item["text"])
            for item in data.get("evidence", ())
        ),
    )
