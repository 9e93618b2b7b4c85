"""Which language an article is in, and which languages the engine can read."""

from __future__ import annotations

from functools import cache

import pycountry
from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from events.extraction.lexicon import available_languages

# Besides the languages we read, the detector knows a few common others, so that an article
# in one of them is recognised (and flagged as unsupported) rather than taken for the nearest
# language we support.
_SENTINELS = ("de", "es", "pt", "it", "nl", "ar", "zh", "ja", "tr")


def supported_languages() -> tuple[str, ...]:
    return available_languages()


def is_language_code(code: str) -> bool:
    return len(code) == 2 and pycountry.languages.get(alpha_2=code) is not None


def is_supported(code: str | None) -> bool:
    return bool(code) and code in supported_languages()


@cache
def _detector():
    codes = sorted(set(supported_languages()) | set(_SENTINELS))
    # A lexicon for a language lingua does not know is still read when the upload names its
    # language; it just cannot be detected.
    known = [getattr(IsoCode639_1, code.upper(), None) for code in codes]
    languages = [Language.from_iso_code_639_1(code) for code in known if code is not None]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it cannot tell."""
    sample = text[:2000]
    if not sample.strip():
        return None
    language = _detector().detect_language_of(sample)
    if language is None:
        return None
    return language.iso_code_639_1.name.lower()
