"""Encounters become findings: kind, roles, venue, date, status and evidence settled."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from events.extraction.dateline import Dateline
from events.extraction.dates import DAY, MONTH, ResolvedDate, add_days
from events.extraction.document import Document
from events.extraction.gazetteer import capital
from events.extraction.history import country_on
from events.extraction.meetings import (
    CALL,
    CANCELLED,
    MEETING,
    MULTILATERAL,
    OCCURRED,
    PLANNED,
    VISIT,
    Cue,
    Encounter,
    Venue,
    consolidate,
)
from events.extraction.persons import OFFICIAL_RANKS, People, Person
from events.extraction.types import EvidenceSpan, MeetingFinding, PersonFinding, Reason
from events.extraction.vocabulary import Precision, Role

VISITOR, HOST, PARTICIPANT = Role.VISITOR, Role.HOST, Role.PARTICIPANT
PROTAGONIST_MENTIONS = 3
# Who speaks for an international organisation: its secretary-general, not its spokesman.
ORGANISATION_RANKS = OFFICIAL_RANKS | {"organisation"}


def _status(encounter: Encounter, reference: dt.date) -> tuple[str, Cue]:
    """The one place a meeting's status is decided, with the rule and cue that decided it."""
    statuses = encounter.statuses
    cues = encounter.status_cues
    if (CANCELLED, True) in statuses and not encounter.rescheduled:
        return CANCELLED, cues.get(CANCELLED) or Cue("cancelled_cue")
    if encounter.present:
        return OCCURRED, Cue("under_way_now")
    date = encounter.date
    date_words = _words_of(encounter.date_cue)
    date_sentence = encounter.date_cue.sentence if encounter.date_cue else None
    explicit = [status for status, is_explicit in statuses if is_explicit]
    if date is not None:
        vague = (date.last_day() - date.start).days > 2
        if vague and date.start <= reference <= date.last_day() and PLANNED in explicit:
            return PLANNED, cues.get(PLANNED) or Cue("planned_cue")  # "will visit this week"
        if date.precision == DAY:
            ours, now = (date.start,), (reference,)
        elif date.precision == MONTH:
            ours, now = (date.start.year, date.start.month), (reference.year, reference.month)
        else:
            ours, now = (date.start.year,), (reference.year,)
        if ours != now or date.precision == DAY:
            later = ours > now
            rule = "date_after_publication" if later else "date_not_after_publication"
            return (PLANNED if later else OCCURRED), Cue(rule, date_words, date_sentence)
    if OCCURRED in explicit:
        return OCCURRED, cues.get(OCCURRED) or Cue("past_cue")
    if PLANNED in explicit:
        return PLANNED, cues.get(PLANNED) or Cue("planned_cue")
    return OCCURRED, Cue("reported_as_news")


def _words_of(cue: Cue | None) -> tuple[str, ...]:
    return cue.words if cue else ()


def _participants_cue(kind: str, participants: list[PersonFinding]) -> Cue:
    """Officials named beside the meeting words; at a visit the venue country's host it."""
    rule = "visit_hosts_are_the_venue_country" if kind == VISIT else "officials_named"
    return Cue(rule, tuple(p.name for p in participants))


