"""Candidates merge into encounters: the same family, shared people, agreeing dates and the
same venue country. "The visit" and "the talks" join the encounter they point back to; "again"
or "next round" starts a new one with the people of the nearest named encounter; earlier rounds
are encounters of their own; a final pass (`consolidate`) merges accounts of one stay."""

from __future__ import annotations

from events.extraction.dates import DAY
from events.extraction.meetings.date import Dates
from events.extraction.meetings.model import (
    MEETING,
    MULTILATERAL,
    Candidate,
    Encounter,
    dates_agree,
)
from events.extraction.meetings.participants import Participants
from events.extraction.meetings.reading import CUE_WINDOW, Part, Reading

MAX_STAY_DAYS = 6  # days of one visit reported as separate stops


class Encounters(Part):
    def __init__(self, reading: Reading) -> None:
        super().__init__(reading)
        self.dates = Dates(reading)
        self.participants = Participants(reading)

    def group(self, candidates: list[Candidate]) -> list[Encounter]:
        encounters: list[Encounter] = []
        pending_anaphora: list[Candidate] = []
        pending_rounds: list[Candidate] = []
        for candidate in candidates:
            if candidate.anaphoric:
                target = self._antecedent(encounters, candidate)
                if target:
                    target.sentences.append(candidate.sentence)
                else:
                    pending_anaphora.append(candidate)
                continue
            if candidate.earlier_round:
                round_of = self._antecedent(encounters, candidate)
                if round_of is not None:
                    encounters.append(_another_round(round_of, candidate))
                continue
            if not candidate.persons and candidate.venue is None:
                same_body = self._same_gathering(encounters, candidate)
                if same_body is not None:
                    same_body.absorb(candidate)  # "The IMF committee meeting, set for April 9"
                    continue
                if self._repeats(candidate):
                    pending_rounds.append(candidate)
                continue
            if candidate.date is None and candidate.venue is None and self._repeats(candidate):
                # "The two presidents agreed to a future meeting": the people named, another time.
                round_of = self._antecedent(encounters, candidate)
                if round_of is not None:
                    encounters.append(_another_round(round_of, candidate))
                    continue
            told_just_before = self._told_just_before(encounters, candidate)
            if told_just_before is not None:
                told_just_before.sentences.append(candidate.sentence)
                continue
            best, best_score = None, 0.0
            for encounter in encounters:
                score = self._fit(encounter, candidate)
                if score > best_score or (
                    score and score == best_score and len(encounter.sentences) > len(best.sentences)
                ):
                    best, best_score = encounter, score
            if (
                best is None
                and candidate.venue is None
                and candidate.date is None
                and self.reading.points_back(candidate.triggers)
            ):
                best = self._antecedent(encounters, candidate)  # "joined the talks"
                if best is None:
                    best = self._gathering_just_told(encounters, candidate)
            if best is not None:
                best.absorb(candidate)
            else:
                encounters.append(Encounter.start(candidate))
        for candidate in pending_anaphora:
            target = self._antecedent(encounters, candidate)
            if target:
                target.sentences.append(candidate.sentence)
        encounters += self._new_rounds(encounters, pending_rounds)
        encounters = consolidate(encounters)
        self.participants.attending(encounters)
        self.dates.from_lead(encounters)
        self.dates.from_context(encounters)
        self.dates.from_another_event(encounters)
        return encounters

    def _same_gathering(
        self, encounters: list[Encounter], candidate: Candidate
    ) -> Encounter | None:
        if not candidate.organisations:
            return None
        for encounter in reversed(encounters):
            if (
                encounter.family == candidate.family
                and encounter.organisations & candidate.organisations
                and dates_agree(encounter.date, candidate.date)
            ):
                return encounter
        return None

    def _repeats(self, candidate: Candidate) -> bool:
        """'Both parties agreed to convene again on April 19th': a new round, same parties;
        undated only when the word qualifies the meeting word ('agreed to a future meeting')."""
        repeats = self.ann.in_sentence(self.ann.repeats, candidate.sentence)
        if candidate.date is None:
            return any(
                t.start - 1 <= r.end <= t.start or (r.start <= t.start and t.end <= r.end)
                for r in repeats
                for t in candidate.triggers
            )
        return any(
            min(abs(r.start - t.end), abs(t.start - r.end)) <= CUE_WINDOW
            for r in repeats
            for t in candidate.triggers
        )

    def _new_rounds(self, encounters: list[Encounter], rounds: list[Candidate]) -> list[Encounter]:
        """Each new round is of the nearest encounter whose people are named, told before it
        or, in a lead that opens with the outcome, just after."""
        found = []
        for candidate in rounds:
            named = [e for e in encounters if e.persons]
            if not named:
                continue
            nearest = min(
                named,
                key=lambda e: min(
                    (candidate.sentence - s)
                    if s <= candidate.sentence
                    else 2 * (s - candidate.sentence)
                    for s in e.sentences
                ),
            )
            found.append(_another_round(nearest, candidate))
        return found

    def _told_just_before(
        self, encounters: list[Encounter], candidate: Candidate
    ) -> Encounter | None:
        """'X called Y. This conversation was the first in decades': a meeting word that
        points back, with no place or date of its own and only the people of the encounter
        the sentence before told of, is that encounter, whatever word named it."""
        if not encounters or candidate.venue is not None or candidate.date is not None:
            return None
        last = encounters[-1]
        if (
            max(last.sentences) == candidate.sentence - 1
            and set(candidate.persons) <= set(last.persons)
            and self.reading.points_back(candidate.triggers)
        ):
            return last
        return None

    def _gathering_just_told(
        self, encounters: list[Encounter], candidate: Candidate
    ) -> Encounter | None:
        """'Ministers of four countries met in Cairo. Italy's minister joined the talks as an
        observer': words pointing back, with no encounter of their own kind told before,
        name the gathering told just before."""
        if not encounters:
            return None
        last = encounters[-1]
        if last.family == MULTILATERAL and max(last.sentences) >= candidate.sentence - 2:
            return last
        return None

    def _antecedent(self, encounters: list[Encounter], candidate: Candidate) -> Encounter | None:
        same = [e for e in encounters if e.family == candidate.family]
        return same[-1] if same else None

    def _fit(self, encounter: Encounter, candidate: Candidate) -> float:
        if encounter.family != candidate.family:
            return 0.0
        if (
            encounter.organisations
            and candidate.organisations
            and not encounter.organisations & candidate.organisations
        ):
            return 0.0  # the G7 talks and the IMF meetings are two gatherings
        if not dates_agree(encounter.date, candidate.date):
            return 0.0
        if (
            encounter.venue
            and candidate.venue
            and encounter.venue.country != candidate.venue.country
        ):
            return 0.0
        shared = len(set(encounter.persons) & set(candidate.persons))
        score = 0.0
        if shared:
            score += 2 * shared
        elif encounter.persons and candidate.persons:
            return 0.0  # different people: different encounters
        if encounter.venue and candidate.venue:
            score += 1
        if encounter.date and candidate.date:
            score += 1
        if not candidate.persons and not (encounter.venue and candidate.venue):
            return 0.0
        if (
            not (candidate.persons or encounter.persons)
            and not candidate.kinds & encounter.kinds
            and not (
                (encounter.date and candidate.date)
                or (encounter.venue.city and encounter.venue.city == candidate.venue.city)
            )
        ):
            return 0.0  # nobody named, a visit and a meeting: one only by place and day
        return score


