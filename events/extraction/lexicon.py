"""Per-language lexicons: the words and patterns the engine reads a language with.

A language is supported when `lexicons/<code>.toml` exists; `lexicons/<code>.*.toml` files
(place names, for instance) are merged into it. Adding a language means adding those files
(see README, "Adding a language"); no code changes.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

LEXICON_DIR = Path(__file__).parent / "lexicons"


@cache
def available_languages() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in LEXICON_DIR.glob("*.toml") if len(path.stem) == 2))


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def load(language: str) -> dict[str, Any]:
    """The language's lexicon: its main file with every `<code>.*.toml` merged in."""
    lexicon = _read(LEXICON_DIR / f"{language}.toml")
    for extra in sorted(LEXICON_DIR.glob(f"{language}.*.toml")):
        for section, table in _read(extra).items():
            if isinstance(table, dict):
                lexicon.setdefault(section, {}).update(table)
            else:
                lexicon[section] = table
    return lexicon


@cache
def organisations() -> dict[str, dict[str, Any]]:
    return _read(LEXICON_DIR / "organisations.toml")
