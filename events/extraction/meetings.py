"""From sentences to meetings: candidates around meeting words, merged into encounters.

Every sentence with a meeting word gives candidates (one per family: calls, gatherings, and
visits-or-meetings) with the officials, places, dates and status cues around the word. A
headline, a lead and later paragraphs about the same encounter are then merged, words such
as "the visit" or "kunjungan ini" join the encounter they point back to, and each encounter
gets its kind, its participants' roles, its venue, its date and its status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from events.extraction.annotate import Annotations, Mention, is_country_like
from events.extraction.dates import (
    DAY,
    FUTURE,
    MONTH,
    PAST,
    YEAR,
    DateExpression,
    ResolvedDate,
    add_days,
)
from events.extraction.document import Document
from events.extraction.gazetteer import CITY, COUNTRY, ORGANISATION, Place, capital
from events.extraction.names import fold
from events.extraction.persons import People, Person, PersonMention
from events.extraction.resources import Resources
from events.extraction.vocabulary import Kind, Status

CALL, MULTILATERAL, VISIT, MEETING = Kind.CALL, Kind.MULTILATERAL, Kind.VISIT, Kind.MEETING
PLANNED, OCCURRED, CANCELLED = Status.PLANNED, Status.OCCURRED, Status.CANCELLED
FAMILY = {VISIT: "encounter", MEETING: "encounter", CALL: CALL, MULTILATERAL: MULTILATERAL}
CUE_WINDOW = 8
CANCEL_WINDOW = (
    15  # cancellation words are strong: "the visit planned for next week ... was cancelled"
)
POSTPONED_REACH = 4  # tokens from "postponed" to "to" its new date: "postponed to March 20"
MAX_STAY_DAYS = 6  # days of one visit reported as separate stops
SIDELINE_REACH = 5  # "on the sidelines of the G20 summit"
SEGMENT_GAP = 10  # tokens between meeting words that tell of different encounters
FOLD_WINDOW = 12  # "met in Niamey, Niger's capital, for an AU summit"
HEAD_GAP = 8  # a date opening the sentence dates it, unless one sits close after the word
MAX_DATE_GAP = 16  # tokens between a meeting word and its date
BEFORE_PENALTY = 6  # a date before the meeting word more often belongs to something else
MAX_VENUE_GAP = 10  # tokens between a meeting word and a place introduced by "in", "to"
CONTEXT_DATE_REACH = 3  # sentences back, within a paragraph, that may date an undated meeting


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
            self.date_cue = Cue("days_of_one_stay", _words(self.date_cue, other.date_cue))
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

    def countries(self) -> set[str]:
        found = {person.country for person in self.persons if person.country}
        if self.venue:
            found.add(self.venue.country)
        return found


def _words(*cues: Cue | None) -> tuple[str, ...]:
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


class MeetingFinder:
    def __init__(
        self,
        doc: Document,
        annotations: Annotations,
        people: People,
        resources: Resources,
        reference: dt.date,
    ) -> None:
        self.doc = doc
        self.ann = annotations
        self.people = people
        self.res = resources
        self.reference = reference
        self.keys = doc.keys
        self.last_pair: list[Person] = []  # the last two officials seen meeting

    # --- candidates -------------------------------------------------------------------------

    def candidates(self) -> list[Candidate]:
        found: list[Candidate] = []
        focus: Person | None = None
        for sentence in range(len(self.doc.sentences)):
            words = self.ann.in_sentence(self.ann.triggers, sentence)
            triggers = [t for t in words if self._valid(t)]
            rejected = [t for t in words if t not in triggers]
            mentions = self.people.in_sentence(sentence)
            if not words and found and found[-1].sentence == sentence - 1:
                found.extend(self._rounds(sentence, found[-1]))
            for segment, segment_mentions in self._segments(triggers, mentions):
                found.extend(
                    self._sentence_candidates(
                        sentence,
                        segment,
                        rejected,
                        segment_mentions,
                        focus,
                        rivals=[t for t in triggers if t not in segment],
                    )
                )
            officials = [m.person for m in mentions if m.person.official]
            if officials:
                focus = officials[0]
            distinct = list(dict.fromkeys(officials))
            if len(distinct) >= 2 and triggers:
                self.last_pair = distinct[:2]
        return found

    def _segments(
        self, triggers: list[Mention], mentions: list[PersonMention]
    ) -> list[tuple[list[Mention], list[PersonMention]]]:
        """Split a sentence that tells of several encounters ("travelled to Sri Lanka after
        attending the summit in Thailand, where he held talks with X"): meeting words far
        apart, or with a gathering between them, start new segments. Each named person goes
        to the nearest segment; whoever is named before the first meeting word (the subject)
        takes part in all of them."""
        if not triggers:
            return []
        ordered = sorted(triggers, key=lambda t: t.start)
        segments: list[list[Mention]] = [[ordered[0]]]
        for trigger in ordered[1:]:
            previous = segments[-1][-1]
            # "at the summit, where he held talks with X": a side meeting after the gathering.
            side_meeting = (
                self._family(previous) == MULTILATERAL and self._family(trigger) != MULTILATERAL
            )
            if trigger.start - previous.end > SEGMENT_GAP or side_meeting:
                segments.append([trigger])
            else:
                segments[-1].append(trigger)
        if len(segments) == 1:
            return [(ordered, mentions)]
        first = ordered[0].start
        shared = [m for m in mentions if m.end <= first]
        assigned: list[list[PersonMention]] = [list(shared) for _ in segments]
        for mention in mentions:
            if mention in shared:
                continue
            nearest = min(
                range(len(segments)),
                key=lambda k: min(abs(mention.start - t.end) for t in segments[k]),
            )
            assigned[nearest].append(mention)
        return list(zip(segments, assigned, strict=True))

    def _family(self, trigger: Mention) -> str:
        if trigger.label == MEETING and self._bilateral(trigger):
            return FAMILY[MEETING]
        if trigger.label == MEETING and (
            self._gathering_before(trigger) or self._many_countries(trigger.sentence)
        ):
            return MULTILATERAL
        return FAMILY[trigger.label]

    def _bilateral(self, trigger: Mention) -> bool:
        """'Ministerial bilateral talks': a word saying two parties, whoever convenes."""
        start, end = self.doc.sentences[trigger.sentence]
        window = range(max(trigger.start - 3, start), min(trigger.end + 2, end))
        return any(self.keys[i] in self.res.bilateral_words for i in window)

    def _refers(self, trigger: Mention) -> bool:
        """'ahead of the visit', 'during Mr Modi's visit', 'menjelang kunjungan': the meeting
        word names an encounter the sentence only refers to."""
        for mention in self.ann.in_sentence(self.ann.referrings, trigger.sentence):
            if not 0 <= trigger.start - mention.end <= 4:
                continue
            between = range(mention.end, trigger.start)
            if all(
                self.doc.tokens[i].capitalized
                or self.keys[i] in self.res.anaphora
                or self.keys[i] in self.res.possessives
                for i in between
            ):
                return True
        return False

    def _many_countries(self, sentence: int) -> bool:
        """'officials from 40 countries met': a number of countries makes a gathering."""
        start, end = self.doc.sentences[sentence]
        for i in range(start + 1, end):
            if self.keys[i] in self.res.many_countries:
                number = self.keys[i - 1]
                if (number.isdigit() and int(number) >= 3) or self.res.dates.numbers.get(
                    number, 0
                ) >= 3:
                    return True
        return False

    def _gathering_before(self, trigger: Mention) -> bool:
        """'the IMF Interim Committee meeting', 'a meeting of NATO ministers', 'встреча
        министров': a body's gathering, named just before or after the meeting word (but
        not as its place: 'meet at the G20')."""
        sentence_start, sentence_end = self.doc.sentences[trigger.sentence]
        before = range(max(trigger.start - 3, sentence_start), trigger.start)
        after = []
        for i in range(trigger.end, min(trigger.end + 3, sentence_end)):
            if self.keys[i] in self.res.venue_words:
                break
            after.append(i)
        for i in [*before, *after]:
            place = self.ann.place_at[i]
            if place is not None and place.label == ORGANISATION:
                return True
            if self.keys[i] in self.res.gathering_words:
                return True
        return False

    def _summit_of_many(self, trigger: Mention) -> bool:
        """'the Russia–Arab summit' gathers several countries; 'the Japan–Malaysia summit' is
        two countries meeting, told as a visit or a meeting."""
        if trigger.text not in self.res.summit_words:
            return False
        start, _ = self.doc.sentences[trigger.sentence]
        named = {
            place.place.country
            for place in self.ann.in_sentence(self.ann.places, trigger.sentence)
            if is_country_like(place)
            and max(start, trigger.start - 4) <= place.start < trigger.start
        }
        return len(named) != 2

    def _valid(self, trigger: Mention) -> bool:
        sentence_start, sentence_end = self.doc.sentences[trigger.sentence]
        if self._quoted(trigger, sentence_start):
            return False  # what someone says, not what the article reports
        before = self.keys[max(trigger.start - 3, sentence_start) : trigger.start]
        for cue in self.ann.cues:
            if cue.sentence != trigger.sentence:
                continue
            if cue.label == "hypothetical" and trigger.start - 3 <= cue.start < trigger.start:
                return False
            if cue.label == "modal" and trigger.end <= cue.start <= trigger.end + 5:
                return False  # "a first meeting ... could take place in Saudi Arabia"
            if cue.label == "habitual" and abs(cue.start - trigger.start) <= CUE_WINDOW:
                return False
        if trigger.text in self.res.call_needs_person:
            if before and before[-1] in {"so", "-"}:
                return False
            if not self._person_near(trigger.end, 5, trigger.sentence) and not (
                before and before[-1] in self.res.anaphora
            ):
                return False
        if trigger.text in self.res.needs_person_object and not self._person_near(
            trigger.end, 7, trigger.sentence
        ):
            return False
        if trigger.text in self.res.needs_place and not self._place_near(
            trigger.end, 3, trigger.sentence
        ):
            return False
        return sentence_end > trigger.start

    def _quoted(self, trigger: Mention, sentence_start: int) -> bool:
        """Inside quotation marks opened earlier in the sentence and not yet closed."""
        depth = 0
        straight = 0
        for i in range(sentence_start, trigger.start):
            text = self.doc.tokens[i].text
            if text in {"“", "«"}:
                depth += 1
            elif text in {"”", "»"}:
                depth = max(depth - 1, 0)
            elif text == '"':
                straight ^= 1
        return depth > 0 or straight == 1

    def _person_near(self, position: int, window: int, sentence: int) -> bool:
        return any(
            mention.sentence == sentence and position <= mention.start <= position + window
            for mention in self.people.mentions
        )

    def _place_near(self, position: int, window: int, sentence: int) -> bool:
        return any(
            place.sentence == sentence
            and position <= place.start <= position + window
            and place.label in {CITY, COUNTRY, ORGANISATION}
            for place in self.ann.places
        )

    def _sentence_candidates(
        self,
        sentence: int,
        triggers: list[Mention],
        rejected: list[Mention],
        mentions: list[PersonMention],
        focus: Person | None,
        rivals: list[Mention],
    ) -> list[Candidate]:
        by_family: dict[str, list[Mention]] = {}
        for trigger in triggers:
            by_family.setdefault(self._family(trigger), []).append(trigger)
        two_sides = len({m.person.country for m in mentions if m.person.country}) == 2
        self._side_meeting(by_family, sentence, two_sides)
        self._fold_families(by_family)
        sidelines = bool(self.ann.in_sentence(self.ann.sidelines, sentence))
        persons = self._participants(sentence, mentions, triggers, focus)
        places = self.ann.in_sentence(self.ann.places, sentence)
        covered_by_people = {
            i for mention in mentions for i in range(mention.start - 6, mention.end)
        }
        countries_named = {
            place.place.country
            for place in places
            if is_country_like(place)
            and place.start not in covered_by_people
            and place.start >= self.doc.dateline_end  # "Jakarta, CNN Indonesia --"
            and not self._introduced_place(place, self.doc.sentences[sentence][0])
        }
        sentence_start, sentence_end = self.doc.sentences[sentence]
        duration = self.res.dates.durations(self.doc, sentence_start, sentence_end)
        candidates = []
        travel_venue = None
        if "encounter" in by_family:
            travel = [t for t in by_family["encounter"] if t.label == VISIT]
            if travel:
                travel_venue, _ = self._venue(sentence, travel, rejected, places)
        holdings = self.ann.in_sentence(self.ann.holdings, sentence)
        for family, family_triggers in by_family.items():
            first = family_triggers[0]
            family_triggers = family_triggers + [
                Mention(h.start, h.end, h.sentence, first.label, h.text)
                for h in holdings
                if h.start > first.end
                and h.start - first.end <= FOLD_WINDOW
                and all(h.start != t.start for t in family_triggers)
            ]
            # "the visit to A follows the summit in B": a place is the venue of the nearest
            # meeting word, not of another encounter's the sentence tells of (a meeting on a
            # summit's sidelines is where the summit is).
            others = [
                t
                for other, ts in by_family.items()
                if other != family and not sidelines
                for t in ts
            ]
            venue, destinations = self._venue(sentence, family_triggers, rejected + others, places)
            if venue is None and family == MULTILATERAL and travel_venue is not None:
                venue = travel_venue  # "leaves for Washington to attend the IMF meetings"
            organisations = {
                place.place.organisation
                for place in places
                if place.label == ORGANISATION
                and any(
                    0 <= t.start - place.end <= 4 or t.end <= place.start <= t.end + 2
                    for t in family_triggers
                )
            }
            tense, status, explicit, status_cue = self._status(sentence, family_triggers)
            present = self._present(sentence, family_triggers)
            date, date_cue = self._date(sentence, family_triggers, tense, rivals)
            postponed_to = self._postponed_to(sentence, family_triggers)
            if postponed_to is not None:
                tense, status, date = FUTURE, PLANNED, postponed_to[0]
                status_cue = date_cue = postponed_to[1]
            anaphoric = (
                not persons
                and venue is None
                and date is None
                and self._points_back(family_triggers)
            )
            candidates.append(
                Candidate(
                    family=family,
                    kinds={trigger.label for trigger in family_triggers},
                    sentence=sentence,
                    triggers=family_triggers,
                    persons=persons,
                    venue=venue,
                    destinations=destinations if family == "encounter" else [],
                    date=date,
                    status=status,
                    status_explicit=explicit,
                    present=present,
                    anaphoric=anaphoric,
                    party_countries=countries_named,
                    sidelines=sidelines and family == "encounter",
                    duration=duration,
                    gathering=family == MULTILATERAL
                    and (
                        bool(organisations)
                        or any(self._summit_of_many(t) for t in family_triggers)
                        or any(self._gathering_before(t) for t in family_triggers)
                    ),
                    organisations=organisations,
                    many_countries=self._many_countries(sentence),
                    rescheduled=postponed_to is not None,
                    status_cue=status_cue,
                    date_cue=date_cue,
                )
            )
        return candidates

    def _introduced_place(self, place: Mention, sentence_start: int) -> bool:
        """'in the United States', 'ke Rusia': a place named as where, not as who."""
        before = self.keys[max(place.start - 2, sentence_start) : place.start]
        words = self.res.venue_words | self.res.destination_words
        return bool(before) and (
            before[-1] in words
            or (len(before) == 2 and before[0] in words and before[1] in self.res.venue_fillers)
        )

    def _rounds(self, sentence: int, previous: Candidate) -> list[Candidate]:
        """'It has met twice before. The first in Yogyakarta in 2013 and the second in Saumur,
        France, in 2015': each ordinal with its own place and date is a round of the meeting
        the sentence before spoke of."""
        start, end = self.doc.sentences[sentence]
        ordinals = self.ann.in_sentence(self.ann.ordinals, sentence)
        if not ordinals or ordinals[0].start - start > 2:
            return []
        places = self.ann.in_sentence(self.ann.places, sentence)
        rounds = []
        for k, ordinal in enumerate(ordinals):
            stop = ordinals[k + 1].start if k + 1 < len(ordinals) else end
            marker = Mention(ordinal.start, ordinal.end, sentence, MEETING, ordinal.text)
            own_places = [p for p in places if ordinal.end <= p.start < stop]
            venue, _ = self._venue(sentence, [marker], [], own_places)
            expressions = self.res.dates.find(self.doc, ordinal.end, stop)
            if venue is None or not expressions:
                continue
            rounds.append(
                Candidate(
                    family=previous.family,
                    kinds=set(previous.kinds),
                    sentence=sentence,
                    triggers=[marker],
                    persons=[],
                    venue=venue,
                    destinations=[],
                    date=self.res.dates.resolve(expressions[0], self.reference, PAST),
                    date_cue=Cue(
                        "earlier_round",
                        (self.doc.span_text(expressions[0].start, expressions[0].end),),
                        sentence,
                    ),
                    status=OCCURRED,
                    status_explicit=False,
                    present=False,
                    anaphoric=False,
                    earlier_round=True,
                )
            )
        return rounds

    def _side_meeting(
        self, by_family: dict[str, list[Mention]], sentence: int, two_sides: bool
    ) -> None:
        """'met Modi on the sidelines of the G20 summit in Johannesburg', 'meets Modi at the
        G20': the summit only says where the meeting took place; its words extend the
        meeting's reach to the place."""
        if MULTILATERAL not in by_family:
            return
        sidelines = self.ann.in_sentence(self.ann.sidelines, sentence)
        if "encounter" not in by_family:
            self._side_gathering(by_family, sidelines)
            return
        named = [
            g
            for g in by_family[MULTILATERAL]
            if any(0 <= g.start - side.end <= SIDELINE_REACH for side in sidelines)
            or (two_sides and self._introduced_as_place(g))
        ]
        if not named:
            return
        first = by_family["encounter"][0]
        by_family["encounter"] += [
            Mention(g.start, g.end, g.sentence, first.label, g.text) for g in named
        ]
        rest = [g for g in by_family[MULTILATERAL] if g not in named]
        if rest:
            by_family[MULTILATERAL] = rest
        else:
            del by_family[MULTILATERAL]

    def _side_gathering(
        self, by_family: dict[str, list[Mention]], sidelines: list[Mention]
    ) -> None:
        """'a three-nation meeting on the sidelines of the regional forum': the small meeting
        is one encounter and the forum another."""
        gatherings = by_family[MULTILATERAL]
        for side in sidelines:
            before = [g for g in gatherings if g.end <= side.start]
            after = [g for g in gatherings if g.start >= side.end]
            if before and after and after[0].start - side.end <= SIDELINE_REACH:
                by_family["encounter"] = [
                    Mention(g.start, g.end, g.sentence, MEETING, g.text) for g in before
                ]
                by_family[MULTILATERAL] = [g for g in gatherings if g not in before]
                return

    def _introduced_as_place(self, trigger: Mention) -> bool:
        """'at the G20 summit', 'di KTT G20': a gathering named as a place."""
        start, _ = self.doc.sentences[trigger.sentence]
        for i in range(trigger.start - 1, max(trigger.start - 4, start - 1), -1):
            if self.keys[i] in self.res.venue_words:
                return True
            if not (self.doc.tokens[i].capitalized or self.keys[i] in self.res.venue_fillers):
                return False
        return False

    def _sequence_between(self, first: Mention, second: Mention) -> bool:
        """'travelled to Sri Lanka after attending the summit': two encounters in a row."""
        return any(
            first.end <= mention.start < second.start
            for mention in self.ann.in_sentence(self.ann.referrings, first.sentence)
        )

    def _pair_named(self, sentence: int) -> bool:
        start, end = self.doc.sentences[sentence]
        words = " ".join(self.keys[start:end])
        return any(f" {pair} " in f" {words} " for pair in self.res.pair_words)

    def _fold_families(self, by_family: dict[str, list[Mention]]) -> None:
        """One encounter told with several words: 'met in Niamey for an AU summit' is the
        summit; 'talks by telephone' is the call."""
        encounter = by_family.get("encounter")
        if not encounter:
            return
        if any(m.sentence == encounter[0].sentence for m in self.ann.sidelines):
            return  # "met on the sidelines of the summit": a meeting of its own
        gatherings = by_family.get(MULTILATERAL, [])
        if gatherings and all(
            any(
                0 < g.start - t.end <= FOLD_WINDOW and not self._sequence_between(t, g)
                for g in gatherings
            )
            for t in encounter
        ):
            by_family[MULTILATERAL] = sorted(gatherings + encounter, key=lambda t: t.start)
            del by_family["encounter"]
        elif by_family.get(CALL) and all(t.label == MEETING for t in encounter):
            by_family[CALL] = sorted(by_family[CALL] + encounter, key=lambda t: t.start)
            del by_family["encounter"]

    def _participants(
        self,
        sentence: int,
        mentions: list[PersonMention],
        triggers: list[Mention],
        focus: Person | None,
    ) -> list[Person]:
        persons: list[Person] = []
        for mention in mentions:
            person = mention.person
            if person.official and person not in persons:
                persons.append(person)
        if not persons and self._pair_named(sentence):
            persons = list(self.last_pair)  # "the two leaders met last May"
        start, _ = self.doc.sentences[sentence]
        first_trigger = min(trigger.start for trigger in triggers)
        pronoun = any(
            self.keys[i] in self.res.pronouns for i in range(start, min(first_trigger, start + 8))
        )
        if focus is not None and focus not in persons and pronoun:
            persons.insert(0, focus)  # "He will meet the UAE President": the one named before
        return persons

    def _venue(
        self,
        sentence: int,
        triggers: list[Mention],
        rejected: list[Mention],
        places: list[Mention],
    ) -> tuple[Venue | None, list[Venue]]:
        """Where it happens: a place after 'in'/'to'/'di'/'ke', right after 'visited', or
        naming a summit ('the Venice summit'); not a place that belongs to a word we left out
        ('several visits to Saudi Arabia')."""
        keys = self.keys
        sentence_start, _ = self.doc.sentences[sentence]
        # Only a travel word takes its place without a preposition: "visited Egypt" (while
        # "met Saudi Crown Prince ..." names no place).
        trigger_ends = {trigger.end for trigger in triggers if trigger.label == VISIT}
        gathering_starts = {t.start for t in triggers if t.label == MULTILATERAL}
        options: list[tuple[int, Mention]] = []
        for place in places:
            if place.label not in {CITY, COUNTRY, ORGANISATION}:
                continue
            if place.label == ORGANISATION and not place.place.seat_city:
                continue
            before = [keys[i] for i in range(max(place.start - 3, sentence_start), place.start)]
            if before and before[-1] in self.res.origin_words:
                continue
            direct = place.start in trigger_ends or place.end in gathering_starts
            if rejected and min(_gap(place, t) for t in rejected) < min(
                _gap(place, t) for t in triggers
            ):
                continue
            named_venue = self._named_venue_start(place.start, sentence_start)
            introduced = (
                bool(before)
                and (
                    before[-1] in self.res.venue_words
                    or before[-1] in self.res.destination_words
                    or (
                        len(before) > 1
                        and before[-2] in self.res.venue_words | self.res.destination_words
                        and before[-1] in self.res.venue_fillers
                    )
                )
            ) or named_venue is not None
            if place.label == ORGANISATION and not introduced:
                continue
            if not (direct or introduced):
                continue
            # "held ... at the Hotel Mercure Ancol, Jakarta": the venue's name is no distance.
            reach = place
            if named_venue is not None:
                reach = Mention(named_venue, place.end, sentence, place.label, place.text)
            distance = min(_gap(reach, trigger) for trigger in triggers)
            if not direct and distance > MAX_VENUE_GAP:
                continue
            options.append((distance, place))
        capital = self._capital_venue(sentence)
        if capital:
            options.append((1000, capital))
        if not options:
            listed = self._listed_after_visit(triggers, places)
            if listed:
                return listed[0], listed
            return None, []
        options.sort(key=lambda item: item[0])
        best = options[0][1]
        if best.label == COUNTRY:
            # "visited Egypt ... met el-Sisi in Cairo": the city names the venue better.
            same_country = [
                p for _, p in options if p.label == CITY and p.place.country == best.place.country
            ]
            if same_country:
                return self._as_venue(same_country[0]), self._destination_list(best, places)
        return self._as_venue(best), self._destination_list(best, places)

    def _listed_after_visit(self, triggers: list[Mention], places: list[Mention]) -> list[Venue]:
        """'visited three ASEAN countries—Vietnam, Malaysia and Cambodia': a list of
        countries shortly after a visit word."""
        for trigger in triggers:
            if trigger.label != VISIT:
                continue
            first = next(
                (
                    place
                    for place in places
                    if place.label == COUNTRY and 0 < place.start - trigger.end <= 6
                ),
                None,
            )
            if first:
                listed = self._destination_list(first, places)
                if listed:
                    return listed
        return []

    def _named_venue_start(self, position: int, sentence_start: int) -> int | None:
        """'at the Great Hall of the People, Beijing', 'di Istana Bogor, Jawa Barat': a place
        after a capitalised venue name that a venue word introduced; where that word is."""
        i = position - 1
        if i < sentence_start or self.keys[i] != ",":
            return None
        i -= 1
        steps = 0
        while (
            i >= sentence_start
            and steps < 8
            and (self.doc.tokens[i].capitalized or self.keys[i] in {"of", "the", ",", "-"})
        ):
            i -= 1
            steps += 1
        if steps > 0 and i >= sentence_start and self.keys[i] in self.res.venue_words:
            return i
        return None

    def _inside_named_venue(self, position: int, sentence_start: int) -> bool:
        """'di Istana Bogor', 'at the Lotte Hotel Seoul': up to two capitalised words between
        the venue word and the place."""
        i = position - 1
        steps = 0
        while i >= sentence_start and steps < 2 and self.doc.tokens[i].capitalized:
            i -= 1
            steps += 1
        if steps and i >= sentence_start and self.keys[i] in self.res.venue_fillers:
            i -= 1
        return steps > 0 and i >= sentence_start and self.keys[i] in self.res.venue_words

    def _capital_venue(self, sentence: int) -> Mention | None:
        """'di ibu kota Rusia', 'in the Indian capital': the country's capital city."""
        for word in self.ann.in_sentence(self.ann.capital_words, sentence):
            for place in self.ann.in_sentence(self.ann.places, sentence):
                if (is_country_like(place) and abs(place.start - word.end) <= 1) or (
                    is_country_like(place) and place.end == word.start
                ):
                    seat = capital(place.place.country)
                    if seat:
                        return Mention(place.start, place.end, sentence, CITY, seat.name, seat)
        return None

    def _destination_list(self, first: Mention, places: list[Mention]) -> list[Venue]:
        """'visited Vietnam, Malaysia and Cambodia': every country of a listed tour."""
        if first.label != COUNTRY:
            return []
        listed = [first]
        for place in places:
            if place.start <= listed[-1].start or place.label != COUNTRY:
                continue
            between = self.keys[listed[-1].end : place.start]
            if between and all(word == "," or word in self.res.list_words for word in between):
                listed.append(place)
            elif place.start > listed[-1].end:
                break
        if len(listed) < 2:
            return []
        return [self._as_venue(place, "stop_of_a_tour") for place in listed]

    def _as_venue(self, place: Mention, rule: str = "place_named_as_venue") -> Venue:
        info = place.place
        written = self.doc.span_text(place.start, place.end)
        cue = Cue(rule, (written,), place.sentence)
        if info.kind == CITY:
            return Venue(info.country, info.name, cue=cue)
        if info.kind == ORGANISATION:
            seat_cue = Cue("organisation_seat", cue.words, cue.sentence)
            return Venue(info.country, info.seat_city, cue=seat_cue)
        seat = capital(info.country)
        if seat and self._names_the_capital(written, seat):
            return Venue(info.country, seat.name, cue=cue)  # city-states: Singapore, Kuwait
        return Venue(info.country, None, cue=cue)

    def _names_the_capital(self, written: str, seat: Place) -> bool:
        """A city-state's name is its capital's, in any language: 'Singapura' is also the
        city the language's lexicon calls so (Singapore)."""
        if seat.name.casefold() == written.casefold():
            return True
        local = self.res.gazetteer.cities_by_key.get(fold(written))
        return local is not None and local.name == seat.name and local.country == seat.country

    def _cues(self, sentence: int, triggers: list[Mention]) -> list[tuple[int, str, str]]:
        """(distance, label, words) for status cues near the meeting words, nearest first."""
        found = []
        for cue in self.ann.in_sentence(self.ann.cues, sentence):
            distance = min(
                min(abs(cue.start - trigger.end), abs(trigger.start - cue.end))
                for trigger in triggers
            )
            window = CANCEL_WINDOW if cue.label in {"cancelled", "postponed"} else CUE_WINDOW
            if distance <= window:
                found.append((distance, cue.label, cue.text))
        return sorted(found)

    def _status(
        self, sentence: int, triggers: list[Mention]
    ) -> tuple[str | None, str, bool, Cue | None]:
        """(tense, status, explicit, cue) from the status cues nearest the meeting words."""
        cues = self._cues(sentence, triggers)
        for _, label, text in cues:
            if label in {"cancelled", "postponed"}:
                return None, CANCELLED, True, Cue(f"{label}_cue", (text,), sentence)
        for _, label, text in cues:
            if label == "planned":
                return FUTURE, PLANNED, True, Cue("planned_cue", (text,), sentence)
            if label == "past":
                return PAST, OCCURRED, True, Cue("past_cue", (text,), sentence)
        return self._sentence_tense(sentence), OCCURRED, False, None

    def _postponed_to(
        self, sentence: int, triggers: list[Mention]
    ) -> tuple[ResolvedDate, Cue] | None:
        """'The summit was postponed to March 20': planned again, for the new date (postponed
        without one, it counts as cancelled)."""
        if "postponed" not in {label for _, label, _ in self._cues(sentence, triggers)}:
            return None
        cue = min(
            (c for c in self.ann.in_sentence(self.ann.cues, sentence) if c.label == "postponed"),
            key=lambda c: min(abs(c.start - t.end) for t in triggers),
        )
        _, end = self.doc.sentences[sentence]
        for i in range(cue.end, min(cue.end + POSTPONED_REACH, end)):
            if self.keys[i] in self.res.postponed_to:
                later = self.res.dates.find(self.doc, i + 1, min(i + 4, end))
                if later and later[0].start <= i + 2:
                    date = self.res.dates.resolve(later[0], self.reference, FUTURE)
                    if date is None:
                        return None
                    words = (cue.text, self.doc.span_text(later[0].start, later[0].end))
                    return date, Cue("postponed_to_new_date", words, sentence)
        return None

    def _sentence_tense(self, sentence: int) -> str | None:
        """The tense of the sentence's first tense cue, for dates when none is near."""
        for cue in self.ann.in_sentence(self.ann.cues, sentence):
            if cue.label == "planned":
                return FUTURE
            if cue.label == "past":
                return PAST
        return None

    def _present(self, sentence: int, triggers: list[Mention]) -> bool:
        return any(label == "present" for _, label, _ in self._cues(sentence, triggers))

    def _date(
        self,
        sentence: int,
        triggers: list[Mention],
        tense: str | None,
        rivals: list[Mention],
    ) -> tuple[ResolvedDate | None, Cue | None]:
        """The date nearest the meeting words, unless it is nearer to the words of another
        encounter the sentence tells of (`rivals`)."""
        start, end = self.doc.sentences[sentence]
        start = max(start, self.doc.dateline_end)
        barriers = frozenset(i for trigger in triggers for i in range(trigger.start, trigger.end))
        expressions = [
            expression
            for expression in self.res.dates.find(self.doc, start, end)
            if self.res.dates.is_event_date(self.doc, expression, barriers)
        ]
        if not expressions:
            return None, None

        reporting_ends = [m.end for m in self.ann.in_sentence(self.ann.reporting, sentence)]
        trigger_starts = [trigger.start for trigger in triggers]

        def when_reported(expression) -> bool:
            """'told The Hindu on Tuesday': the day of the telling, not of the meeting."""
            return any(
                0 <= expression.start - end <= 4
                and not any(end <= t < expression.start for t in trigger_starts)
                for end in reporting_ends
            )

        expressions = [
            expression
            for expression in expressions
            if not when_reported(expression)
            and not self._other_clause(expression, triggers)
            and not self._in_relative_clause(expression, triggers)
            and not self._before_sequence(expression, triggers)
        ]
        if not expressions:
            return None, None
        sentence_head = start + 4

        if all(self._refers(trigger) for trigger in triggers):
            # "took to social media on Thursday ahead of the visit": Thursday is not the visit's.
            expressions = [e for e in expressions if all(e.start >= t.end for t in triggers)]
            if not expressions:
                return None, None

        def distance(expression, triggers=triggers) -> int:
            gaps = []
            for trigger in triggers:
                if expression.start >= trigger.end:
                    gaps.append(expression.start - trigger.end)
                elif expression.start < sentence_head:
                    gaps.append(HEAD_GAP)  # "On October 6, ... spoke": it dates the sentence
                else:
                    gaps.append(trigger.start - expression.end + BEFORE_PENALTY)
            return min(gaps)

        if rivals:
            expressions = [e for e in expressions if distance(e) <= distance(e, rivals)]
            if not expressions:
                return None, None
        expression = min(expressions, key=distance)
        if distance(expression) > MAX_DATE_GAP:
            return None, None
        date = self.res.dates.resolve(expression, self.reference, tense)
        if date is None:
            return None, None
        written = self.doc.span_text(expression.start, expression.end)
        return date, Cue("date_nearest_meeting_word", (written,), sentence)

    def _before_sequence(self, expression, triggers: list[Mention]) -> bool:
        """'In November his party won, and soon after he visited India': the date is of what
        came first."""
        following = [t for t in triggers if t.start >= expression.end]
        if not following or len(following) < len(triggers):
            return False
        first = min(t.start for t in following)
        return any(self.keys[i] in self.res.dates.not_event for i in range(expression.end, first))

    def _in_relative_clause(self, expression, triggers: list[Mention]) -> bool:
        """'Prabowo, who won the election in February, ...': a date inside a clause about a
        person, set off by commas, tells of that person, not of the meeting."""
        sentence_start, sentence_end = self.doc.sentences[
            self.doc.tokens[expression.start].sentence
        ]
        opening = None
        for i in range(expression.start - 1, sentence_start, -1):
            if self.keys[i] == ",":
                if self.keys[i + 1] in self.res.dates.relative_words:
                    opening = i
                break
        if opening is None:
            return False
        closing = next(
            (i for i in range(expression.end, sentence_end) if self.keys[i] == ","), sentence_end
        )
        return not any(opening < t.start < closing for t in triggers)

    def _other_clause(self, expression, triggers: list[Mention]) -> bool:
        """'In November, his party swept the polls, and soon after he visited India': a
        comma and a conjunction between a date and the meeting word part their clauses."""
        for trigger in triggers:
            if expression.start >= trigger.end:
                low, high = trigger.end, expression.start
            else:
                low, high = expression.end, trigger.start
            if not any(
                self.keys[i] == "," and self.keys[i + 1] in self.res.dates.clause_breaks
                for i in range(low, high - 1)
            ):
                return False
        return True

    def _points_back(self, triggers: list[Mention]) -> bool:
        for trigger in triggers:
            around = (
                self.keys[max(trigger.start - 2, 0) : trigger.start]
                + self.keys[trigger.end : trigger.end + 2]
            )
            if any(word in self.res.anaphora for word in around):
                return True
        return False

    # --- encounters ---------------------------------------------------------------------------

    def encounters(self) -> list[Encounter]:
        encounters: list[Encounter] = []
        pending_anaphora: list[Candidate] = []
        pending_rounds: list[Candidate] = []
        for candidate in self.candidates():
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
                and self._points_back(candidate.triggers)
            ):
                best = self._antecedent(encounters, candidate)  # "joined the talks"
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
        self._date_from_lead(encounters)
        self._date_from_context(encounters)
        return encounters

    def _lead_sentence(self) -> int:
        if self.doc.dateline_end < len(self.doc.tokens):
            return max(self.doc.title_sentences, self.doc.tokens[self.doc.dateline_end].sentence)
        return self.doc.title_sentences

    def _date_from_lead(self, encounters: list[Encounter]) -> None:
        """'TPP members will decide this weekend how to revive the pact. Trade ministers will
        talk on the sidelines of APEC in Hanoi': the lead says when the news will happen; the
        planned meeting the next sentence tells of is that news."""
        lead = self._lead_sentence()
        if lead >= len(self.doc.sentences) or self.ann.in_sentence(self.ann.triggers, lead):
            return
        undated = [
            e
            for e in encounters
            if e.date is None
            and min(e.sentences) == lead + 1
            and any(status == PLANNED for status, _ in e.statuses)
        ]
        if not undated or self._sentence_tense(lead) != FUTURE:
            return
        expressions = self._event_dates(lead)
        if len(expressions) != 1:
            return
        date = self.res.dates.resolve(expressions[0], self.reference, FUTURE)
        written = self.doc.span_text(expressions[0].start, expressions[0].end)
        for encounter in undated:
            encounter.set_date(date, Cue("date_of_the_lead", (written,), lead))

    def _date_from_context(self, encounters: list[Encounter]) -> None:
        """'Late on Sunday the president spoke to the press. He had talked to his counterpart
        by phone before': a narrative sets its time once and goes on without repeating it, so
        an undated meeting takes the date of the nearest sentence before it in its paragraph,
        unless that sentence (or one in between) tells of another encounter."""
        told = {s for e in encounters for s in e.sentences}
        for encounter in encounters:
            if encounter.date is not None:
                continue
            first = min(encounter.sentences)
            for earlier in range(first - 1, max(first - 1 - CONTEXT_DATE_REACH, -1), -1):
                if earlier < self._lead_sentence() or self._paragraph_break(earlier, earlier + 1):
                    break
                if earlier in told and earlier not in encounter.sentences:
                    break
                expressions = self._event_dates(earlier)
                if not expressions:
                    continue
                expression = expressions[-1]  # the nearest to the meeting
                date = self.res.dates.resolve(
                    expression, self.reference, self._sentence_tense(first) or PAST
                )
                if date is not None:
                    written = self.doc.span_text(expression.start, expression.end)
                    cue = Cue("date_of_the_narrative_before", (written,), earlier)
                    encounter.set_date(date, cue)
                break

    def _paragraph_break(self, sentence: int, following: int) -> bool:
        last = self.doc.tokens[self.doc.sentences[sentence][1] - 1]
        next_first = self.doc.tokens[self.doc.sentences[following][0]]
        return "\n" in self.doc.text[last.end : next_first.start]

    def _event_dates(self, sentence: int) -> list[DateExpression]:
        start, end = self.doc.sentences[sentence]
        return [
            expression
            for expression in self.res.dates.find(self.doc, max(start, self.doc.dateline_end), end)
            if self.res.dates.is_event_date(self.doc, expression)
        ]

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
        """'Both parties agreed to convene again on April 19th': a new round, same parties."""
        if candidate.date is None:
            return False
        repeats = self.ann.in_sentence(self.ann.repeats, candidate.sentence)
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
            and self._points_back(candidate.triggers)
        ):
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


def _gap(place: Mention, trigger: Mention) -> int:
    return min(abs(place.start - trigger.end), abs(trigger.start - place.end))
