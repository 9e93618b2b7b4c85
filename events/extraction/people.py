"""Known actors, and looking names up among them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from events.extraction.names import name_tokens, normalize_name, skeleton, stemmed_tokens
from events.extraction.types import KnownActor


class ActorDirectory:
    """Every known actor by each normalised alias."""

    def __init__(self, known: Iterable[KnownActor] = ()) -> None:
        self.known: list[KnownActor] = []
        self.by_key: dict[str, list[KnownActor]] = {}
        self._by_stem: dict[tuple[str, ...], dict[str, list[KnownActor]]] = {}
        self._by_skeleton: dict[str, list[KnownActor]] = {}
        self._by_bare: dict[str, list[KnownActor]] = {}  # names without their initials
        self._looked_up: dict[tuple[str, tuple[str, ...]], tuple[KnownActor, ...]] = {}
        self.add(known)

    def add(self, actors: Iterable[KnownActor]) -> None:
        """Add actors (or newer records of known ones: their keys win from now on)."""
        for actor in actors:
            self.known.append(actor)
            for alias in {actor.name, *actor.aliases}:
                for key in {normalize_name(alias), " ".join(name_tokens(alias))}:
                    if key:
                        self._index(self.by_key, key, actor)
                skeleton_key = _skeleton_key(alias)
                if skeleton_key:
                    self._index(self._by_skeleton, skeleton_key, actor)
                bare_key = _without_initials(alias)
                if bare_key:
                    self._index(self._by_bare, bare_key, actor)
        self._by_stem.clear()
        self._looked_up.clear()

    @staticmethod
    def _index(index: dict[str, list[KnownActor]], key: str, actor: KnownActor) -> None:
        entries = [known for known in index.get(key, []) if known.key != actor.key]
        index[key] = [*entries, actor]

    def lookup(self, name: str, endings: tuple[str, ...] = ()) -> list[KnownActor]:
        """Known actors by any alias; with `endings`, declined forms too ("Терезой Мэй")."""
        cached = self._looked_up.get((name, endings))
        if cached is not None:
            return list(cached)
        found = self._lookup(name, endings)
        self._looked_up[(name, endings)] = tuple(found)
        return found

    def _lookup(self, name: str, endings: tuple[str, ...]) -> list[KnownActor]:
        found = self.by_key.get(normalize_name(name)) or self.by_key.get(
            " ".join(name_tokens(name))
        )
        if not found and endings:
            found = self._stems(endings).get(" ".join(stemmed_tokens(name, endings)))
        if not found:
            # Initials written otherwise ("Jane Q. R. Roe", "Jane QR Roe") or transliteration
            # variants ("Ahmad al-Sharaa" for "Ahmed al-Sharaa"), when only one actor fits.
            for index, key in (
                (self._by_bare, _without_initials(name)),
                (self._by_skeleton, _skeleton_key(name)),
            ):
                candidates = list(dict.fromkeys(index.get(key, []))) if key else []
                if len(candidates) == 1:
                    found = candidates
                    break
        return list(dict.fromkeys(found or []))

    def _stems(self, endings: tuple[str, ...]) -> dict[str, list[KnownActor]]:
        if endings not in self._by_stem:
            index: dict[str, list[KnownActor]] = {}
            for actor in self.known:
                for alias in {actor.name, *actor.aliases}:
                    key = " ".join(stemmed_tokens(alias, endings))
                    if key:
                        index.setdefault(key, []).append(actor)
            self._by_stem[endings] = index
        return self._by_stem[endings]

    def __len__(self) -> int:
        return len(self.by_key)


def _skeleton_key(name: str) -> str:
    """A key for names of two or more words that ignores vowels after the first letter."""
    tokens = name_tokens(name)
    if len(tokens) < 2 or any(len(token) < 3 for token in tokens):
        return ""
    return " ".join(skeleton(token) for token in tokens)


_INITIALS = re.compile(r"^(?:[A-Z]\.?|[A-Z]{2,3}\.?)$")


def _without_initials(name: str) -> str:
    """A name's key without its initials ("Jane Q. Roe", "Jane QR Roe": "jane roe"), when it has
    some and at least two other words."""
    words = name.replace(".", ". ").split()
    kept = [word for word in words if not _INITIALS.match(word)]
    if len(kept) == len(words) or len(kept) < 2:
        return ""
    return " ".join(name_tokens(" ".join(kept)))
