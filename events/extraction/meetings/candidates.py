"""Meeting words become candidates: every sentence with a valid meeting word gives one
candidate per family, with the officials, venue, date and status its parts read around the
words. A word is not valid inside quotation marks, after a hypothetical or negating cue, near a
habitual one, or when its lexicon condition is unmet; a sentence that lists earlier rounds
gives one candidate per round."""

from __future__ import annotations

from collections.abc import Iterable

from events.extraction.annotate import Mention, is_country_like
from events.extraction.dates import FUTURE, PAST
from events.extraction.gazetteer import CITY, COUNTRY, ORGANISATION
from events.extraction.meetings.date import Dates
from events.extraction.meetings.kind import FOLD_WINDOW, Families
from events.extraction.meetings.model import (
    MEETING,
    MULTILATERAL,
    OCCURRED,
    PLANNED,
    VISIT,
    Candidate,
    Cue,
)
from events.extraction.meetings.participants import Participants
from events.extraction.meetings.reading import CUE_WINDOW, Part, Reading
from events.extraction.meetings.status import StatusCues
from events.extraction.meetings.venue import Venues
from events.extraction.persons import PersonMention

# What a trigger that needs a place takes as one after it ("visit to Cairo", "to NATO").
NEEDED_PLACES = frozenset({CITY, COUNTRY, ORGANISATION})
SEGMENT_GAP = 10  # tokens between meeting words that tell of different encounters
FACILITY_LEAD = 3  # "arrived at the airport": words from an arrival to a facility's word
FACILITY_REACH = 12  # "tiba di Bandara Udara X (Y), Subang, Malaysia": to the place after it
HABIT_QUALIFIER_GAP = 2  # "annual security forum": words between a habit word and a gathering