def _protagonists(people: People) -> list[Person]:
    """The officials the article keeps coming back to, most mentioned first."""
    counts = Counter(
        mention.person
        for mention in people.mentions
        if mention.person.official and mention.person.country
    )
    return [person for person, count in counts.most_common() if count >= PROTAGONIST_MENTIONS]


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
        self.protagonists = _protagonists(people)
        self.sequence_sentences = sequence_sentences or {}

    def build(self, encounters: list[Encounter]) -> list[MeetingFinding]:
        for encounter in encounters:
            self._complete_parties(encounter)
        # Completed with the article's protagonist, two accounts may now name the same people.
        encounters = consolidate(encounters)
        self._date_by_sequence(encounters)
        findings: list[MeetingFinding] = []
        for encounter in encounters:
            findings.extend(self._findings(encounter))
        return findings

    def _date_by_sequence(self, encounters: list[Encounter]) -> None:
        """'travelled to Sri Lanka (on 4 April) after attending the summit in Thailand': an
        undated encounter told in sequence with a dated one is dated by its month."""
        for encounter in encounters:
            if encounter.date is not None:
                continue
            for other in encounters:
                if other is encounter or other.date is None:
                    continue
                shared = set(encounter.sentences) & set(other.sentences)
                if any(self.sequence_sentences.get(sentence) for sentence in shared):
                    encounter.set_date(
                        ResolvedDate(
                            dt.date(other.date.start.year, other.date.start.month, 1), None, MONTH
                        ),
                        Cue("month_of_the_trip_told_with_it", _words_of(other.date_cue)),
                    )
                    break

    def _complete_parties(self, encounter: Encounter) -> None:
        """'In the October meeting, Putin said...': the other side is the article's protagonist."""
        countries = {person.country for person in encounter.persons if person.country}
        if not (
            encounter.family == "encounter"
            and encounter.kinds == {MEETING}
            and encounter.venue is None
            and len(countries) == 1
        ):
            return
        other = next((p for p in self.protagonists if p.country not in countries), None)
        if other is not None:
            encounter.persons.append(other)

    def _in_lead(self, encounter: Encounter) -> bool:
        """Reported in the lead of a dated dispatch ("MOSCOW, April 13 - ...")."""
        if not self.doc.dateline_end:
            return False
        lead = self.doc.tokens[self.doc.dateline_end].sentence
        return lead in encounter.sentences

    def _place_venue(self, encounter: Encounter) -> None:
        self._dateline_venue(encounter)
        self._mission_city(encounter)

    def _mission_city(self, encounter: Encounter) -> None:
        """'met the British envoy to Ruritania': foreign envoys serve in the capital, so
        talks with them in the country they are posted to are there, unless a city is given."""
        venue = encounter.venue
        if encounter.family != "encounter" or venue is None or venue.city is not None:
            return
        foreign = [p for p in encounter.persons if p.country and p.country != venue.country]
        if not foreign or any(p.rank != "diplomat" for p in foreign):
            return
        seat = capital(venue.country)
        if seat is not None:
            venue.city = seat.name
            earlier = venue.cue
            venue.cue = Cue(
                "envoys_serve_in_the_capital",
                (*_words_of(earlier), seat.name),
                earlier.sentence if earlier else None,
            )

    def _dateline_venue(self, encounter: Encounter) -> None:
        """Undated talks 'here': the dateline's place, when one side is at home there."""
        dateline = self.dateline
        if encounter.family != "encounter" or dateline.country is None:
            return
        home = country_on(dateline.country, self.reference)
        countries = {person.country for person in encounter.persons if person.country}
        if encounter.venue is None:
            if home in countries and len(countries) >= 2:
                words = (dateline.city,) if dateline.city else ()
                cue = Cue("dateline_place_of_the_home_side", words)
                encounter.venue = Venue(home, dateline.city, explicit=False, cue=cue)
        elif encounter.venue.city is None and encounter.venue.country in {
            home,
            dateline.country,
        }:
            encounter.venue.city = dateline.city
            if dateline.city:
                earlier = encounter.venue.cue
                encounter.venue.cue = Cue(
                    "city_from_the_dateline",
                    (*_words_of(earlier), dateline.city),
                    earlier.sentence if earlier else None,
                )

    def _findings(self, encounter: Encounter) -> list[MeetingFinding]:
        self._place_venue(encounter)
        status, status_cue = _status(encounter, self.reference)
        date, date_cue = encounter.date, encounter.date_cue
        if (
            date is not None
            and date.precision == DAY
            and date.end is None
            and encounter.duration
            and encounter.duration > 1
        ):
            # "a three-day visit from Monday"
            date = ResolvedDate(date.start, add_days(date.start, encounter.duration - 1), DAY)
            date_cue = Cue(
                "length_of_stay_from_its_first_day",
                _words_of(date_cue),
                date_cue.sentence if date_cue else None,
            )
        if encounter.present and date is not None and date.start > self.reference:
            # "is now visiting China and returns on 5 November": under way until then.
            date = ResolvedDate(self.reference, date.last_day(), DAY)
            date_cue = Cue("under_way_until", _words_of(date_cue))
        if date is None and status == OCCURRED and (encounter.present or self._in_lead(encounter)):
            # Under way now, or the news the article opens with: it happens today.
            days = encounter.duration or 1
            end = add_days(self.reference, days - 1) if days > 1 else None
            date = ResolvedDate(self.reference, end, DAY)
            rule = "under_way_on_the_reference_day" if encounter.present else "news_of_the_lead"
            date_cue = Cue(rule)
        if encounter.family == CALL:
            encounter.venue = None
        elif encounter.venue is not None:
            day = date.start if date else self.reference
            encounter.venue.country = country_on(encounter.venue.country, day)
        kind, kind_rule = self._kind(encounter)
        venues = [encounter.venue]
        if kind == VISIT and len(encounter.destinations) >= 2:
            venues = list(encounter.destinations)
        findings = []
        for venue in venues:
            participants = self._participants(encounter, kind, venue)
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
                            "participants": _participants_cue(kind, participants),
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

    def _kind(self, encounter: Encounter) -> tuple[str, str]:
        """The one place a meeting's kind is decided: (kind, the rule that decided it)."""
        if encounter.family == CALL:
            return CALL, "call_word"
        if encounter.family == MULTILATERAL:
            return MULTILATERAL, "gathering_word"
        venue = encounter.venue
        if encounter.sidelines and not (
            venue and any(person.country == venue.country for person in encounter.persons)
        ):
            # two leaders at a summit abroad; at home it is a visit
            return MEETING, "sidelines_abroad"
        person_countries = {person.country for person in encounter.persons if person.country}
        if venue is None:
            if len(person_countries) >= 3:
                return MULTILATERAL, "three_countries_without_venue"
            return MEETING, "no_venue_given"
        visitors = [
            p
            for p in encounter.persons
            if (p.country and p.country != venue.country) or (p.organisation and not p.country)
        ]
        hosts = [
            p
            for p in encounter.persons
            if p.country == venue.country
            or (p.country is None and p.rank in {"head", "royal"} and not p.organisation)
        ]
        if len(person_countries - {venue.country}) >= 3:
            return MULTILATERAL, "three_countries_besides_the_venue"
        if visitors and all(p.rank == "diplomat" for p in visitors):
            return MEETING, "diplomats_abroad"
        if visitors and (hosts or VISIT in encounter.kinds):
            return VISIT, "officials_abroad_received"
        if not visitors and VISIT in encounter.kinds:
            return VISIT, "travel_word"
        return MEETING, "talks_at_home"

    def _participants(
        self, encounter: Encounter, kind: str, venue: Venue | None
    ) -> list[PersonFinding]:
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
