"""A meeting's kind. While candidates are read (`Families`): which family a meeting word
belongs to (a call, a gathering, or a visit-or-meeting) from the words around it, a body's
name, a number of countries, a summit named as the place of a side meeting, and one encounter
told with several words. For the finding (`decide_kind`): call, gathering, meeting or visit,
from the family, the venue and the officials' countries, with the rule that decided."""

from __future__ import annotations

from events.extraction.annotate import Mention, is_country_like
from events.extraction.gazetteer import ORGANISATION
from events.extraction.meetings.model import CALL, FAMILY, MEETING, MULTILATERAL, VISIT, Encounter
from events.extraction.meetings.reading import Part

SIDELINE_REACH = 5  # "on the sidelines of the G20 summit"
SIDELINE_NAME_REACH = 7  # "sidelines of the Harbour Security Dialogue," up to the comma
APPOSITION_REACH = 4  # "..., an annual security forum": a comma to the gathering word
FOLD_WINDOW = 12  # "met in Niamey, Niger's capital, for an AU summit"


class Families(Part):
    def family(self, trigger: Mention) -> str:
        if trigger.label == MEETING and self._bilateral(trigger):
            return FAMILY[MEETING]
        if trigger.label == MEETING and (
            self.gathering_before(trigger) or self.many_countries(trigger.sentence)
        ):
            return MULTILATERAL
        return FAMILY[trigger.label]

    def _bilateral(self, trigger: Mention) -> bool:
        """'Ministerial bilateral talks': a word saying two parties, whoever convenes."""
        start, end = self.doc.sentences[trigger.sentence]
        window = range(max(trigger.start - 3, start), min(trigger.end + 2, end))
        return any(self.keys[i] in self.res.bilateral_words for i in window)

    def many_countries(self, sentence: int) -> bool:
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

    def gathering_before(self, trigger: Mention) -> bool:
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

    def summit_of_many(self, trigger: Mention) -> bool:
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

    def side_meeting(
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
            if any(self.follows_sidelines(g, side) for side in sidelines)
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

    def follows_sidelines(self, gathering: Mention, side: Mention) -> bool:
        """'on the sidelines of the G20 summit', or of a gathering the lexicon does not know
        by name, told by the apposition after it ('of the Harbour Dialogue, an annual security
        forum,')."""
        gap = gathering.start - side.end
        if 0 <= gap <= SIDELINE_REACH:
            return True
        commas = [i for i in range(side.end, gathering.start) if self.keys[i] == ","]
        return (
            len(commas) == 1
            and commas[0] - side.end <= SIDELINE_NAME_REACH
            and gathering.start - commas[0] <= APPOSITION_REACH
        )

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

    def fold_families(self, by_family: dict[str, list[Mention]]) -> None:
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


def decide_kind(encounter: Encounter) -> tuple[str, str]:
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
