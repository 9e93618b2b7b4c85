"""Encounters become findings: each field settled by the module that decides it (`kind`,
`status`, `date`, `venue`, `participants` in `events.extraction.meetings`), the encounters that
are not international left out, and each finding's evidence and reasons recorded."""

from __future__ import annotations

import datetime as dt

from events.extraction.dateline import Dateline
from events.extraction.document import Document
from events.extraction.meetings import (
    MEETING,
    MULTILATERAL,
    VISIT,
    Cue,
    Encounter,
    Venue,
    consolidate,
)
from events.extraction.meetings.date import date_by_sequence, settle_date
from events.extraction.meetings.kind import decide_kind
from events.extraction.meetings.participants import (
    complete_parties,
    participants_cue,
    protagonists,
    roles,
)
from events.extraction.meetings.status import decide_status
from events.extraction.meetings.venue import place_venue, settle_venue
from events.extraction.persons import OFFICIAL_RANKS, People
from events.extraction.types import EvidenceSpan, MeetingFinding, Reason
from events.extraction.vocabulary import Precision

# Who speaks for an international organisation: its secretary-general, not its spokesman.
ORGANISATION_RANKS = OFFICIAL_RANKS | {"organisation"}


class FindingBuilder:
    def __init__(
        self,
        doc: Document,
        people: People,
        reference: dt.date,
        dateline: Dateline,
        sequence_sentences: dict[int, bool] | None = None,
    ) -> None:
        self.doc = doc
        self.people = people
        self.reference = reference
        self.dateline = dateline
        self.protagonists = protagonists(people)
        self.sequence_sentences = sequence_sentences or {}

    def build(self, encounters: list[Encounter]) -> list[MeetingFinding]:
        for encounter in encounters:
            complete_parties(encounter, self.protagonists)
        # Completed with the article's protagonist, two accounts may now name the same people.
        encounters = consolidate(encounters)
        date_by_sequence(encounters, self.sequence_sentences)
        findings: list[MeetingFinding] = []
        for encounter in encounters:
            findings.extend(self._findings(encounter))
        return findings

    def _findings(self, encounter: Encounter) -> list[MeetingFinding]:
        place_venue(encounter, self.dateline, self.reference)
        status, status_cue = decide_status(encounter, self.reference)
        date, date_cue = settle_date(self.doc, encounter, status, self.reference)
        settle_venue(encounter, date, self.reference)
        kind, kind_rule = decide_kind(encounter)
        venues = [encounter.venue]
        if kind == VISIT and len(encounter.destinations) >= 2:
            venues = list(encounter.destinations)
        findings = []
        for venue in venues:
            participants = roles(encounter, kind, venue)
            countries = {p.country for p in participants if p.country}
            if venue:
                countries.add(venue.country)
            if not self._international(encounter, countries, venue):
                continue
            findings.append(
                MeetingFinding(
                    kind=kind,
                    status=status,
                    start=date.start if date else None,
                    end=date.end if date else None,
                    precision=date.precision if date else Precision.UNKNOWN,
                    city=venue.city if venue else None,
                    venue_country=venue.country if venue else None,
                    participants=participants,
                    countries=sorted(countries),
                    evidence=self._evidence(encounter),
                    reasons=self._reasons(
                        {
                            "kind": Cue(kind_rule, tuple(encounter.trigger_words)),
                            "status": status_cue,
                            "date": date_cue if date else None,
                            "venue": venue.cue if venue else None,
                            "participants": participants_cue(kind, participants),
                        }
                    ),
                )
            )
        return findings

    def _reasons(self, cues: dict[str, Cue | None]) -> dict[str, Reason]:
        return {
            name: Reason(
                rule=cue.rule,
                cues=cue.words,
                sentence=self._sentence_span(cue.sentence) if cue.sentence is not None else None,
            )
            for name, cue in cues.items()
            if cue is not None
        }

    def _international(
        self, encounter: Encounter, countries: set[str], venue: Venue | None
    ) -> bool:
        """Officials of two countries, or unnamed parties from abroad meeting at a venue."""
        if len(countries) >= 2:
            return True
        if countries and any(
            person.organisation
            and not person.former
            and (person.known or person.rank in ORGANISATION_RANKS)
            for person in encounter.persons
        ):
            return True  # the UN Secretary-General meeting a country's officials
        if venue is None:
            return False
        foreign = encounter.party_countries - {venue.country}
        if encounter.family == MULTILATERAL and encounter.gathering and encounter.date:
            # "the ASEAN summit opened in Kuala Lumpur on Sunday", even with only the host named
            return True
        if any(person.country for person in encounter.persons):
            return False
        if (encounter.family == MULTILATERAL or encounter.sidelines) and (
            encounter.gathering or encounter.many_countries or len(foreign) >= 2
        ):
            return True  # "the APEC conference in Hanoi", "a three-nation meeting in Manila"
        if MEETING in encounter.kinds and venue.country in encounter.party_countries:
            # "Indonesia and France held their working group in Jakarta": both sides named.
            return bool(foreign)
        return len(foreign) >= 2

    def _evidence(self, encounter: Encounter) -> list[EvidenceSpan]:
        return [self._sentence_span(sentence) for sentence in sorted(set(encounter.sentences))]

    def _sentence_span(self, sentence: int) -> EvidenceSpan:
        start, end = self.doc.sentences[sentence]
        first, last = self.doc.tokens[start].start, self.doc.tokens[end - 1].end
        field, local_start, local_end = self.doc.locate(first, last)
        return EvidenceSpan(field, local_start, local_end, self.doc.text[first:last])
