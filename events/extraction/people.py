"""Known actors, and looking names up among them."""

from __future__ import annotations

from collections.abc import Iterable

from events.extraction.names import name_tokens, normalize_name
from events.extraction.types import KnownActor


class ActorDirectory:
    """Every known actor by each normalised alias."""

    def __init__(self, known: Iterable[KnownActor] = ()) -> None:
        self.by_key: dict[str, list[KnownActor]] = {}
        for actor in known:
            for alias in {actor.name, *actor.aliases}:
                for key in {normalize_name(alias), " ".join(name_tokens(alias))}:
                    if key:
                        self.by_key.setdefault(key, []).append(actor)

    def lookup(self, name: str) -> list[KnownActor]:
        found = self.by_key.get(normalize_name(name)) or self.by_key.get(
            " ".join(name_tokens(name))
        )
        return list(dict.fromkeys(found or []))

    def __len__(self) -> int:
        return len(self.by_key)
