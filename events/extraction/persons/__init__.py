"""Officials named in an article: `find_people` and what it returns (see `finder`)."""

from events.extraction.persons.finder import find_people
from events.extraction.persons.model import OFFICIAL_RANKS, People, Person, PersonMention

__all__ = ["OFFICIAL_RANKS", "People", "Person", "PersonMention", "find_people"]
