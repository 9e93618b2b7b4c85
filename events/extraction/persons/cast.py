"""The people of one article: who a named span is, and every mention of them.

A span named with a title or office, or known to the directory, becomes a person, or another
mention of one already met: the same directory actor, or a name whose words are part of theirs
("Putin" after "Vladimir Putin", transliterations alike). A person keeps the best title seen and
the country from the strongest source (`model.SOURCE_STRENGTH`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from events.extraction.names import fold, name_tokens, skeleton, stemmed_tokens
from events.extraction.persons.model import (
    RANK_ORDER,
    SOURCE_STRENGTH,
    Person,
    PersonMention,
    TitleGroup,
)
from events.extraction.persons.spans import NameSpans
from events.extraction.types import KnownActor

MIN_NEW_NAME_WORDS = 2  # a given name and a surname


class Cast:
    def __init__(self, spans: NameSpans, reference: dt.date) -> None:
        self.spans = spans
        self.doc = spans.doc
        self.res = spans.res
        self.directory = spans.directory
        self.reference = reference
        self.tokens = spans.tokens
        self.persons: list[Person] = []
        self.mentions: list[PersonMention] = []

    # --- the directory ------------------------------------------------------------------------

    def known_span(
        self, start: int, end: int, title_start: int | None = None
    ) -> tuple[KnownActor, int, int] | None:
        """The known actor a run names, and the part of the run that names them (a sentence's
        first word is no part of the name). With the title before the run, the directory may
        know the two together: "King Fahd", "Queen Elizabeth"."""
        if title_start is not None:
            words = " ".join(self.tokens[i].text for i in range(title_start, end))
            found = self.directory.lookup(words, self.res.name_endings)
            if found:
                return found[0], start, end
        spans = [(start, end)]
        if end - start > 2:
            spans += [(start + 1, end), (start, end - 1)]
        for span_start, span_end in spans:
            words = " ".join(self.tokens[i].text for i in range(span_start, span_end))
            found = self.directory.lookup(words, self.res.name_endings)
            if found:
                return found[0], span_start, span_end
        return None

    def _same_known(self, known: KnownActor | None) -> Person | None:
        """'Jokowi' after 'Joko Widodo': two names the directory knows as one person."""
        if known is None:
            return None
        return next(
            (p for p in self.persons if p.known is not None and p.known.key == known.key), None
        )

    # --- people and mentions --------------------------------------------------------------------

    def words(self, name: str) -> set[str]:
        """A name's words for comparing mentions; without case endings where names decline."""
        if self.res.name_endings:
            return set(stemmed_tokens(name, self.res.name_endings))
        return set(name_tokens(name))

    def _ending_weight(self, name: str) -> int:
        """How much of a mention is case endings: the least-declined mention names a person."""
        tokens = name_tokens(name)
        return sum(len(t) for t in tokens) - sum(
            len(t) for t in stemmed_tokens(name, self.res.name_endings)
        )

    def match(self, words: set[str], country: str | None) -> Person | None:
        """The person met before whose name these words are part of (or who is part of them)."""
        best = None
        for person in self.persons:
            if country and person.country and country != person.country:
                continue
            if (
                words <= person.tokens
                or person.tokens <= words
                or _skeletons_match(words, person.tokens)
            ) and (best is None or len(person.mentions) > len(best.mentions)):
                best = person
        return best

    def add_mention(self, person: Person, start: int, end: int, nominal: bool = False) -> None:
        mention = PersonMention(start, end, self.tokens[start].sentence, person, nominal)
        person.mentions.append(mention)
        self.mentions.append(mention)

    def set_country(self, person: Person, country: str | None, source: str) -> None:
        if country and SOURCE_STRENGTH[source] > SOURCE_STRENGTH[person.country_source]:
            person.country, person.country_source = country, source

    def name(
        self,
        start: int,
        end: int,
        group: TitleGroup | None,
        country: str | None,
        source: str,
        counterpart: bool = False,
        title_start: int | None = None,
    ) -> Person | None:
        """The person a described span names (created when new), with what describes them;
        None when the span shows no sign of being a person's name."""
        name = self.spans.name_text(start, end)
        words = self.words(name)
        if not words:
            return None
        found = self.known_span(start, end, title_start)
        known = found[0] if found else None
        if known and known.country and country and known.country != country:
            known = None  # "Foreign Minister of Timor-Leste Guterres" is not the UN's Guterres
        person = self._same_known(known) or self.match(words, country)
        if person is None and known is None:
            if self._royal(title_start) and len(words) < MIN_NEW_NAME_WORDS:
                # Royals go by one name with their title: "Prince Philip", "Queen Rania".
                name = self.doc.span_text(title_start, end)  # matched by the name alone
            elif not self._new_name(start, end, words):
                return None
        if person is None:
            person = Person(name=name, tokens=words)
            self.persons.append(person)
        elif len(words) > len(person.tokens) or (
            len(words) == len(person.tokens)
            and self.res.name_endings
            and self._ending_weight(name) < self._ending_weight(person.name)
        ):
            person.tokens |= words
            if not person.known:  # a known actor keeps the directory's name
                person.name = name
        if known and person.country and known.country and known.country != person.country:
            known = None
        if known and not person.known:
            self._know(person, known, name)
        if group and group.title and RANK_ORDER.get(group.rank, 0) > RANK_ORDER.get(person.rank, 0):
            person.title, person.rank = group.title, group.rank
        if group:
            person.organisation = person.organisation or group.organisation
            person.former = person.former or group.former
        self.set_country(person, country, source)
        person.counterpart = person.counterpart or counterpart
        self.add_mention(person, start, end)
        return person

    def _royal(self, title_start: int | None) -> bool:
        return title_start is not None and self.spans.title(title_start).label == "royal"

    def _new_name(self, start: int, end: int, words: set[str]) -> bool:
        """Whether a described span nobody knows may name a new person: a given name and a
        surname at least (a bare "Charles" or "Retno" is someone named in full elsewhere, or
        nobody) unless the language's officials often go by one name, and no word of an
        office or an organisation (places are no name words: `spans`)."""
        evidence = self.spans.evidence
        if len(words) < MIN_NEW_NAME_WORDS and not (
            self.res.one_word_names
            and start != self.doc.sentences[self.tokens[start].sentence][0]
            and evidence.one_word_name(next(iter(words)))
        ):
            return False  # a sentence's first word is capitalised whatever it is
        if evidence.everyday_words(start, end):
            return False  # "Media", "Political Consultative": words the article uses lowercase
        written = self.doc.span_text(start, end).split()  # "Co-operative" is one word here
        return not any(self.spans.office_word(fold(word)) for word in written)

    def _know(self, person: Person, known: KnownActor, name: str) -> None:
        """The directory's actor is this person: their name, country and offices."""
        person.known = known
        if known.in_office_until and known.in_office_until < self.reference:
            person.former = True  # out of every office the directory knows of
        if len(name_tokens(known.name)) >= len(person.tokens):
            person.name = known.name
        if known.organisation_since and known.organisation_since <= self.reference:
            person.organisation = True  # the UN Secretary-General speaks for the UN
        else:
            self.set_country(person, known.country, "known")


def _skeletons_match(a: set[str], b: set[str]) -> bool:
    """Transliteration variants: 'Ahmed al-Sharaa' and 'Ahmad al-Sharaa'."""
    if not a or not b:
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if any(len(word) <= 2 for word in small):
        return False
    return _skeleton_set(frozenset(small)) <= _skeleton_set(frozenset(large))


@lru_cache(maxsize=20_000)
def _skeleton_set(words: frozenset[str]) -> frozenset[str]:
    return frozenset(skeleton(word) for word in words if len(word) > 2)
