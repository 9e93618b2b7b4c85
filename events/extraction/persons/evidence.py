"""Evidence that capitalised words are a person's name, besides a title beside them.

A title says someone holds an office; it does not say that the capitalised words after it are
their name ("Menteri Sains", "Diplomat Tertinggi"). The other signs a reader uses:

- a known given name (`lexicons/first_names.toml`, shared by every language);
- a word the article also writes in lowercase is an everyday word, not a name ("Media",
  "Global"): a name whose every word is one names nobody;
- where officials go by one name (Indonesian "Sugiono"), a one-word name needs more than its
  title: a known given name, or an ending typical of such names (`one_word_name_endings`).
"""

from __future__ import annotations

import tomllib
from functools import cache

from events.extraction.document import Document
from events.extraction.lexicon import LEXICON_DIR
from events.extraction.names import fold
from events.extraction.resources import Resources


@cache
def given_names() -> frozenset[str]:
    """Every given name of `first_names.toml`, folded."""
    with (LEXICON_DIR / "first_names.toml").open("rb") as handle:
        table = tomllib.load(handle)["first_names"]
    return frozenset(fold(name) for names in table.values() for name in names)


class NameEvidence:
    def __init__(self, doc: Document, resources: Resources) -> None:
        self.doc = doc
        self.given = given_names()
        self.endings = tuple(
            fold(ending)
            for ending in resources.lexicon.get("people", {}).get("one_word_name_endings", [])
        )
        # Words the article writes in lowercase somewhere: everyday words of its language.
        self.lowercase = frozenset(
            [token.key for token in doc.tokens if token.alpha and token.text.islower()]
        )

    def given_name(self, key: str) -> bool:
        return key in self.given

    def everyday_word(self, key: str) -> bool:
        return key in self.lowercase and key not in self.given

    def everyday_words(self, start: int, end: int) -> bool:
        """Every word of the span is one the article also writes in lowercase."""
        written = [fold(word) for word in self.doc.span_text(start, end).split()]
        return bool(written) and all(self.everyday_word(word) for word in written)

    def one_word_name(self, key: str) -> bool:
        """A single word that may be an official's whole name."""
        if self.everyday_word(key):
            return False
        return self.given_name(key) or (bool(self.endings) and key.endswith(self.endings))
