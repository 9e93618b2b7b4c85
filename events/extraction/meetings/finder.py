"""The meeting finder: sentences in, encounters out. It reads each sentence's meeting words
into candidates (`candidates`, with `kind`, `participants`, `venue`, `date` and `status`
reading the fields) and merges them into encounters (`encounters`)."""

from __future__ import annotations

import datetime as dt

from events.extraction.annotate import Annotations
from events.extraction.document import Document
from events.extraction.meetings.candidates import Candidates
from events.extraction.meetings.encounters import Encounters
from events.extraction.meetings.model import Candidate, Encounter
from events.extraction.meetings.reading import Reading
from events.extraction.persons import People
from events.extraction.resources import Resources


class MeetingFinder:
    def __init__(
        self,
        doc: Document,
        annotations: Annotations,
        people: People,
        resources: Resources,
        reference: dt.date,
    ) -> None:
        reading = Reading(doc, annotations, people, resources, reference)
        self._candidates = Candidates(reading)
        self._encounters = Encounters(reading)

    def candidates(self) -> list[Candidate]:
        return self._candidates.all()

    def encounters(self) -> list[Encounter]:
        return self._encounters.group(self.candidates())
