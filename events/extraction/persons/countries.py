"""Countries that the words around a name do not give: counterparts listed with their
nationalities, the delegation of the official named just before, and the dateline's country
for domestic ranks."""

from __future__ import annotations

import itertools

from events.extraction.annotate import is_country_like
from events.extraction.persons.cast import Cast
from events.extraction.persons.model import DOMESTIC_RANKS, Person
from events.extraction.persons.spans import NameSpans, Run

COUNTERPART_REACH_BEFORE = 7  # tokens from "counterparts" back to its nationalities
COUNTERPART_REACH_AFTER = 3  # "counterpart from Japan, X"


class Countries:
    def __init__(self, spans: NameSpans, cast: Cast) -> None:
        self.spans = spans
        self.cast = cast
        self.res = spans.res
        self.tokens = spans.tokens

    def counterparts(self, runs: list[Run], described: dict[Run, Person]) -> None:
        """'his Greek, Cypriot and French counterparts, A, B and C': countries in order."""
        tokens = self.tokens
        places = self.spans.ann.places
        for token in tokens:
            if token.key not in self.res.counterpart:
                continue
            sentence = token.sentence
            demonyms = [
                p
                for p in places
                if p.sentence == sentence
                and token.i - COUNTERPART_REACH_BEFORE <= p.start < token.i
                and is_country_like(p)
            ]
            # "his counterpart from Japan, X", "son homologue russe, X"
            after = [
                p
                for p in places
                if p.sentence == sentence
                and token.i < p.start <= token.i + COUNTERPART_REACH_AFTER
                and is_country_like(p)
            ]
            demonyms = demonyms or after
            allowed = {",", "-"} | self.res.list_words | self.res.origin_words | self.res.of_words
            covered = {k for p in after for k in range(p.start, p.end)}
            names: list[Run] = []
            for start, end in runs:
                if tokens[start].sentence != sentence or start <= token.i:
                    continue
                between = [
                    k
                    for k in range((names[-1][1] if names else token.i + 1), start)
                    if k not in covered
                ]
                if any(tokens[k].key not in allowed for k in between):
                    break
                names.append((start, end))
            if not demonyms or not names:
                continue
            pairs = (
                zip(demonyms, names, strict=False)
                if len(demonyms) == len(names)
                else [(demonyms[0], names[0])]
            )
            for demonym, (start, end) in pairs:
                person = described.get((start, end))
                if person is not None:
                    self.cast.set_country(person, demonym.place.country, "explicit")
                    person.counterpart = True
                else:
                    described[(start, end)] = self.cast.name(
                        start, end, None, demonym.place.country, "explicit", counterpart=True
                    )

    def inherit(self) -> None:
        """'UAE President X and Oil Minister Y': the second has the first's country."""
        ordered = sorted(self.cast.mentions, key=lambda mention: mention.start)
        for previous, mention in itertools.pairwise(ordered):
            person = mention.person
            if person.country or previous.sentence != mention.sentence or person is previous.person:
                continue
            between = {self.tokens[k].key for k in range(previous.end, mention.start)}
            if any(
                is_country_like(self.spans.place(k)) for k in range(previous.end, mention.start)
            ):
                continue
            sentence_start = self.spans.doc.sentences[mention.sentence][0]
            before = {self.tokens[k].key for k in range(sentence_start, previous.start)}
            if before & self.res.opposing_words:
                continue  # "talks between A and B": two sides, not one delegation
            if between & self.res.joining_words and previous.person.country:
                self.cast.set_country(person, previous.person.country, "inherited")

    def home(self, home_country: str | None) -> None:
        """Domestic ranks without a country are the dateline's country's officials; where a
        language's press is one country's (`press_country`: Indonesian), a dateline abroad
        still means that country's: its reporters travel with their ministers, and name a
        foreign minister's country. Without a dateline nobody is assumed."""
        if home_country:
            home_country = self.res.lexicon.get("people", {}).get("press_country") or home_country
        if not home_country:
            return
        for person in self.cast.persons:
            if person.country is None and person.rank in DOMESTIC_RANKS and not person.organisation:
                self.cast.set_country(person, home_country, "home")
