"""Per-language lexicons: the words and patterns the engine reads a language with.

A language is supported when `lexicons/<code>.toml` exists. Adding a language means adding
that file (see README, "Adding a language"); no code changes.
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


@cache
def load(language: str) -> dict[str, Any]:
    path = LEXICON_DIR / f"{language}.toml"
    with path.open("rb") as handle:
        return tomllib.load(handle)
