"""Known actors, and looking names up among them."""

from __future__ import annotations

from collections.abc import Iterable

from events.extraction.names import name_tokens, normalize_name, stemmed_tokens
from events.extraction.types import KnownActor


class ActorDirectory:
    """Every known actor by each normalised alias."""

    def __init__(self, known: Iterable[KnownActor] = ()) -> None:
        self.known = list(known)
        self.by_key: dict[str, list[KnownActor]] = {}
        self._by_stem: dict[tuple[str, ...], dict[str, list[KnownActor]]] = {}
        for actor in self.known:
            for alias in {actor.name, *actor.aliases}:
                for key in {normalize_name(alias), " ".join(name_tokens(alias))}:
                    if key:
                        self.by_key.setdefault(key, []).append(actor)

    def lookup(self, name: str, endings: tuple[str, ...] = ()) -> list[KnownActor]:
        """Known actors by any alias; with `endings`, declined forms too ("Терезой Мэй")."""
        found = self.by_key.get(normalize_name(name)) or self.by_key.get(
            " ".join(name_tokens(name))
        )
        if not found and endings:
            found = self._stems(endings).get(" ".join(stemmed_tokens(name, endings)))
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
