"""What the meeting finder's parts hand each other: candidates (one meeting word's account of
an encounter), encounters (the accounts merged), venues, and the cue that says why a field got
its value; with the date comparisons that decide how accounts merge."""

from __future__ import annotations

from dataclasses import dataclass, field

from events.extraction.annotate import Mention
from events.extraction.dates import DAY, MONTH, YEAR, ResolvedDate, add_days
from events.extraction.persons import Person
from events.extraction.vocabulary import Kind, Status

CALL, MULTILATERAL, VISIT, MEETING = Kind.CALL, Kind.MULTILATERAL, Kind.VISIT, Kind.MEETING
PLANNED, OCCURRED, CANCELLED = Status.PLANNED, Status.OCCURRED, Status.CANCELLED
# A candidate's family: visits and meetings are one family, since one encounter is often told
# with both words.
FAMILY = {VISIT: "encounter", MEETING: "encounter", CALL: CALL, MULTILATERAL: MULTILATERAL}


@dataclass(frozen=True)
class Cue:
    """Why a field got its value: the named rule, the words that triggered it and the
    sentence they stand in (the engine turns it into a `types.Reason`)."""

    rule: str
    words: tuple[str, ...] = ()
    sentence: int | None = None


@dataclass
class Venue:
    country: str
    city: str | None = None
    explicit: bool = True
    cue: Cue | None = field(default=None, compare=False)


@dataclass
class Candidate:
    family: str
    kinds: set[str]
    sentence: int
    triggers: list[Mention]
    persons: list[Person]
    venue: Venue | None
    destinations: list[Venue]
    date: ResolvedDate | None
    status: str
    status_explicit: bool
    present: bool
    anaphoric: bool
    party_countries: set[str] = field(default_factory=set)
    sidelines: bool = False
    duration: int | None = None  # "a four-day visit"
    gathering: bool = False  # an organisation is named: "the APEC conference"
    organisations: set[str] = field(default_factory=set)  # whose gathering: {"IMF"}
    many_countries: bool = False  # "officials from 40 countries", "pertemuan tiga negara"
    rescheduled: bool = False  # "postponed to March 20": planned again, not cancelled
    earlier_round: bool = False  # "the first in Yogyakarta in 2013": a round of the last meeting
    status_cue: Cue | None = None  # the words that made the status explicit
    date_cue: Cue | None = None  # the date expression the date was read from


