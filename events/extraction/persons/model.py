"""What the person finder hands on: people, their mentions, and the title groups that describe
them. The meeting finder reads `People`, `Person` and `PersonMention`; the rest stays inside."""

from __future__ import annotations

from dataclasses import dataclass, field

from events.extraction.types import KnownActor

OFFICIAL_RANKS = {
    "head",
    "minister",
    "deputy",
    "diplomat",
    "military",
    "royal",
    "legislator",
    "party",
    "agency",  # a national body's chair or director: "the Chinese People's Congress chairman"
}
# Ranks of officials who, untitled by country, are taken for the article's home country.
DOMESTIC_RANKS = {"head", "minister", "deputy", "military", "legislator", "party"}
# Which title describes a person best when several are seen: a state office over a courtesy.
RANK_ORDER = {rank: 3 for rank in OFFICIAL_RANKS} | {"organisation": 2, "other": 1, "courtesy": 0}
# Where a person's country came from, strongest first: the words around the name, the
# directory, an apposition, the delegation before them, the dateline.
SOURCE_STRENGTH = {"explicit": 5, "known": 4, "apposition": 4, "inherited": 2, "home": 1, "": 0}


@dataclass
class TitleGroup:
    """A title with what qualifies it, before or after a name: "Singapore's Foreign Minister"."""

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


@dataclass
class People:
    persons: list[Person]
    mentions: list[PersonMention]

    def in_sentence(self, sentence: int) -> list[PersonMention]:
        return [mention for mention in self.mentions if mention.sentence == sentence]
