"""Who takes part, and in which role. While candidates are read (`Participants`): the
officials named in the candidate's part of the sentence; "the two leaders" are the last pair
seen meeting, and a pronoun before the meeting word brings back the official named last. For
the finding: the article's protagonist as the other side of a one-sided meeting
(`complete_parties`), and each participant's role (`roles`: at a visit the venue country's
officials host and the others visit)."""

from __future__ import annotations

from collections import Counter

from events.extraction.annotate import Mention
from events.extraction.meetings.model import MEETING, VISIT, Cue, Encounter, Venue
from events.extraction.meetings.reading import Part, Reading
from events.extraction.persons import People, Person, PersonMention
from events.extraction.types import PersonFinding
from events.extraction.vocabulary import Role

VISITOR, HOST, PARTICIPANT = Role.VISITOR, Role.HOST, Role.PARTICIPANT
PROTAGONIST_MENTIONS = 3
ATTENDING_REACH = 2  # sentences after an encounter that may say who else was there


class Participants(Part):
    def __init__(self, reading: Reading) -> None:
        super().__init__(reading)
        self.focus: Person | None = None  # the first official of the sentence before
        self.last_pair: list[Person] = []  # the last two officials seen meeting

    def move_on(self, mentions: list[PersonMention], triggers: list[Mention]) -> None:
        """After a sentence: its first official is the one a pronoun points to, and two
        officials beside a meeting word are "the two leaders" from now on."""
        officials = [m.person for m in mentions if m.person.official]
        if officials:
            self.focus = officials[0]
        distinct = list(dict.fromkeys(officials))
        if len(distinct) >= 2 and triggers:
            self.last_pair = distinct[:2]

    def named(
        self,
        sentence: int,
        mentions: list[PersonMention],
        triggers: list[Mention],
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
        if self.focus is not None and self.focus not in persons and pronoun:
            persons.insert(0, self.focus)  # "He will meet the UAE President": the one named before
        return persons

    def attending(self, encounters: list[Encounter]) -> None:
        """'Also present were the trade minister X and the cabinet secretary Y': the
        officials a sentence with no meeting word of its own says were there too join the
        encounter told just before it. So do officials of both its sides paired in such a
        sentence ('an agreement between Trade Minister X and his counterpart Y' after a
        visit): the pairs that sign or work beside the principals."""
        if not encounters:
            return
        told = {s for e in encounters for s in e.sentences}
        told |= {t.sentence for t in self.ann.triggers}  # sentences with their own meeting words
        attending = {c.sentence for c in self.ann.cues if c.label == "attending"}
        officials_in: dict[int, list[Person]] = {}
        for mention in self.people.mentions:
            if mention.person.official:
                officials_in.setdefault(mention.sentence, []).append(mention.person)
        for sentence in sorted(officials_in.keys() - told):
            earlier = [
                (max(s for s in e.sentences if s < sentence), e)
                for e in encounters
                if any(sentence - ATTENDING_REACH <= s < sentence for s in e.sentences)
            ]
            if not earlier:
                continue
            _, encounter = max(earlier, key=lambda pair: pair[0])
            named = dict.fromkeys(officials_in[sentence])
            joining = [p for p in named if p not in encounter.persons]
            if joining and (sentence in attending or _both_sides(encounter, joining)):
                encounter.persons.extend(joining)
                encounter.sentences.append(sentence)

    def _pair_named(self, sentence: int) -> bool:
        start, end = self.doc.sentences[sentence]
        words = " ".join(self.keys[start:end])
        return any(f" {pair} " in f" {words} " for pair in self.res.pair_words)


def _both_sides(encounter: Encounter, joining: list[Person]) -> bool:
    """New officials of two of the encounter's countries, and of no other."""
    sides = {p.country for p in encounter.persons if p.country}
    if encounter.venue is not None:
        sides.add(encounter.venue.country)
    countries = {p.country for p in joining}
    return len(countries) >= 2 and None not in countries and countries <= sides


def protagonists(people: People) -> list[Person]:
    """The officials the article keeps coming back to, most mentioned first."""
    counts = Counter(
        mention.person
        for mention in people.mentions
        if mention.person.official and mention.person.country
    )
    return [person for person, count in counts.most_common() if count >= PROTAGONIST_MENTIONS]


def complete_parties(encounter: Encounter, protagonists: list[Person]) -> None:
    """'In the October meeting, Putin said...': the other side is the article's protagonist."""
    countries = {person.country for person in encounter.persons if person.country}
    if not (
        encounter.family == "encounter"
        and encounter.kinds == {MEETING}
        and encounter.venue is None
        and len(countries) == 1
    ):
        return
    other = next((p for p in protagonists if p.country not in countries), None)
    if other is not None:
        encounter.persons.append(other)


def roles(encounter: Encounter, kind: str, venue: Venue | None) -> list[PersonFinding]:
    """The encounter's officials as the finding's participants, with their roles at `venue`
    (the hosts of a tour's other stops are left out)."""
    destinations = {d.country for d in encounter.destinations}
    found = []
    for person in encounter.persons:
        country = person.country
        if (
            kind == VISIT
            and venue is not None
            and country is None
            and person.rank in {"head", "royal"}
            and not person.organisation
        ):
            # "visited Egypt and met President el-Sisi": an untitled head is the host's.
            country = venue.country
        role = PARTICIPANT
        if kind == VISIT and venue is not None and country:
            if country == venue.country:
                role = HOST
            elif country in destinations:
                continue  # a host of another leg of the tour
            else:
                role = VISITOR
        elif kind == VISIT:
            role = VISITOR if country or person.organisation else PARTICIPANT
        found.append(
            PersonFinding(
                name=person.name,
                country=country,
                role=role,
                title=person.title if person.rank not in {"courtesy", "other"} else None,
                known_key=person.known.key if person.known else None,
            )
        )
    return found


def participants_cue(kind: str, participants: list[PersonFinding]) -> Cue:
    """Officials named beside the meeting words; at a visit the venue country's host it."""
    rule = "visit_hosts_are_the_venue_country" if kind == VISIT else "officials_named"
    return Cue(rule, tuple(p.name for p in participants))
