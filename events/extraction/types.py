"""The engine's plain-data input and output."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class KnownActor:
    """An actor the engine should recognise by any of its names."""

    key: str
    name: str
    country: str | None = None
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    # The day the last office we know of ended; None when one is still held or none is known.
    in_office_until: dt.date | None = None
    # From this day on they hold an international organisation's post (and no country's
    # office): they speak for the organisation, not for their country of origin.
    organisation_since: dt.date | None = None


def organisation_since(
    roles: list[tuple[str | None, dt.date | None, dt.date | None]],
) -> dt.date | None:
    """From someone's roles as (country, start, end): when the organisation post they hold
    began, if every office they still hold is an organisation's (a role without a country)."""
    current = [(country, start) for country, start, end in roles if end is None]
    if not current or any(country for country, _ in current):
        return None
    return min((start or dt.date.min) for _, start in current)


def in_office_until(role_ends: list[dt.date | None]) -> dt.date | None:
    """From the end dates of someone's roles: None if any is open (or none is known)."""
    if not role_ends or any(end is None for end in role_ends):
        return None
    return max(role_ends)


@dataclass(frozen=True)
class ArticleInput:
    title: str
    body: str
    published: dt.date
    language: str | None = None


@dataclass(frozen=True)
class EvidenceSpan:
    """A supporting sentence; offsets count characters of the title or the body."""

    field: str  # "title" or "body"
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PersonFinding:
    """An official taking part, as the article names them."""

    name: str
    country: str | None
    role: str  # visitor, host or participant
    title: str | None = None
    known_key: str | None = None  # the KnownActor.key it resolved to, if any
    kind: str = "person"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reason:
    """Why the engine set a field of a finding: the named rule and the words that triggered it.

    `sentence` is the sentence the cue stands in (an evidence span), when there is one.
    """

    rule: str
    cues: tuple[str, ...] = ()
    sentence: EvidenceSpan | None = None


# The fields of a finding that carry a Reason.
REASON_FIELDS = ("kind", "status", "date", "venue", "participants")


@dataclass
class MeetingFinding:
    kind: str  # visit, meeting, multilateral, call
    status: str  # planned, occurred, cancelled
    start: dt.date | None
    end: dt.date | None
    precision: str  # day, month, year, unknown
    city: str | None
    venue_country: str | None
    participants: list[PersonFinding]
    countries: list[str]  # every country involved: participants' and the venue's
    evidence: list[EvidenceSpan] = field(default_factory=list)
    # Keyed by a name in REASON_FIELDS; a field may lack one while the engine cannot tell.
    reasons: dict[str, Reason] = field(default_factory=dict)


@dataclass
class ExtractionResult:
    language: str
    language_detected: bool
    supported: bool
    meetings: list[MeetingFinding] = field(default_factory=list)
