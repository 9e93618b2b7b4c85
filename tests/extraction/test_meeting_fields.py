"""The field modules of `events.extraction.meetings`, each on hand-built encounters: the order in
which the status rules win, the kind from family, venue and countries, and the roles at a visit.

The engine-level tests (test_engine_*, test_reasons) read whole articles; these pin the
precedence that a whole article rarely shows on its own.
"""

import datetime as dt

import pytest

from events.extraction.dates import DAY, MONTH, ResolvedDate
from events.extraction.meetings import (
    CALL,
    CANCELLED,
    MEETING,
    MULTILATERAL,
    OCCURRED,
    PLANNED,
    VISIT,
    Cue,
    Encounter,
    Venue,
)
from events.extraction.meetings.kind import decide_kind
from events.extraction.meetings.participants import roles
from events.extraction.meetings.status import decide_status
from events.extraction.persons import Person

REFERENCE = dt.date(2026, 5, 14)


def person(name: str, country: str | None, rank: str | None = "minister") -> Person:
    return Person(name=name, tokens=set(name.lower().split()), country=country, rank=rank)


def encounter(
    *,
    family: str = "encounter",
    kinds: set[str] | None = None,
    persons: list[Person] | None = None,
    venue: Venue | None = None,
    date: ResolvedDate | None = None,
    statuses: list[tuple[str, bool]] | None = None,
    present: bool = False,
    rescheduled: bool = False,
    sidelines: bool = False,
) -> Encounter:
    return Encounter(
        family=family,
        kinds=kinds or {MEETING},
        sentences=[0],
        persons=persons or [],
        venue=venue,
        destinations=[],
        date=date,
        statuses=statuses or [(OCCURRED, False)],
        present=present,
        party_countries=set(),
        sidelines=sidelines,
        duration=None,
        gathering=False,
        organisations=set(),
        many_countries=False,
        rescheduled=rescheduled,
    )


def day(year: int, month: int, number: int) -> ResolvedDate:
    return ResolvedDate(dt.date(year, month, number), None, DAY)


# --- status ---------------------------------------------------------------------------------


def test_a_cancellation_cue_wins_over_a_future_date():
    found = encounter(date=day(2026, 6, 2), statuses=[(PLANNED, True), (CANCELLED, True)])
    found.status_cues = {CANCELLED: Cue("cancelled_cue", ("called off",), 3)}
    status, cue = decide_status(found, REFERENCE)
    assert (status, cue.rule, cue.words) == (CANCELLED, "cancelled_cue", ("called off",))


def test_a_meeting_put_off_to_a_new_date_is_planned_for_it_not_cancelled():
    found = encounter(date=day(2026, 7, 1), statuses=[(CANCELLED, True)], rescheduled=True)
    assert decide_status(found, REFERENCE)[0] == PLANNED


def test_something_under_way_has_occurred_whatever_its_date_says():
    found = encounter(date=day(2026, 5, 20), statuses=[(PLANNED, True)], present=True)
    status, cue = decide_status(found, REFERENCE)
    assert (status, cue.rule) == (OCCURRED, "under_way_now")


@pytest.mark.parametrize(
    ("date", "explicit", "expected", "rule"),
    [
        # A day decides against the reference day, whatever the cues say.
        (day(2026, 5, 20), [(OCCURRED, True)], PLANNED, "date_after_publication"),
        (day(2026, 5, 14), [(PLANNED, True)], OCCURRED, "date_not_after_publication"),
        # A month that is the reference's own month leaves it to the cues.
        (ResolvedDate(dt.date(2026, 5, 1), None, MONTH), [(PLANNED, True)], PLANNED, "planned_cue"),
        (
            ResolvedDate(dt.date(2026, 4, 1), None, MONTH),
            [(PLANNED, True)],
            OCCURRED,
            "date_not_after_publication",
        ),
    ],
)
def test_the_date_against_the_reference_day_comes_before_the_cues(date, explicit, expected, rule):
    status, cue = decide_status(encounter(date=date, statuses=explicit), REFERENCE)
    assert (status, cue.rule) == (expected, rule)


