"""What every part of the meeting finder reads: the document, its annotations, the officials
named in it and the language's resources; and the two readings several parts share (a
sentence's tense, a meeting word that points back)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from events.extraction.annotate import Annotations, Mention
from events.extraction.dates import FUTURE, PAST
from events.extraction.document import Document
from events.extraction.persons import People
from events.extraction.resources import Resources

CUE_WINDOW = 8  # tokens between a meeting word and a cue (status, habit, repetition) about it


@dataclass
class Reading:
    doc: Document
    ann: Annotations
    people: People
    res: Resources
    reference: dt.date
    keys: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.keys = self.doc.keys

    def sentence_tense(self, sentence: int) -> str | None:
        """The tense of the sentence's first tense cue, for dates when none is near."""
        for cue in self.ann.in_sentence(self.ann.cues, sentence):
            if cue.label == "planned":
                return FUTURE
            if cue.label == "past":
                return PAST
        return None

    def points_back(self, triggers: list[Mention]) -> bool:
        """'the visit', 'kunjungan ini': a word beside the meeting word points back to an
        encounter told before."""
        for trigger in triggers:
            around = (
                self.keys[max(trigger.start - 2, 0) : trigger.start]
                + self.keys[trigger.end : trigger.end + 2]
            )
            if any(word in self.res.anaphora for word in around):
                return True
        return False


class Part:
    """One part of the meeting finder, with short names for what it reads."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.doc = reading.doc
        self.ann = reading.ann
        self.people = reading.people
        self.res = reading.res
        self.keys = reading.keys
        self.reference = reading.reference
