"""Fixtures for the extraction engine's tests: a few known actors and one-call extraction.

The engine is Django-free; these fixtures need no database. Building a language's resources
takes a few seconds, once per process (they are cached by `resources.for_language`), so the
fixtures are session-scoped and warm the language up front.
"""

import datetime as dt

import pytest

from events.extraction.engine import extract, warm_up
from events.extraction.people import ActorDirectory
from events.extraction.types import ArticleInput, ExtractionResult, KnownActor

DEFAULT_PUBLISHED = "2026-01-30"  # a Friday

# A small directory: one name with diacritics, one with an Arabic particle, one known by a
# single word in the news, one with a one-syllable surname.
KNOWN_ACTORS = (
    KnownActor(
        key="ahmed-al-sharaa",
        name="Ahmed al-Sharaa",
        country="SY",
        aliases=("Abu Mohammed al-Jolani",),
    ),
    KnownActor(
        key="recep-tayyip-erdogan",
        name="Recep Tayyip Erdoğan",
        country="TR",
        aliases=("Erdoğan",),
    ),
    KnownActor(
        key="prabowo-subianto",
        name="Prabowo Subianto",
        country="ID",
        aliases=("Prabowo",),
    ),
    KnownActor(key="xi-jinping", name="Xi Jinping", country="CN", aliases=("Xi",)),
)


@pytest.fixture(scope="session")
def actors() -> ActorDirectory:
    return ActorDirectory(KNOWN_ACTORS)


def _extractor(language: str, actors: ActorDirectory):
    warm_up(language)

    def run(title: str, body: str, published: str = DEFAULT_PUBLISHED) -> ExtractionResult:
        article = ArticleInput(
            title=title,
            body=body,
            published=dt.date.fromisoformat(published),
            language=language,
        )
        return extract(article, actors)

    return run


@pytest.fixture(scope="session")
def extract_en(actors):
    """extract_en(title, body, published="2026-01-30") -> ExtractionResult, read as English."""
    return _extractor("en", actors)


@pytest.fixture(scope="session")
def extract_id(actors):
    """extract_id(title, body, published="2026-01-30") -> ExtractionResult, read as Indonesian."""
    return _extractor("id", actors)
