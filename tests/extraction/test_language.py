"""Which language an article is in, and what the engine does with one it cannot read."""

import datetime as dt

import pytest

from events.extraction import language
from events.extraction.engine import extract
from events.extraction.types import ArticleInput

PUBLISHED = dt.date(2026, 1, 30)

ENGLISH = (
    "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Wednesday for talks with "
    "Turkish Foreign Minister Hakan Fidan on the war in Ukraine and the situation in Syria."
)
INDONESIAN = (
    "Presiden Prabowo Subianto tiba di Tokyo, Rabu (28/1), untuk kunjungan kenegaraan selama dua "
    "hari dan dijadwalkan bertemu Perdana Menteri Jepang Sanae Takaichi."
)
GERMAN = (
    "Bundeskanzler Friedrich Merz ist am Mittwoch zu einem Besuch in Paris eingetroffen und "
    "hat dort den französischen Präsidenten Emmanuel Macron getroffen."
)
SPANISH = (
    "El presidente de Brasil, Luiz Inácio Lula da Silva, se reunió el miércoles en Madrid con el "
    "presidente del Gobierno español, Pedro Sánchez, para hablar de comercio."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param(ENGLISH, "en", id="english"),
        pytest.param(INDONESIAN, "id", id="indonesian"),
        pytest.param(GERMAN, "de", id="german"),
        pytest.param(SPANISH, "es", id="spanish"),
        pytest.param(
            "Le président Emmanuel Macron a reçu mercredi à l'Élysée le chancelier allemand "
            "Friedrich Merz pour des entretiens sur l'Ukraine.",
            "fr",
            id="french",
        ),
        pytest.param(
            "Президент России Владимир Путин провёл в среду переговоры в Кремле с президентом "
            "Индонезии Прабово Субианто.",
            "ru",
            id="russian",
        ),
    ],
)
def test_detect(text, code):
    assert language.detect(text) == code


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_detect_gives_none_for_empty_text(text):
    assert language.detect(text) is None


@pytest.mark.parametrize(
    ("code", "supported"),
    [
        ("en", True),
        ("id", True),
        ("fr", True),
        ("ru", True),
        ("de", False),
        ("es", False),
        ("", False),
        (None, False),
    ],
)
def test_is_supported(code, supported):
    assert language.is_supported(code) is supported


def test_supported_languages_are_language_codes():
    assert {"en", "id"} <= set(language.supported_languages())
    assert all(language.is_language_code(code) for code in language.supported_languages())


@pytest.mark.parametrize(
    ("title", "body", "given", "code", "detected"),
    [
        pytest.param("Lavrov in Ankara", ENGLISH, None, "en", True, id="english-detected"),
        pytest.param(
            "Prabowo tiba di Tokyo", INDONESIAN, None, "id", True, id="indonesian-detected"
        ),
        pytest.param("Lavrov in Ankara", ENGLISH, "en", "en", False, id="english-given"),
        pytest.param("Lavrov in Ankara", ENGLISH, "EN", "en", False, id="code-in-capitals"),
        pytest.param("Prabowo tiba di Tokyo", INDONESIAN, "", "id", True, id="empty-code-detected"),
    ],
)
def test_supported_article_is_read(actors, title, body, given, code, detected):
    result = extract(ArticleInput(title, body, PUBLISHED, given), actors)
    assert (result.language, result.language_detected, result.supported) == (code, detected, True)
    assert result.meetings  # read: the visit is found (its details are tested elsewhere)


@pytest.mark.parametrize(
    ("title", "body", "given", "code", "detected"),
    [
        pytest.param("Merz in Paris", GERMAN, None, "de", True, id="german-detected"),
        pytest.param("Lula en Madrid", SPANISH, None, "es", True, id="spanish-detected"),
        pytest.param("Merz in Paris", GERMAN, "de", "de", False, id="german-given"),
    ],
)
def test_unsupported_language_is_flagged_not_read(actors, title, body, given, code, detected):
    result = extract(ArticleInput(title, body, PUBLISHED, given), actors)
    assert (result.language, result.language_detected, result.supported) == (code, detected, False)
    assert result.meetings == []


def test_undetectable_article_is_unsupported(actors):
    result = extract(ArticleInput("", "", PUBLISHED, None), actors)
    assert (result.language, result.language_detected, result.supported) == ("", True, False)
    assert result.meetings == []


def test_a_lexicon_for_a_language_the_detector_does_not_know_keeps_detection_working(
    monkeypatch,
):
    # "xx" stands for a lexicon added for a language lingua cannot detect.
    monkeypatch.setattr(language, "supported_languages", lambda: ("en", "id", "xx"))
    language._detector.cache_clear()
    try:
        assert language.detect(ENGLISH) == "en"
    finally:
        language._detector.cache_clear()
