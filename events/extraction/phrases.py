"""Finding lexicon phrases in a token sequence: a dictionary keyed on token tuples.

Faster than a matcher here because most tokens are rejected by one set lookup (is this word
the first word of any phrase?), and it needs no rebuilding when entries are added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any, NamedTuple

from spacy.language import Language

from events.extraction.names import fold

# How a phrase must be written in the text to count.
ANY_CASE = "any"
CAPITALIZED = "capitalized"  # first word starts with a capital
EXACT = "exact"  # letter for letter (acronyms such as "AS", "UK")


class Match(NamedTuple):
    # A named tuple rather than a frozen dataclass: made for every phrase found, and a frozen
    # dataclass's __init__ costs several times a tuple's.
    start: int
    end: int
    payloads: tuple[Any, ...]


class PhraseIndex:
    def __init__(self) -> None:
        # key -> (case, the words as written (kept only for EXACT, the one case that compares
        # them: the gazetteer's tens of thousands of names load faster without), payload)
        self._entries: dict[tuple[str, ...], list[tuple[str, tuple[str, ...] | None, Any]]] = {}
        self._first: set[str] = set()
        # For each first word, the phrase lengths that start with it, longest first: the only
        # spans worth looking up.
        self._lengths: dict[str, tuple[int, ...]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def first_words(self) -> set[str]:
        return set(self._first)

    def add(self, words: Sequence[str], payload: Any, case: str = ANY_CASE) -> None:
        words = tuple(word for word in words if word.strip())
        if not words:
            return
        key = tuple(fold(word) for word in words)
        written = words if case == EXACT else None
        self._entries.setdefault(key, []).append((case, written, payload))
        self._first.add(key[0])
        lengths = set(self._lengths.get(key[0], ())) | {len(key)}
        self._lengths[key[0]] = tuple(sorted(lengths, reverse=True))

    def add_phrases(
        self,
        nlp: Language,
        phrases: Iterable[tuple[str, Any]],
        case: Callable[[str], str] | str = ANY_CASE,
    ) -> None:
        """Add phrases tokenized as the texts will be, so multi-word entries line up."""
        items = [(text, payload) for text, payload in phrases if text and text.strip()]
        # The tokenizer's exceptions depend on case ("Mr." is one token, "mr." two): add the
        # phrase as written and capitalised, so it lines up however the text writes it.
        variants = [
            (variant, text, payload)
            for text, payload in items
            for variant in dict.fromkeys([text, text[:1].upper() + text[1:]])
        ]
        docs = nlp.tokenizer.pipe(variant for variant, _, _ in variants)
        seen: set[tuple] = set()
        for (_, text, payload), doc in zip(variants, docs, strict=True):
            words = tuple(token.text for token in doc if not token.is_space)
            key = (
                tuple(fold(word) for word in words),
                id(payload) if not isinstance(payload, str) else payload,
            )
            if key in seen:
                continue
            seen.add(key)
            self.add(words, payload, case(text) if callable(case) else case)

    def match_at(self, keys: Sequence[str], texts: Sequence[str], start: int) -> Match | None:
        """The longest phrase starting at `start`, if any."""
        lengths = self._lengths.get(keys[start])
        if not lengths:
            return None
        return self._longest(keys, texts, start, lengths)

    def _longest(
        self, keys: Sequence[str], texts: Sequence[str], start: int, lengths: tuple[int, ...]
    ) -> Match | None:
        entries_of = self._entries
        count = len(keys)
        for length in lengths:
            end = start + length
            if end > count:
                continue
            entries = entries_of.get((keys[start],) if length == 1 else tuple(keys[start:end]))
            if not entries:
                continue
            if len(entries) == 1 and entries[0][0] == ANY_CASE:
                # Most phrases have one reading, in any case: no need to compare the text.
                return Match(start, end, (entries[0][2],))
            payloads = tuple(
                payload
                for case, words, payload in entries
                if _written_as(case, words, texts[start:end])
            )
            if payloads:
                return Match(start, end, payloads)
        return None

    def find(
        self,
        keys: Sequence[str],
        texts: Sequence[str],
        positions: dict[str, list[int]] | None = None,
    ) -> list[Match]:
        """Every non-overlapping longest match, left to right. `positions` (where each key
        occurs) lets the search skip straight to the words a phrase can start with."""
        first = self._first
        if positions is not None:
            starts = sorted(
                chain.from_iterable(map(positions.__getitem__, first & positions.keys()))
            )
        else:
            starts = [i for i, key in enumerate(keys) if key in first]
        lengths = self._lengths
        found: list[Match] = []
        free_from = 0
        for position in starts:
            if position < free_from:
                continue
            match = self._longest(keys, texts, position, lengths[keys[position]])
            if match:
                found.append(match)
                free_from = match.end
        return found


def _written_as(case: str, words: Sequence[str] | None, texts: Sequence[str]) -> bool:
    if case == ANY_CASE:
        return True
    if case == EXACT:
        return tuple(words) == tuple(texts)
    return texts[0][:1].isupper()


def case_of(text: str) -> str:
    """Acronyms must match exactly; names must be capitalised; the rest matches any case."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(letters) <= 6:
        return EXACT
    return CAPITALIZED