class Candidates(Part):
    def __init__(self, reading: Reading) -> None:
        super().__init__(reading)
        self.families = Families(reading)
        self.venues = Venues(reading)
        self.statuses = StatusCues(reading)
        self.dates = Dates(reading)
        self.participants = Participants(reading)

    def all(self) -> list[Candidate]:
        found: list[Candidate] = []
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
                        rivals=[t for t in triggers if t not in segment],
                    )
                )
            self.participants.move_on(mentions, triggers)
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
        sidelines = self.ann.in_sentence(self.ann.sidelines, ordered[0].sentence)
        segments: list[list[Mention]] = [[ordered[0]]]
        for trigger in ordered[1:]:
            previous = segments[-1][-1]
            # "at the summit, where he held talks with X": a side meeting after the gathering.
            side_meeting = (
                self.families.family(previous) == MULTILATERAL
                and self.families.family(trigger) != MULTILATERAL
            )
            # "met on the sidelines of the X Dialogue, an annual forum": where they met.
            side_venue = any(self.families.follows_sidelines(trigger, s) for s in sidelines)
            # "the visit of X to Beijing, where he met Y": the meeting is at the visit's place.
            there = self._where_after(previous, trigger)
            far = trigger.start - previous.end > SEGMENT_GAP
            if (far and not side_venue and not there) or side_meeting:
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
            if (
                cue.label == "habitual"
                and abs(cue.start - trigger.start) <= CUE_WINDOW
                and not self._describes_gathering(cue, trigger)
            ):
                return False
        if trigger.text in self.res.call_needs_person:
            if before and before[-1] in {"so", "-"}:
                return False
            if not self._follows(trigger, 5, self.people.mentions) and not (
                before and before[-1] in self.res.anaphora
            ):
                return False
        if trigger.text in self.res.needs_person_object and not self._follows(
            trigger, 7, self.people.mentions
        ):
            return False
        if trigger.text in self.res.needs_place and not self._follows(
            trigger,
            FACILITY_REACH if self._at_facility(trigger) else 3,
            (place for place in self.ann.places if place.label in NEEDED_PLACES),
        ):
            return False
        # A ministry summons a foreign diplomat to protest: an encounter; a court summons is not.
        if trigger.text in self.res.needs_envoy and not self._follows(
            trigger, 6, (title for title in self.ann.titles if title.label == "diplomat")
        ):
            return False
        return sentence_end > trigger.start

    def _where_after(self, previous: Mention, trigger: Mention) -> bool:
        """A comma and a word of place ("where", "di mana", "où", "где") between two meeting
        words: the second tells what happened at the first's place."""
        words = self.res.lexicon["triggers"].get("same_place", ())
        phrases = [tuple(word.split()) for word in words]
        for i in range(previous.end, trigger.start):
            if self.keys[i] != ",":
                continue
            if any(tuple(self.keys[i + 1 : i + 1 + len(p)]) == p for p in phrases):
                return True
        return False

    def _at_facility(self, trigger: Mention) -> bool:
        """'arrived at the airport of X', 'tiba di Bandara Udara Y, Subang, Malaysia': an
        airport, air base or palace the gazetteer does not know stands between the arrival and
        its place."""
        facilities = self.res.lexicon["triggers"].get("facilities", ())
        after = self.keys[trigger.end : trigger.end + FACILITY_LEAD]
        return any(word in facilities for word in after)

    def _describes_gathering(self, cue: Mention, trigger: Mention) -> bool:
        """'an annual security forum', 'the yearly summit': a habitual word qualifying a
        gathering says how often it is held, not that the meeting is a habit; that one
        gathering still took place."""
        return (
            self.families.family(trigger) == MULTILATERAL
            and 0 <= trigger.start - cue.end <= HABIT_QUALIFIER_GAP
        )

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

    @staticmethod
    def _follows(trigger: Mention, window: int, mentions: Iterable) -> bool:
        """One of `mentions` starts within `window` tokens after the trigger, in its sentence."""
        return any(
            mention.sentence == trigger.sentence
            and trigger.end <= mention.start <= trigger.end + window
            for mention in mentions
        )

    def _sentence_candidates(
        self,
        sentence: int,
        triggers: list[Mention],
        rejected: list[Mention],
        mentions: list[PersonMention],
        rivals: list[Mention],
    ) -> list[Candidate]:
        by_family: dict[str, list[Mention]] = {}
        for trigger in triggers:
            by_family.setdefault(self.families.family(trigger), []).append(trigger)
        two_sides = len({m.person.country for m in mentions if m.person.country}) == 2
        self.families.side_meeting(by_family, sentence, two_sides)
        self.families.fold_families(by_family)
        sidelines = bool(self.ann.in_sentence(self.ann.sidelines, sentence))
        persons = self.participants.named(sentence, mentions, triggers)
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
            and not self.venues.introduced_place(place, self.doc.sentences[sentence][0])
        }
        sentence_start, sentence_end = self.doc.sentences[sentence]
        duration = self.res.dates.durations(self.doc, sentence_start, sentence_end)
        candidates = []
        travel_venue = None
        if "encounter" in by_family:
            travel = [t for t in by_family["encounter"] if t.label == VISIT]
            if travel:
                travel_venue, _ = self.venues.find(sentence, travel, rejected, places)
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
            venue, destinations = self.venues.find(
                sentence, family_triggers, rejected + others, places
            )
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
            tense, status, explicit, status_cue = self.statuses.read(sentence, family_triggers)
            present = self.statuses.present(sentence, family_triggers)
            date, date_cue = self.dates.nearest(sentence, family_triggers, tense, rivals)
            postponed_to = self.statuses.postponed_to(sentence, family_triggers)
            if postponed_to is not None:
                tense, status, date = FUTURE, PLANNED, postponed_to[0]
                status_cue = date_cue = postponed_to[1]
            anaphoric = (
                not persons
                and venue is None
                and date is None
                and self.reading.points_back(family_triggers)
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
                        or any(self.families.summit_of_many(t) for t in family_triggers)
                        or any(self.families.gathering_before(t) for t in family_triggers)
                    ),
                    organisations=organisations,
                    many_countries=self.families.many_countries(sentence),
                    rescheduled=postponed_to is not None,
                    status_cue=status_cue,
                    date_cue=date_cue,
                )
            )
        return candidates

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
            venue, _ = self.venues.find(sentence, [marker], [], own_places)
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
