"""The DateReader on its own: finding date expressions in text and placing them in time.

Reference date Friday 30 January 2026 unless given; `tense` is what the engine passes when a
cue near the meeting word tells it (None, "past" or "future").
"""

import datetime as dt

import pytest

from events.extraction.dates import FUTURE, PAST
from events.extraction.document import read
from events.extraction.resources import for_language

REFERENCE = "2026-01-30"  # a Friday


def parse(language: str, text: str):
    resources = for_language(language)
    doc = read("", text, resources.lexicon["meta"]["spacy"])
    return resources.dates, doc


def expressions(language: str, text: str):
    reader, doc = parse(language, text)
    return reader, doc, reader.find(doc, 0, len(doc.tokens))


def resolved(language: str, text: str, reference: str = REFERENCE, tense: str | None = None):
    """(start, end, precision) of the one date expression in `text`."""
    reader, doc, found = expressions(language, text)
    assert len(found) == 1, [doc.span_text(e.start, e.end) for e in found]
    date = reader.resolve(found[0], dt.date.fromisoformat(reference), tense)
    assert date is not None
    return (
        date.start.isoformat(),
        date.end.isoformat() if date.end else None,
        date.precision,
    )


ENGLISH = [
    # explicit dates
    ("on 12 March 2025", REFERENCE, None, ("2025-03-12", None, "day")),
    ("on March 12, 2025", REFERENCE, None, ("2025-03-12", None, "day")),
    ("on Feb. 3", REFERENCE, None, ("2026-02-03", None, "day")),
    # day and month without a year: the nearest year, or the one the tense points to
    ("on December 28", REFERENCE, None, ("2025-12-28", None, "day")),
    ("on 3 February", REFERENCE, None, ("2026-02-03", None, "day")),
    ("on 20 February", REFERENCE, PAST, ("2025-02-20", None, "day")),
    ("on 10 January", REFERENCE, FUTURE, ("2027-01-10", None, "day")),
    # a month alone has month precision
    ("in October", REFERENCE, None, ("2025-10-01", None, "month")),
    ("in October 2024", REFERENCE, None, ("2024-10-01", None, "month")),
    ("in March", REFERENCE, FUTURE, ("2026-03-01", None, "month")),
    ("in March", REFERENCE, PAST, ("2025-03-01", None, "month")),
    ("last October", REFERENCE, None, ("2025-10-01", None, "month")),
    ("last March", REFERENCE, None, ("2025-03-01", None, "month")),
    ("in early March", REFERENCE, FUTURE, ("2026-03-01", None, "month")),
    # weekdays
    ("on Wednesday", REFERENCE, None, ("2026-01-28", None, "day")),
    ("on Friday", REFERENCE, None, ("2026-01-30", None, "day")),
    ("on Monday", REFERENCE, FUTURE, ("2026-02-02", None, "day")),
    ("on Monday", REFERENCE, PAST, ("2026-01-26", None, "day")),
    ("last Wednesday", "2026-01-28", None, ("2026-01-21", None, "day")),
    ("next Friday", REFERENCE, None, ("2026-02-06", None, "day")),
    ("on Tuesday and Wednesday", REFERENCE, None, ("2026-01-27", "2026-01-28", "day")),
    # relative expressions
    ("yesterday", REFERENCE, None, ("2026-01-29", None, "day")),
    ("tomorrow", REFERENCE, None, ("2026-01-31", None, "day")),
    ("this week", REFERENCE, None, ("2026-01-26", "2026-02-01", "day")),
    ("next week", REFERENCE, None, ("2026-02-02", "2026-02-08", "day")),
    ("last month", REFERENCE, None, ("2025-12-01", None, "month")),
    ("last year", REFERENCE, None, ("2025-01-01", None, "year")),
    ("next year", REFERENCE, None, ("2027-01-01", None, "year")),
    ("in 2019", REFERENCE, None, ("2019-01-01", None, "year")),
    # ranges
    ("on 22-23 April", REFERENCE, None, ("2026-04-22", "2026-04-23", "day")),
    ("from January 14 to 17", REFERENCE, None, ("2026-01-14", "2026-01-17", "day")),
    ("from 14 to 17 January", REFERENCE, None, ("2026-01-14", "2026-01-17", "day")),
    ("January 14-17, 2026", REFERENCE, None, ("2026-01-14", "2026-01-17", "day")),
    ("between April 5 and 7", REFERENCE, None, ("2026-04-05", "2026-04-07", "day")),
    ("from December 30 to January 2", REFERENCE, None, ("2025-12-30", "2026-01-02", "day")),
    (
        "from 30 December 2025 to 2 January 2026",
        REFERENCE,
        None,
        ("2025-12-30", "2026-01-02", "day"),
    ),
]

