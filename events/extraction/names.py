"""Normalising personal and place names so that spelling variants meet on one key."""

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+")
_PARTICLES = {"al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "bin", "ibn"}


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Casefold and strip diacritics, keeping every script: "Müller" -> "muller"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=100_000)
def normalize_name(name: str) -> str:
    """One key per way of writing a name: case, diacritics, punctuation and spacing ignored."""
    return " ".join(token for token in _NON_WORD.split(fold(name).replace("_", " ")) if token)


@lru_cache(maxsize=100_000)
def name_tokens(name: str) -> tuple[str, ...]:
    """A name's words without Arabic-style particles ("al-", "el-"), for loose comparison."""
    return tuple(token for token in normalize_name(name).split() if token not in _PARTICLES)


_VOWELS = re.compile(r"[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")


@lru_cache(maxsize=50_000)
def skeleton(token: str) -> str:
    """A transliteration-tolerant key: vowels after the first letter and doubled letters go.

    "Ahmad" and "Ahmed" both become "ahmd"; "Sharaa" and "Shara" become "shr".
    """
    if not token:
        return token
    return _DOUBLES.sub(r"\1", token[0] + _VOWELS.sub("", token[1:]))


def strip_ending(token: str, endings: tuple[str, ...], keep: int = 3) -> str:
    """A declined name word without its case ending: "терезой" -> "терез" (keeps 3 letters)."""
    for ending in endings:
        if token.endswith(ending) and len(token) - len(ending) >= keep:
            return token[: -len(ending)]
    return token


@lru_cache(maxsize=100_000)
def stemmed_tokens(name: str, endings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(strip_ending(token, endings) for token in name_tokens(name))
