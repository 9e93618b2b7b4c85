"""Officials named in an article, with their country and title, and every mention of them.

A name counts when something says it is an official's: a title before it ("Presiden Rusia
Vladimir Putin"), an apposition ("Abbas Araghchi, Iran's foreign minister"), "of" a country
("King Fahd of Saudi Arabia"), a counterpart ("his Greek counterpart Nikos Dendias"), or the
directory of known actors. Later mentions by part of the name ("Putin", "Menlu Retno"), by a
title alone ("the Saudi leader", "Pemimpin Rusia itu") or in a shouted headline resolve to
the same person.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from events.extraction.annotate import Annotations, Mention, is_country_like
from events.extraction.document import Document
from events.extraction.gazetteer import CITY, ORGANISATION
from events.extraction.names import name_tokens, skeleton, stemmed_tokens
from events.extraction.people import ActorDirectory
from events.extraction.resources import Resources
from events.extraction.types import KnownActor

FORMER_REACH = 10  # tokens between a name and "stepped down"
OFFICIAL_RANKS = {
    "head",
    "minister",
    "deputy",
    "diplomat",
    "military",
    "royal",
    "legislator",
    "party",
}
# Ranks of officials who, untitled by country, are taken for the article's home country.
DOMESTIC_RANKS = {"head", "minister", "deputy", "military", "legislator", "party"}
_ROMAN = re.compile(r"^(I{1,3}|IV|V|VI{0,3}|Jr\.?|Sr\.?)$")
_INITIAL = re.compile(r"^[A-Z]\.?$")
_GROUP_MARKS = {"&", "-", "(", ")"}
_STOPS = {".", ";", ":", "!", "?", '"', "“", "”", "«", "»"}


@dataclass
class TitleGroup:
    start: int
    end: int
    title: str | None
    rank: str | None
    country: str | None
    organisation: bool
    former: bool = False  # "former President": out of office


@dataclass
class PersonMention:
    start: int
    end: int
    sentence: int
    person: Person
    nominal: bool = False


@dataclass(eq=False)
class Person:
    name: str
    tokens: set[str]
    country: str | None = None
    country_source: str = ""
    title: str | None = None
    rank: str | None = None
    known: KnownActor | None = None
    organisation: bool = False
    counterpart: bool = False
    former: bool = False  # out of office: "former President", or no office left in the directory
    mentions: list[PersonMention] = field(default_factory=list)

    @property
    def official(self) -> bool:
        if self.former:
            return False  # a former president on a private trip meets nobody as an official
        return bool(
            self.known
            or self.counterpart
            or (self.rank in OFFICIAL_RANKS and not self.organisation)
        )

    @property
    def first(self) -> int:
        return min(mention.start for mention in self.mentions)


# Which title describes a person best when several are seen: a state office over a courtesy.
_RANK_ORDER = {rank: 3 for rank in OFFICIAL_RANKS} | {"organisation": 2, "other": 1, "courtesy": 0}
_SOURCE_STRENGTH = {"explicit": 5, "known": 4, "apposition": 4, "inherited": 2, "home": 1, "": 0}


@dataclass
class People:
    persons: list[Person]
    mentions: list[PersonMention]

    def in_sentence(self, sentence: int) -> list[PersonMention]:
        return [mention for mention in self.mentions if mention.sentence == sentence]


class PersonFinder:
    def __init__(
        self,
        doc: Document,
        annotations: Annotations,
        resources: Resources,
        directory: ActorDirectory,
        home_country: str | None,
        reference: dt.date,
    ) -> None:
        self.reference = reference
        self.doc = doc
        self.ann = annotations
        self.res = resources
        self.directory = directory
        self.home_country = home_country
        self.tokens = doc.tokens
        self.persons: list[Person] = []
        self.mentions: list[PersonMention] = []
        self.run_ending_at: dict[int, tuple[int, int]] = {}
        self._name_words: dict[int, bool] = {}  # token index -> may be part of a name

    # --- tokens ----------------------------------------------------------------------------

    def _place(self, i: int) -> Mention | None:
        return self.ann.place_at[i]

    def _title(self, i: int) -> Mention | None:
        return self.ann.title_at[i]

    def _name_word(self, i: int) -> bool:
        known = self._name_words.get(i)
        if known is None:
            known = self._name_words[i] = self._is_name_word(i)
        return known

    def _is_name_word(self, i: int) -> bool:
        token = self.tokens[i]
        if not token.capitalized or not any(ch.isalpha() for ch in token.text):
            return False
        if "." in token.text[1:-1]:
            return False  # "ASEAN.Melanjutkan": two words run together
        if token.key in self.res.not_names or self._title(i) is not None:
            return False
        if self.res.dates.months.get(token.key.rstrip(".")) or token.key in self.res.dates.weekdays:
            return False
        place = self._place(i)
        if place is not None and not self._name_like_city(place, i):
            return False
        if token.text.isupper() and len(token.text) > 1 and not _ROMAN.match(token.text):
            return bool(self.directory.lookup(token.text))  # "SBY", "AMLO"; not "US", "NATO"
        return True

    def _name_like_city(self, place: Mention, i: int, depth: int = 0) -> bool:
        """A town's name beside another name is part of a name: "Barack Obama", "Vladimir
        Putin", and "Secretary of State Marco Rubio" (two towns in a row after a title)."""
        if (
            place.label != CITY
            or place.place is None
            or place.end - place.start > 1
            or (
                not place.place.alternate
                and (place.place.capital or place.place.population >= 500_000)
            )
        ):
            return False
        if place.place.alternate and self._joins_a_name(i):
            return True  # "Presiden Suriah Ahmad al-Sharaa": "Ahmad" is no town here
        previous_title = self._title(i - 1) if i > 0 else None
        after_title = previous_title is not None and previous_title.label in {
            "royal",
            "courtesy",
            "head",
            "minister",
            "deputy",
        }
        return (
            after_title
            or self._plain_word(i - 1)
            or self._plain_word(i + 1)
            or (depth < 2 and i > 0 and self._town_in_name(i - 1, depth + 1))
        )

    def _joins_a_name(self, i: int) -> bool:
        """A name particle or another capitalised word right after token i."""
        following = i + 1
        if (
            following >= len(self.tokens)
            or self.tokens[following].sentence != self.tokens[i].sentence
        ):
            return False
        token = self.tokens[following]
        return token.key in self.res.name_particles or (
            token.capitalized and token.alpha and self._place(following) is None
        )

    def _town_in_name(self, i: int, depth: int) -> bool:
        place = self._place(i)
        return place is not None and self._name_like_city(place, i, depth)

    def _plain_word(self, i: int) -> bool:
        """A capitalised word that is neither a place, a title nor a known non-name."""
        if i < 0 or i >= len(self.tokens):
            return False
        token = self.tokens[i]
        return (
            token.capitalized
            and token.alpha
            and self._place(i) is None
            and self._title(i) is None
            and token.key not in self.res.not_names
        )

    def _glued(self, i: int) -> bool:
        """Token i is a hyphen written without spaces between two words: "al-Sharaa"."""
        return (
            self.tokens[i].text in {"-", "‐"}
            and i > 0
            and not self.tokens[i - 1].space_after
            and not self.tokens[i].space_after
        )

    def _name_runs(self) -> list[tuple[int, int]]:
        runs: list[tuple[int, int]] = []
        tokens = self.tokens
        count = len(tokens)
        i = 0
        while i < count:
            start = self._run_start(i)
            if start is None:
                i += 1
                continue
            j = start
            if not self._name_word(start) and tokens[start].key in self.res.not_names:
                j += 1  # the everyday-word surname _run_start let in ("He Lifeng")
            while j < count and tokens[j].sentence == tokens[start].sentence:
                if (
                    self._name_word(j)
                    or (j > start and _INITIAL.match(tokens[j].text))
                    or (j > start and _ROMAN.match(tokens[j].text) and tokens[j - 1].capitalized)
                ):
                    j += 1
                elif j + 1 < count and self._glued(j) and tokens[j + 1].alpha:
                    j += 2
                elif j > start and j + 2 < count and self._glued(j + 1) and tokens[j].capitalized:
                    j += 1  # "Chung In-yong": a hyphenated given name
                elif (
                    tokens[j].key in self.res.name_particles
                    and j + 1 < count
                    and tokens[j + 1].sentence == tokens[j].sentence
                    and (
                        self._name_word(j + 1)
                        or self._glued(j + 1)
                        or self._spaced_hyphen(j + 1)
                        or (
                            j > start
                            and self._title(j + 1) is not None
                            and tokens[j + 1].capitalized
                        )
                    )
                ):
                    j += 1
                elif (
                    j > start
                    and tokens[j - 1].key in self.res.name_particles
                    and tokens[j].capitalized
                    and self._title(j) is not None
                ):
                    j += 1  # "bin Sultan": after a particle, a title word is a name
                elif (
                    self._spaced_hyphen(j)
                    and j > start
                    and tokens[j - 1].key in self.res.name_particles
                ):
                    j += 1
                else:
                    break
            while j > start and (
                tokens[j - 1].key in self.res.name_particles or tokens[j - 1].text in {"-", "‐"}
            ):
                j -= 1
            if j > start and any(self._name_word(k) for k in range(start, j)):
                runs.append((start, j))
                i = j
            else:
                i = start + 1
        return runs

    def _run_start(self, i: int) -> int | None:
        token = self.tokens[i]
        if not token.capitalized and token.key not in self.res.name_particles:
            return None
        if (
            token.key in self.res.not_names
            and token.capitalized
            and token.alpha
            and self._title(i) is None
            and self._place(i) is None
            and i > 0
            and self._title(i - 1) is not None
            and i + 1 < len(self.tokens)
            and self._name_word(i + 1)
            and self.tokens[i + 1].sentence == token.sentence
        ):
            return i  # "Vice Premier He Lifeng": a surname that is also an everyday word
        if self._name_word(i) or (
            _INITIAL.match(self.tokens[i].text)
            and i + 1 < len(self.tokens)
            and self._name_word(i + 1)
        ):
            return i
        if (
            token.key in self.res.name_particles
            and i + 2 < len(self.tokens)
            and (self._glued(i + 1) or self._spaced_hyphen(i + 1))
            and self._name_word(i + 2)
        ):
            return i
        return None

    def _spaced_hyphen(self, i: int) -> bool:
        return i < len(self.tokens) and self.tokens[i].text in {"-", "‐"}

    # --- what surrounds a name ---------------------------------------------------------------

    def _inside_name_of_body(self, run: tuple[int, int]) -> bool:
        """'Partai Komunis Vietnam': capitalised words between a title and a country belong
        to an institution's name, not to a person."""
        _start, end = run
        place = self._place(end) if end < len(self.tokens) else None
        return is_country_like(place) or (place is not None and place.label == ORGANISATION)

    def _group_before(self, position: int, strict_edge: bool = False) -> TitleGroup | None:
        group = self._scan_group(position, strict_edge)
        return group

    def _scan_group(self, position: int, strict_edge: bool) -> TitleGroup | None:
        """The title (with country) written before a name that starts at `position`."""
        tokens = self.tokens
        if position == 0:
            return None
        sentence = tokens[position - 1].sentence
        if position < len(tokens) and tokens[position].sentence != tokens[position - 1].sentence:
            return None
        edge = position - 1
        if strict_edge and not (
            self._title(edge)
            or self._place(edge)
            or any(ch.isdigit() for ch in tokens[edge].text)
            or tokens[edge].text == ")"
        ):
            return None
        start = position
        seen_title = False
        i = position - 1
        while i >= 0 and position - i <= 14 and tokens[i].sentence == sentence:
            token = tokens[i]
            title = self._title(i)
            place = self._place(i)
            if title is not None:
                seen_title = True
                start = title.start
                i = title.start - 1
                continue
            if place is not None and place.label != CITY:
                start = place.start
                i = place.start - 1
                continue
            if token.key in self.res.possessives or token.key in self.res.of_words:
                i -= 1
                continue
            if token.text == "," and tokens[i + 1].key in self.res.joining_words:
                break  # "A, Iran's foreign minister, and B": the title is A's
            if token.text == "," and not seen_title:
                i -= 1
                continue
            run = self.run_ending_at.get(i)
            if run is not None and not self._inside_name_of_body(run):
                break  # another person's name: "President X and Y"
            if (
                token.key in _GROUP_MARKS
                or token.key in self.res.title_fillers
                or token.key in self.res.title_modifiers
                or (token.capitalized and token.alpha)
            ):
                i -= 1
                continue
            if (
                token.alpha
                and not seen_title
                and token.key not in self.res.reporting_words
                and token.key not in self.res.pronouns
                and i > 0
                and tokens[i - 1].key in {"the", "of", "in"}
                and self._title_within(i, sentence, 4)
            ):
                i -= 1  # "minister of state in the presidency Balaki Kirya"
                continue
            if any(ch.isdigit() for ch in token.text) and not token.text.isdigit():
                i -= 1
                continue
            break
        if start == position:
            return None
        return self._describe_group(start, position)

    def _title_within(self, i: int, sentence: int, distance: int) -> bool:
        for k in range(i - 1, max(i - 1 - distance, -1), -1):
            if self.tokens[k].sentence != sentence:
                return False
            if self._title(k) is not None and self._title(k).label != "courtesy":
                return True
        return False

    def _delegation_country(self, start: int) -> str | None:
        """'A Ugandan mission led by ... Balaki Kirya': the delegation's country."""
        tokens = self.tokens
        sentence = tokens[start].sentence
        for k in range(start - 1, max(start - 12, -1), -1):
            if tokens[k].sentence != sentence:
                return None
            if tokens[k].key in self.res.led_by or (
                k + 1 < start and f"{tokens[k].key} {tokens[k + 1].key}" in self.res.led_by
            ):
                for j in range(k - 1, max(k - 7, -1), -1):
                    place = self._place(j)
                    if is_country_like(place):
                        return place.place.country
                return None
        return None

    def _describe_group(self, start: int, end: int) -> TitleGroup | None:
        titles = [t for t in self.ann.titles if start <= t.start and t.end <= end]
        if not titles:
            return None
        if start > 0 and self.tokens[start - 1].key in self.res.facility_words:
            return None  # "Istana Presiden Arg", "the Presidential Palace": a building's name
        ranked = [t for t in titles if t.label != "courtesy"] or titles
        main = ranked[-1]
        countries = [
            p for p in self.ann.places if start <= p.start and p.end <= end and is_country_like(p)
        ]
        organisations = [
            p
            for p in self.ann.places
            if start <= p.start and p.end <= end and p.label == ORGANISATION
        ]
        org_words = any(
            self.tokens[i].key in self.res.organisation_words for i in range(start, end)
        )
        country = countries[-1].place.country if countries else self._delegation_country(start)
        former = any(self.tokens[i].key in self.res.former_words for i in range(start, end))
        return TitleGroup(
            former=former,
            start=start,
            end=end,
            title=self.doc.span_text(main.start, main.end),
            rank=main.label,
            country=country,
            organisation=country is None
            and (bool(organisations) or org_words or main.label == "organisation"),
        )

    def _country_after(self, end: int) -> str | None:
        """'King Fahd of Saudi Arabia': a country after the name, joined by 'of'."""
        tokens = self.tokens
        if end + 1 < len(tokens) and tokens[end].key in self.res.of_words:
            place = self._place(end + 1)
            if is_country_like(place) and place.start == end + 1:
                return place.place.country
        return None

    def _apposition_after(self, end: int) -> TitleGroup | None:
        """'Abbas Araghchi, Iran's foreign affairs minister,': a title after the name."""
        tokens = self.tokens
        if end >= len(tokens) or tokens[end].text != ",":
            return None
        sentence = tokens[end].sentence
        stop = end + 1
        while (
            stop < len(tokens)
            and stop - end <= 16
            and tokens[stop].sentence == sentence
            and tokens[stop].text not in {",", ")", *_STOPS}
        ):
            stop += 1
        titles = [
            t for t in self.ann.titles if end < t.start and t.end <= stop and t.label != "courtesy"
        ]
        if not titles or titles[0].start - end > 5:
            return None
        group = self._describe_group(end + 1, stop)
        if group and group.country is None:
            later = [
                p for p in self.ann.places if end < p.start and p.end <= stop and is_country_like(p)
            ]
            if later:
                group.country = later[0].place.country
                group.organisation = False
        return group

    def _apposition_before(self, start: int) -> TitleGroup | None:
        """'the Italian foreign minister, Luigi Di Maio': a title, a comma, then the name."""
        if start < 2 or self.tokens[start - 1].text != ",":
            return None
        return self._group_before(start - 1, strict_edge=True)

    # --- people ------------------------------------------------------------------------------

    def _lookup_known(self, start: int, end: int) -> KnownActor | None:
        found = self._known_span(start, end)
        return found[0] if found else None

    def _known_span(self, start: int, end: int) -> tuple[KnownActor, int, int] | None:
        """The known actor a run names, and the part of the run that names them ("Отставка
        Бориса Джонсона": a sentence's first word is no part of the name)."""
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

    def _match_person(self, words: set[str], country: str | None) -> Person | None:
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

    def _add_mention(self, person: Person, start: int, end: int, nominal: bool = False) -> None:
        mention = PersonMention(start, end, self.tokens[start].sentence, person, nominal)
        person.mentions.append(mention)
        self.mentions.append(mention)

    def _set_country(self, person: Person, country: str | None, source: str) -> None:
        if country and _SOURCE_STRENGTH[source] > _SOURCE_STRENGTH[person.country_source]:
            person.country, person.country_source = country, source

    def _words(self, name: str) -> set[str]:
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

    def _strong(
        self,
        start: int,
        end: int,
        group: TitleGroup | None,
        country: str | None,
        source: str,
        counterpart: bool = False,
    ) -> Person | None:
        name = self.doc.span_text(start, end)
        words = self._words(name)
        if not words:
            return None
        known = self._lookup_known(start, end)
        if known and known.country and country and known.country != country:
            known = None  # "Menlu Timor-Leste Guterres" is not the UN's António Guterres
        person = self._same_known(known) or self._match_person(words, country)
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
            person.known = known
            if known.in_office_until and known.in_office_until < self.reference:
                person.former = True  # out of every office the directory knows of
            if len(name_tokens(known.name)) >= len(person.tokens):
                person.name = known.name
            if known.organisation_since and known.organisation_since <= self.reference:
                person.organisation = True  # the UN Secretary-General speaks for the UN
            else:
                self._set_country(person, known.country, "known")
        if (
            group
            and group.title
            and _RANK_ORDER.get(group.rank, 0) > _RANK_ORDER.get(person.rank, 0)
        ):
            person.title, person.rank = group.title, group.rank
        if group:
            person.organisation = person.organisation or group.organisation
            person.former = person.former or group.former
        self._set_country(person, country, source)
        person.counterpart = person.counterpart or counterpart
        self._add_mention(person, start, end)
        return person

    def find(self) -> People:
        runs = self._name_runs()
        self.run_ending_at = {end - 1: (start, end) for start, end in runs}
        weak: list[tuple[int, int]] = []
        described: dict[tuple[int, int], Person] = {}
        for start, end in runs:
            group = self._group_before(start) or self._apposition_before(start)
            after = self._country_after(end)
            apposition = (
                self._apposition_after(end) if group is None or group.country is None else None
            )
            known_span = self._known_span(start, end)
            if group is None and apposition is None and after is None and known_span is None:
                weak.append((start, end))
                continue
            if known_span and group is None:
                _, start, end = known_span
            country, source = None, ""
            if group and group.country:
                country, source = group.country, "explicit"
            elif after:
                country, source = after, "explicit"
            elif apposition and apposition.country:
                country, source = apposition.country, "apposition"
            person = self._strong(start, end, group or apposition, country, source)
            if person:
                described[(start, end)] = person
        self._counterparts(runs, described)
        for start, end in weak:
            if (start, end) in described:
                continue
            words = self._words(self.doc.span_text(start, end))
            person = self._match_person(words, None) if words else None
            if person is not None:
                self._add_mention(person, start, end)
        self._inherit_countries()
        self._nominals(runs)
        self._headline_mentions()
        self._surname_mentions()
        self._out_of_office()
        for person in self.persons:
            if (
                person.country is None
                and self.home_country
                and person.rank in DOMESTIC_RANKS
                and not person.organisation
            ):
                self._set_country(person, self.home_country, "home")
        self.mentions.sort(key=lambda mention: mention.start)
        return People([person for person in self.persons if person.mentions], self.mentions)

    def _counterparts(self, runs: list[tuple[int, int]], described: dict) -> None:
        """'his Greek, Cypriot and French counterparts, A, B and C': countries in order."""
        tokens = self.tokens
        for token in tokens:
            if token.key not in self.res.counterpart:
                continue
            sentence = token.sentence
            demonyms = [
                p
                for p in self.ann.places
                if p.sentence == sentence
                and token.i - 7 <= p.start < token.i
                and is_country_like(p)
            ]
            # "mitranya dari Jepang, Takeshi Iwaya", "son homologue russe, Sergueï Lavrov"
            after = [
                p
                for p in self.ann.places
                if p.sentence == sentence
                and token.i < p.start <= token.i + 3
                and is_country_like(p)
            ]
            demonyms = demonyms or after
            allowed = {",", "-"} | self.res.list_words | self.res.origin_words | self.res.of_words
            covered = {k for p in after for k in range(p.start, p.end)}
            names = []
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
                    self._set_country(person, demonym.place.country, "explicit")
                    person.counterpart = True
                else:
                    described[(start, end)] = self._strong(
                        start, end, None, demonym.place.country, "explicit", counterpart=True
                    )

    def _inherit_countries(self) -> None:
        """'UAE President Zaid and Oil Minister al-Oteiba': the second has the first's country."""
        ordered = sorted(self.mentions, key=lambda mention: mention.start)
        for previous, mention in itertools.pairwise(ordered):
            person = mention.person
            if person.country or previous.sentence != mention.sentence or person is previous.person:
                continue
            between = {self.tokens[k].key for k in range(previous.end, mention.start)}
            if any(is_country_like(self._place(k)) for k in range(previous.end, mention.start)):
                continue
            sentence_start = self.doc.sentences[mention.sentence][0]
            before = {self.tokens[k].key for k in range(sentence_start, previous.start)}
            if before & self.res.opposing_words:
                continue  # "talks between A and B": two sides, not one delegation
            if between & self.res.joining_words and previous.person.country:
                self._set_country(person, previous.person.country, "inherited")

    def _nominals(self, runs: list[tuple[int, int]]) -> None:
        """'the Saudi leader', 'Pemimpin Rusia itu': a title without a name names someone known."""
        run_starts = {start for start, _ in runs}
        covered = {i for mention in self.mentions for i in range(mention.start, mention.end)}
        covered |= self._pair_phrases()
        for title in self.ann.titles:
            if title.label in {"courtesy", "other"} or title.start in covered:
                continue
            end = title.end
            while end < len(self.tokens) and (is_country_like(self._place(end))):
                end = self._place(end).end
            if end in run_starts or (end < len(self.tokens) and self.tokens[end].text == ","):
                continue
            start = title.start
            while start > 0 and (
                is_country_like(self._place(start - 1))
                or self.tokens[start - 1].key in self.res.possessives
            ):
                start = self._place(start - 1).start if self._place(start - 1) else start - 1
            group = self._describe_group(start, end)
            if group is None:
                continue
            candidates = [
                person
                for person in self.persons
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
                self._add_mention(latest, start, end, nominal=True)

    def _out_of_office(self) -> None:
        """'Months after he stepped down, Barack Obama will holiday in Bali': no official."""
        cues = self.res.former_cues.find(self.doc.keys, self.doc.texts, self.doc.positions)
        for cue in cues:
            sentence = self.tokens[cue.start].sentence
            near = [
                mention
                for mention in self.mentions
                if mention.sentence == sentence and abs(mention.start - cue.start) <= FORMER_REACH
            ]
            if not near:
                continue
            nearest = min(near, key=lambda m: min(abs(m.end - cue.start), abs(cue.end - m.start)))
            low, high = (
                sorted((nearest.end, cue.start))
                if nearest.end <= cue.start
                else (
                    cue.end,
                    nearest.start,
                )
            )
            if any(self._plain_word(i) or self._name_word(i) for i in range(low, high)):
                continue  # someone else between: "Johnson took over after Theresa May stepped down"
            nearest.person.former = True

    def _pair_phrases(self) -> set[int]:
        """Tokens of 'the two leaders', 'kedua pemimpin': several people, not one to resolve."""
        keys = self.doc.keys
        phrases = [phrase.split() for phrase in self.res.pair_words]
        firsts = {words[0] for words in phrases}
        covered: set[int] = set()
        for i, key in enumerate(keys):
            if key not in firsts:
                continue
            for words in phrases:
                if keys[i : i + len(words)] == words:
                    covered.update(range(i, i + len(words)))
        return covered

    def _surname_mentions(self) -> None:
        """'Rubio said': a town's name that is the surname of someone named before."""
        covered = {i for mention in self.mentions for i in range(mention.start, mention.end)}
        for place in self.ann.places:
            if place.label != CITY or place.end - place.start != 1 or place.start in covered:
                continue
            token = self.tokens[place.start]
            if not token.capitalized or place.place.capital:
                continue
            matches = [
                person for person in self.persons if token.key in person.tokens and person.official
            ]
            if len(matches) == 1 and len(matches[0].tokens) > 1:
                self._add_mention(matches[0], place.start, place.end)

    def _headline_mentions(self) -> None:
        """In headlines (in capitals or Title Case), surnames of people named elsewhere."""
        headlines = set(self.doc.headline_sentences)
        if self.doc.shouting_title:
            headlines |= set(range(self.doc.title_sentences))
        covered = {i for mention in self.mentions for i in range(mention.start, mention.end)}
        for token in self.tokens:
            if token.sentence not in headlines or token.i in covered:
                continue
            if len(token.key) < 4 or not any(ch.isalpha() for ch in token.text):
                continue
            key = next(iter(self._words(token.text)), token.key)
            matches = [
                person for person in self.persons if key in person.tokens and person.official
            ]
            if len(matches) == 1:
                self._add_mention(matches[0], token.i, token.i + 1)


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


def find_people(
    doc: Document,
    annotations: Annotations,
    resources: Resources,
    directory: ActorDirectory,
    home_country: str | None,
    reference: dt.date,
) -> People:
    return PersonFinder(doc, annotations, resources, directory, home_country, reference).find()
