"""Articles dated at the very edge of the calendar are read without raising.

A relative date that would fall outside the calendar ("next year" on 31 December 9999,
"yesterday" on 1 January of year 1) is dropped: the meeting is kept without that date.
"""

import datetime as dt

import pytest

from events.extraction.dates import add_days

LAST_DAY = "9999-12-31"
FIRST_DAY = "0001-01-01"


@pytest.mark.parametrize(
    ("published", "when"),
    [
        (LAST_DAY, "next year"),
        (LAST_DAY, "next month"),
        (LAST_DAY, "tomorrow"),
        (LAST_DAY, "next week"),
        (LAST_DAY, "on Saturday"),
        (LAST_DAY, "on 3 January"),
        (LAST_DAY, "in February"),
        (FIRST_DAY, "yesterday"),
        (FIRST_DAY, "last year"),
        (FIRST_DAY, "last month"),
        (FIRST_DAY, "last week"),
        (FIRST_DAY, "last Friday"),
        (FIRST_DAY, "on 28 December"),
        (FIRST_DAY, "in November"),
    ],
)
def test_a_date_past_the_calendars_edge_is_dropped_and_the_meeting_kept(
    extract_en, published, when
):
    result = extract_en(
        "Erdoğan and Xi Jinping hold talks",
        f"Turkish President Recep Tayyip Erdoğan met Chinese President Xi Jinping {when} "
        "in Beijing to discuss trade.",
        published=published,
    )

    [meeting] = result.meetings
    assert meeting.countries == ["CN", "TR"]
    if meeting.start is not None:
        assert dt.date.min <= meeting.start <= dt.date.max


def test_a_multi_day_visit_that_starts_on_the_last_day_ends_there(extract_en):
    result = extract_en(
        "Erdoğan begins visit to China",
        "Turkish President Recep Tayyip Erdoğan began a three-day visit to China today, "
        "meeting Chinese President Xi Jinping in Beijing.",
        published=LAST_DAY,
    )

    [meeting] = result.meetings
    assert meeting.start == dt.date.max
    assert meeting.end in {None, dt.date.max}


def test_add_days_holds_at_the_calendars_edges():
    assert add_days(dt.date(2026, 1, 30), 2) == dt.date(2026, 2, 1)
    assert add_days(dt.date.max, 3) == dt.date.max
    assert add_days(dt.date.min, -1) == dt.date.min