@dataclass
class Encounter:
    family: str
    kinds: set[str]
    sentences: list[int]
    persons: list[Person]
    venue: Venue | None
    destinations: list[Venue]
    date: ResolvedDate | None
    statuses: list[tuple[str, bool]]  # (status, explicit)
    present: bool
    party_countries: set[str]
    sidelines: bool
    duration: int | None
    gathering: bool
    organisations: set[str]
    many_countries: bool
    rescheduled: bool
    trigger_words: list[str] = field(default_factory=list)
    status_cues: dict[str, Cue] = field(default_factory=dict)  # the first cue of each status
    date_cue: Cue | None = None
    another_round: bool = False  # of the same people as another encounter, never merged with it

    @classmethod
    def start(cls, candidate: Candidate) -> Encounter:
        return cls(
            family=candidate.family,
            kinds=set(candidate.kinds),
            sentences=[candidate.sentence],
            persons=list(candidate.persons),
            venue=candidate.venue,
            destinations=list(candidate.destinations),
            date=candidate.date,
            statuses=[(candidate.status, candidate.status_explicit)],
            present=candidate.present,
            party_countries=set(candidate.party_countries),
            sidelines=candidate.sidelines,
            duration=candidate.duration,
            gathering=candidate.gathering,
            organisations=set(candidate.organisations),
            many_countries=candidate.many_countries,
            rescheduled=candidate.rescheduled,
            trigger_words=list(dict.fromkeys(t.text for t in candidate.triggers)),
            status_cues=({candidate.status: candidate.status_cue} if candidate.status_cue else {}),
            date_cue=candidate.date_cue,
        )

    def set_date(self, date: ResolvedDate | None, cue: Cue | None) -> None:
        self.date, self.date_cue = date, cue

    def absorb(self, candidate: Candidate) -> None:
        self.kinds |= candidate.kinds
        if candidate.sentence not in self.sentences:
            self.sentences.append(candidate.sentence)
        for person in candidate.persons:
            if person not in self.persons:
                self.persons.append(person)
        if candidate.venue and (
            self.venue is None
            or (not self.venue.city and candidate.venue.city)
            or (not self.venue.explicit and candidate.venue.explicit)
        ):
            self.venue = candidate.venue
        for destination in candidate.destinations:
            if all(destination.country != known.country for known in self.destinations):
                self.destinations.append(destination)
        if candidate.date and (self.date is None or _finer(candidate.date, self.date)):
            self.set_date(candidate.date, candidate.date_cue)
        self.statuses.append((candidate.status, candidate.status_explicit))
        if candidate.status_cue:
            self.status_cues.setdefault(candidate.status, candidate.status_cue)
        for word in (t.text for t in candidate.triggers):
            if word not in self.trigger_words:
                self.trigger_words.append(word)
        self.present = self.present or candidate.present
        self.party_countries |= candidate.party_countries
        self.sidelines = self.sidelines or candidate.sidelines
        self.duration = self.duration or candidate.duration
        self.gathering = self.gathering or candidate.gathering
        self.organisations |= candidate.organisations
        self.many_countries = self.many_countries or candidate.many_countries
        self.rescheduled = self.rescheduled or candidate.rescheduled
        if candidate.rescheduled:
            # the new date replaces the one given up
            self.set_date(candidate.date, candidate.date_cue)

    def merge(self, other: Encounter) -> None:
        if other.date and self.date and self.date.precision == other.date.precision == DAY:
            first = min(self.date.start, other.date.start)
            last = max(self.date.last_day(), other.date.last_day())
            self.date = ResolvedDate(first, last if last > first else None, DAY)
            self.date_cue = Cue("days_of_one_stay", words_of(self.date_cue, other.date_cue))
        elif other.date and (self.date is None or _finer(other.date, self.date)):
            self.set_date(other.date, other.date_cue)
        if other.venue and (self.venue is None or (not self.venue.city and other.venue.city)):
            self.venue = other.venue
        self.kinds |= other.kinds
        self.sentences.extend(s for s in other.sentences if s not in self.sentences)
        self.persons.extend(p for p in other.persons if p not in self.persons)
        for destination in other.destinations:
            if all(destination.country != known.country for known in self.destinations):
                self.destinations.append(destination)
        self.statuses.extend(other.statuses)
        for status, cue in other.status_cues.items():
            self.status_cues.setdefault(status, cue)
        self.trigger_words.extend(w for w in other.trigger_words if w not in self.trigger_words)
        self.present = self.present or other.present
        self.party_countries |= other.party_countries
        self.duration = self.duration or other.duration
        self.gathering = self.gathering or other.gathering
        self.organisations |= other.organisations
        self.many_countries = self.many_countries or other.many_countries
        self.rescheduled = self.rescheduled or other.rescheduled


def words_of(*cues: Cue | None) -> tuple[str, ...]:
    return tuple(word for cue in cues if cue for word in cue.words)


_PRECISION_RANK = {DAY: 3, MONTH: 2, YEAR: 1}


def _finer(new: ResolvedDate, old: ResolvedDate) -> bool:
    if _PRECISION_RANK[new.precision] != _PRECISION_RANK[old.precision]:
        return _PRECISION_RANK[new.precision] > _PRECISION_RANK[old.precision]
    if old.end is not None and old.start.weekday() == 0 and (old.end - old.start).days == 6:
        # A Monday-to-Sunday range is "this week" in the headline; "on Thursday (15/5)" in
        # the lead is the day inside it.
        inside = old.start <= new.start and new.last_day() <= old.end
        return inside and new.last_day() - new.start < old.end - old.start
    return new.end is not None and old.end is None


def dates_agree(a: ResolvedDate | None, b: ResolvedDate | None) -> bool:
    """At the coarser precision, with a day of slack; a range covers its days."""
    if a is None or b is None:
        return True
    return add_days(a.start, -1) <= b.last_day() and add_days(b.start, -1) <= a.last_day()
