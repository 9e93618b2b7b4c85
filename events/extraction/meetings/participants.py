"""Who takes part in a candidate: the officials named in its part of the sentence; "the two
leaders" are the last pair seen meeting, and a pronoun before the meeting word brings back the
official named last."""

from __future__ import annotations

from events.extraction.annotate import Mention
from events.extraction.meetings.reading import Part, Reading
from events.extraction.persons import Person, PersonMention


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

    def _pair_named(self, sentence: int) -> bool:
        start, end = self.doc.sentences[sentence]
        words = " ".join(self.keys[start:end])
        return any(f" {pair} " in f" {words} " for pair in self.res.pair_words)