def _another_round(previous: Encounter, candidate: Candidate) -> Encounter:
    """A new encounter of the same parties, at its own place and time."""
    encounter = Encounter.start(candidate)
    encounter.family = previous.family
    encounter.kinds = {MEETING} if previous.family == "encounter" else set(previous.kinds)
    encounter.persons = list(previous.persons)
    encounter.party_countries |= previous.party_countries
    encounter.another_round = True
    return encounter


def consolidate(encounters: list[Encounter]) -> list[Encounter]:
    """Merge encounters that turned out to be one: the same people, family and place, and
    days that agree (an undated mention joins the dated account of it)."""
    merged: list[Encounter] = []
    for encounter in encounters:
        target = next((kept for kept in merged if _one_encounter(kept, encounter)), None)
        if target is None:
            merged.append(encounter)
        else:
            target.merge(encounter)
    return merged


def _one_encounter(a: Encounter, b: Encounter) -> bool:
    """Two accounts of one encounter: same family and people, and either one is undated or
    both are days of one stay in the same country ("arrived Friday ... on Sunday he travels
    on to Anuradhapura")."""
    if a.family != b.family or not set(a.persons) & set(b.persons):
        return False
    if a.another_round or b.another_round:
        return False  # "agreed to a future meeting": the same people, another time
    if a.organisations and b.organisations and not a.organisations & b.organisations:
        return False
    if a.venue and b.venue and a.venue.country != b.venue.country:
        return False
    if a.date is None or b.date is None:
        return True
    if not (a.venue and b.venue) or a.family != "encounter":
        return False
    if a.date.precision != DAY or b.date.precision != DAY:
        return False
    first, last = min(a.date.start, b.date.start), max(a.date.last_day(), b.date.last_day())
    return (last - first).days <= MAX_STAY_DAYS