INDONESIAN = [
    # weekday with the numeric date Indonesian news gives in brackets
    ("Senin (23/10)", "2017-10-25", None, ("2017-10-23", None, "day")),
    ("Kamis (30/11/2017)", REFERENCE, None, ("2017-11-30", None, "day")),
    ("Selasa (27/1/2026)", REFERENCE, None, ("2026-01-27", None, "day")),
    ("pada Jumat (27/10)", "2017-10-25", FUTURE, ("2017-10-27", None, "day")),
    # explicit dates
    ("pada 12 Desember 2025", REFERENCE, None, ("2025-12-12", None, "day")),
    ("pada 5 Maret", REFERENCE, None, ("2026-03-05", None, "day")),
    ("pada 20 Februari", REFERENCE, PAST, ("2025-02-20", None, "day")),
    # months
    ("pada Oktober", REFERENCE, None, ("2025-10-01", None, "month")),
    ("Maret lalu", REFERENCE, None, ("2025-03-01", None, "month")),
    ("bulan depan", REFERENCE, None, ("2026-02-01", None, "month")),
    # weekdays
    ("Rabu lalu", "2026-01-28", None, ("2026-01-21", None, "day")),
    ("Minggu pekan lalu", REFERENCE, None, ("2026-01-25", None, "day")),
    # relative expressions
    ("kemarin", REFERENCE, None, ("2026-01-29", None, "day")),
    ("besok", REFERENCE, None, ("2026-01-31", None, "day")),
    ("hari ini", REFERENCE, None, ("2026-01-30", None, "day")),
    ("pekan depan", REFERENCE, None, ("2026-02-02", "2026-02-08", "day")),
    ("pekan lalu", REFERENCE, None, ("2026-01-19", "2026-01-25", "day")),
    ("akhir pekan ini", REFERENCE, None, ("2026-01-31", "2026-02-01", "day")),
    ("tahun lalu", REFERENCE, None, ("2025-01-01", None, "year")),
    ("tahun depan", REFERENCE, None, ("2027-01-01", None, "year")),
    # ranges
    ("pada 14-17 Januari", REFERENCE, None, ("2026-01-14", "2026-01-17", "day")),
    ("pada 14-17 Januari 2026", REFERENCE, None, ("2026-01-14", "2026-01-17", "day")),
    (
        "30 Desember 2025 hingga 2 Januari 2026",
        REFERENCE,
        None,
        ("2025-12-30", "2026-01-02", "day"),
    ),
]


def _ids(cases):
    return [f"{text}|{tense or '-'}|{reference}" for text, reference, tense, _ in cases]


@pytest.mark.parametrize(("text", "reference", "tense", "expected"), ENGLISH, ids=_ids(ENGLISH))
def test_english_dates(text, reference, tense, expected):
    assert resolved("en", text, reference, tense) == expected


@pytest.mark.parametrize(
    ("text", "reference", "tense", "expected"), INDONESIAN, ids=_ids(INDONESIAN)
)
def test_indonesian_dates(text, reference, tense, expected):
    assert resolved("id", text, reference, tense) == expected


@pytest.mark.parametrize(
    ("language", "text", "event"),
    [
        ("en", "ties built since 2015", False),
        ("en", "until Friday", False),
        ("en", "since he took power in 1982", False),
        ("en", "met in 2015", True),
        ("en", "met last Wednesday", True),
        ("id", "hubungan sejak 2015", False),
        ("id", "hingga Jumat", False),
        ("id", "bertemu pada 2015", True),
        ("id", "bertemu Rabu lalu", True),
        ("id", "bertemu Oktober lalu", True),
    ],
)
def test_is_event_date(language, text, event):
    reader, doc, found = expressions(language, text)
    assert len(found) == 1, [doc.span_text(e.start, e.end) for e in found]
    assert reader.is_event_date(doc, found[0]) is event


@pytest.mark.parametrize(
    ("language", "text", "days"),
    [
        ("en", "a three-day visit from Monday", 3),
        ("en", "a two-day state visit", 2),
        ("en", "talks lasting 4 days", 4),
        ("en", "a state visit to Japan", None),
        ("id", "kunjungan tiga hari ke Jepang", 3),
        ("id", "kunjungan kenegaraan selama 3 hari", 3),
        ("id", "lawatan dua hari ke Tokyo", 2),
        ("id", "kunjungan kenegaraan ke Jepang", None),
    ],
)
def test_durations(language, text, days):
    reader, doc = parse(language, text)
    assert reader.durations(doc, 0, len(doc.tokens)) == days


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The talks were friendly."),
        ("en", "Leaders of 20 countries attended."),
        ("id", "Pertemuan berlangsung hangat."),
        ("id", "Kedua negara menandatangani 12 perjanjian."),
    ],
)
def test_no_date_in_plain_text(language, text):
    _, doc, found = expressions(language, text)
    assert [doc.span_text(e.start, e.end) for e in found] == []
