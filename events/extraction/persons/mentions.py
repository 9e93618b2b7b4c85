"""Later mentions of people already named: an undescribed part of their name ("Putin"), a title
alone ("the Qatari leader", "pemimpin Rusia itu"), a town's name that is their surname, and words
of their name in a headline."""

from __future__ import annotations

from events.extraction.annotate import is_country_like
from events.extraction.gazetteer import CITY
from events.extraction.persons.cast import Cast
from events.extraction.persons.spans import NameSpans, Run
from events.extraction.persons.titles import TitleGroups

HEADLINE_WORD_LENGTH = 4  # shorter headline words are too often something else


class Mentions:
    def __init__(self, spans: NameSpans, titles: TitleGroups, cast: Cast) -> None:
        self.spans = spans
        self.titles = titles
        self.cast = cast
        self.doc = spans.doc
        self.res = spans.res
        self.tokens = spans.tokens

    def _covered(self) -> set[int]:
        return {i for mention in self.cast.mentions for i in range(mention.start, mention.end)}

    def undescribed(self, runs: list[Run]) -> None:
        """A name without title or directory entry that is part of someone's name."""
        for start, end in runs:
            words = self.cast.words(self.doc.span_text(start, end))
            person = self.cast.match(words, None) if words else None
            if person is not None:
                self.cast.add_mention(person, start, end)

    def nominals(self, runs: list[Run]) -> None:
        """'the Qatari leader': a title without a name names the official last named so."""
        run_starts = {start for start, _ in runs}
        covered = self._covered() | self._pair_phrases()
        spans = self.spans
        # "pemilihan presiden AS", "candidate for president": the office, not its holder.
        offices = frozenset(self.res.lexicon.get("people", {}).get("office_before_title", ()))
        for title in spans.ann.titles:
            if title.label in {"courtesy", "other"} or title.start in covered:
                continue
            end = title.end
            while end < len(self.tokens) and is_country_like(spans.place(end)):
                end = spans.place(end).end
            if end in run_starts or (end < len(self.tokens) and self.tokens[end].text == ","):
                continue
            start = title.start
            while start > 0 and (
                is_country_like(spans.place(start - 1))
                or self.tokens[start - 1].key in self.res.possessives
            ):
                start = spans.place(start - 1).start if spans.place(start - 1) else start - 1
            if start > 0 and self.tokens[start - 1].key in offices:
                continue
            group = self.titles.describe(start, end)
            if group is None:
                continue
            candidates = [
                person
                for person in self.cast.persons
                if person.mentions
                and min(m.start for m in person.mentions) < start
                and person.official
                and (group.country is None or person.country == group.country)
                and (
                    group.country is not None
                    or (person.title or "").lower() == (group.title or "").lower()
                )
                and (person.rank == group.rank or (group.rank == "head" and person.rank == "royal"))
            ]
            if candidates:
                latest = max(
                    candidates, key=lambda p: max(m.start for m in p.mentions if m.start < start)
                )
                self.cast.add_mention(latest, start, end, nominal=True)

    def _pair_phrases(self) -> set[int]:
        """Tokens of 'the two leaders': several people, not one to resolve."""
        keys = self.doc.keys
        positions = self.doc.positions
        phrases = [phrase.split() for phrase in self.res.pair_words]
        firsts = {words[0] for words in phrases}
        covered: set[int] = set()
        # Only where a phrase's first word stands (the document's index of words).
        for first in firsts & positions.keys():
            for i in positions[first]:
                for words in phrases:
                    if keys[i : i + len(words)] == words:
                        covered.update(range(i, i + len(words)))
        return covered

    def surnames_that_are_towns(self) -> None:
        """'Rubio said': a town's name that is the surname of someone named before."""
        covered = self._covered()
        for place in self.spans.ann.places:
            if place.label != CITY or place.end - place.start != 1 or place.start in covered:
                continue
            token = self.tokens[place.start]
            if not token.capitalized or place.place.capital:
                continue
            matches = [
                person
                for person in self.cast.persons
                if token.key in person.tokens and person.official
            ]
            if len(matches) == 1 and len(matches[0].tokens) > 1:
                self.cast.add_mention(matches[0], place.start, place.end)

    def in_headlines(self) -> None:
        """In headlines (in capitals or Title Case), surnames of people named elsewhere."""
        headlines = set(self.doc.headline_sentences)
        if self.doc.shouting_title:
            headlines |= set(range(self.doc.title_sentences))
        covered = self._covered()
        for token in self.tokens:
            if token.sentence not in headlines or token.i in covered:
                continue
            if len(token.key) < HEADLINE_WORD_LENGTH or not any(ch.isalpha() for ch in token.text):
                continue
            key = next(iter(self.cast.words(token.text)), token.key)
            matches = [
                person for person in self.cast.persons if key in person.tokens and person.official
            ]
            if len(matches) == 1:
                self.cast.add_mention(matches[0], token.i, token.i + 1)
