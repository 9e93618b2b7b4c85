"""Where an encounter takes place. While candidates are read (`Venues`): a place a venue or
destination word introduces near the meeting word, a place right after a travel word, a named
gathering's seat, "the Indian capital", or the countries of a listed tour. For the finding:
the dateline's place for talks at home and the capital for envoys' talks (`place_venue`), no
venue for a call and the state that held the place on the day (`settle_venue`)."""

from __future__ import annotations

import datetime as dt

from events.extraction.annotate import Mention, is_country_like
from events.extraction.dateline import Dateline
from events.extraction.dates import ResolvedDate
from events.extraction.gazetteer import CITY, COUNTRY, ORGANISATION, Place, capital
from events.extraction.history import country_on
from events.extraction.meetings.model import (
    CALL,
    MULTILATERAL,
    VISIT,
    Cue,
    Encounter,
    Venue,
    words_of,
)
from events.extraction.meetings.reading import Part
from events.extraction.names import fold

MAX_VENUE_GAP = 10  # tokens between a meeting word and a place introduced by "in", "to"
NAMED_VENUE_WORDS = 12  # words of a venue's name and its town before the place
NAME_JOINERS = frozenset({"of", "the", ",", "-", "(", ")"})  # inside a venue's name


class Venues(Part):
    def _names_between(self, triggers: list[Mention], place: Mention) -> int:
        """'a visit by the then speaker, Jane Doe, to Taiwan': the visitor's name and its commas
        stand between the meeting word and the place, and are no distance."""
        first = min(trigger.end for trigger in triggers)
        return sum(
            mention.end - mention.start + 2 * (self.keys[mention.end] == ",")
            for mention in self.people.in_sentence(place.sentence)
            if first <= mention.start and mention.end < place.start
        )

    def find(
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
        # "to"/"for" name where someone travels; a summit is held "in"/"at" a place ("the summit
        # reaffirmed support for Ruritania" names no venue).
        only_gatherings = all(trigger.label == MULTILATERAL for trigger in triggers)
        destinations = frozenset() if only_gatherings else self.res.destination_words
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
                    or before[-1] in destinations
                    or (
                        len(before) > 1
                        and before[-2] in self.res.venue_words | destinations
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
            if not direct and distance - self._names_between(triggers, reach) > MAX_VENUE_GAP:
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

    def introduced_place(self, place: Mention, sentence_start: int) -> bool:
        """'in the United States', 'ke Rusia': a place named as where, not as who."""
        before = self.keys[max(place.start - 2, sentence_start) : place.start]
        words = self.res.venue_words | self.res.destination_words
        return bool(before) and (
            before[-1] in words
            or (len(before) == 2 and before[0] in words and before[1] in self.res.venue_fillers)
        )

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
            and steps < NAMED_VENUE_WORDS
            # "di Bandara Tentera Udara Diraja Malaysia (TUDM), Subang, Malaysia"
            and (self.doc.tokens[i].capitalized or self.keys[i] in NAME_JOINERS)
        ):
            i -= 1
            steps += 1
        if steps > 0 and i >= sentence_start and self.keys[i] in self.res.venue_words:
            return i
        return None

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


def _gap(place: Mention, trigger: Mention) -> int:
    return min(abs(place.start - trigger.end), abs(trigger.start - place.end))


def place_venue(encounter: Encounter, dateline: Dateline, reference: dt.date) -> None:
    """A venue or city the words did not give: the dateline's, or the capital where envoys serve."""
    _dateline_venue(encounter, dateline, reference)
    _mission_city(encounter)


def _dateline_venue(encounter: Encounter, dateline: Dateline, reference: dt.date) -> None:
    """Undated talks 'here': the dateline's place, when one side is at home there."""
    if encounter.family != "encounter" or dateline.country is None:
        return
    home = country_on(dateline.country, reference)
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
                (*words_of(earlier), dateline.city),
                earlier.sentence if earlier else None,
            )


def _mission_city(encounter: Encounter) -> None:
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
            (*words_of(earlier), seat.name),
            earlier.sentence if earlier else None,
        )


def settle_venue(encounter: Encounter, date: ResolvedDate | None, reference: dt.date) -> None:
    """A call has no venue; a venue takes the state that held it on the meeting's day."""
    if encounter.family == CALL:
        encounter.venue = None
    elif encounter.venue is not None:
        day = date.start if date else reference
        encounter.venue.country = country_on(encounter.venue.country, day)