def test_a_week_round_the_reference_day_with_a_planning_cue_is_planned():
    this_week = ResolvedDate(dt.date(2026, 5, 11), dt.date(2026, 5, 17), DAY)
    found = encounter(date=this_week, statuses=[(PLANNED, True)])
    found.status_cues = {PLANNED: Cue("planned_cue", ("is to",), 1)}
    assert decide_status(found, REFERENCE) == (PLANNED, Cue("planned_cue", ("is to",), 1))


def test_without_a_date_an_explicit_past_cue_beats_a_planning_one():
    found = encounter(statuses=[(PLANNED, True), (OCCURRED, True)])
    assert decide_status(found, REFERENCE)[0] == OCCURRED


def test_with_no_cue_and_no_date_the_report_is_news_of_something_that_happened():
    status, cue = decide_status(encounter(), REFERENCE)
    assert (status, cue.rule) == (OCCURRED, "reported_as_news")


# --- kind -----------------------------------------------------------------------------------


def test_calls_and_gatherings_keep_their_family():
    assert decide_kind(encounter(family=CALL, kinds={CALL})) == (CALL, "call_word")
    gathering = encounter(family=MULTILATERAL, kinds={MULTILATERAL})
    assert decide_kind(gathering) == (MULTILATERAL, "gathering_word")


def test_officials_abroad_received_by_their_hosts_make_a_visit():
    guest, host = person("Ana Lopes", "PT"), person("Kofi Mensah", "GH")
    found = encounter(persons=[guest, host], venue=Venue("GH", "Accra"))
    assert decide_kind(found) == (VISIT, "officials_abroad_received")


def test_envoys_meeting_abroad_do_not_make_a_visit():
    envoy, host = person("Ana Lopes", "PT", "diplomat"), person("Kofi Mensah", "GH")
    found = encounter(persons=[envoy, host], venue=Venue("GH", "Accra"))
    assert decide_kind(found) == (MEETING, "diplomats_abroad")


def test_two_leaders_on_the_sidelines_abroad_hold_a_meeting_not_a_visit():
    found = encounter(
        persons=[person("Ana Lopes", "PT"), person("Kofi Mensah", "GH")],
        venue=Venue("BR", "Rio de Janeiro"),
        sidelines=True,
    )
    assert decide_kind(found) == (MEETING, "sidelines_abroad")


def test_three_foreign_countries_at_a_venue_make_a_multilateral_meeting():
    found = encounter(
        persons=[person("A Ba", "PT"), person("C Da", "GH"), person("E Fa", "CL")],
        venue=Venue("KE", "Nairobi"),
    )
    assert decide_kind(found) == (MULTILATERAL, "three_countries_besides_the_venue")


# --- roles ----------------------------------------------------------------------------------


def test_at_a_visit_the_venue_country_hosts_and_an_untitled_head_is_its_own():
    guest = person("Ana Lopes", "PT")
    head = person("Kofi Mensah", None, "head")
    found = encounter(kinds={VISIT}, persons=[guest, head], venue=Venue("GH", "Accra"))
    assert [(p.name, p.country, p.role) for p in roles(found, VISIT, found.venue)] == [
        ("Ana Lopes", "PT", "visitor"),
        ("Kofi Mensah", "GH", "host"),
    ]


def test_at_a_tour_stop_the_hosts_of_the_other_stops_are_left_out():
    guest, here, elsewhere = person("A Ba", "PT"), person("C Da", "GH"), person("E Fa", "TG")
    found = encounter(kinds={VISIT}, persons=[guest, here, elsewhere])
    found.destinations = [Venue("GH"), Venue("TG")]
    names = [p.name for p in roles(found, VISIT, Venue("GH"))]
    assert names == ["A Ba", "C Da"]


def test_outside_a_visit_everyone_is_a_participant():
    found = encounter(persons=[person("A Ba", "PT"), person("C Da", "GH")])
    assert {p.role for p in roles(found, MEETING, None)} == {"participant"}
