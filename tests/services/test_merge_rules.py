"""The merge rules (events.merging) on claims built by hand and generated: no database.

The property tests generate claims about a few invented people of a few countries over a few
days, months and years, and check the invariants the issue asks for: the meetings do not
depend on the order articles are read in, reading an article again changes nothing, and no
meeting joins claims whose dates or parties disagree.
"""

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from events.merging import (
    Claim,
    Fixed,
    assign_meetings,
    cluster,
    compatible,
    dates_agree,
    match_rereading,
    merged_facts,
    participants_agree,
)

PUBLISHED = dt.date(2025, 2, 14)
TRUMP, PUTIN, ZELENSKY, PELOSI = 1, 2, 3, 4


def claim(article: int, ordinal: int = 0, **fields) -> Claim:
    values = {
        "published": PUBLISHED,
        "kind": "call",
        "status": "occurred",
        "start": dt.date(2025, 2, 12),
        "precision": "day",
        "countries": frozenset({"US", "RU"}),
        "participants": ((TRUMP, "participant"), (PUTIN, "participant")),
    }
    values.update(fields)
    if values["start"] is None:
        values["precision"] = "unknown"
    return Claim(article=article, ordinal=ordinal, **values)


def partition(groups) -> set[frozenset[tuple[int, int]]]:
    return {frozenset((c.article, c.ordinal) for c in group.claims) for group in groups}


# --- The rules on examples ---------------------------------------------------------------------


def test_dates_are_compared_at_their_common_precision():
    day = claim(1, start=dt.date(2025, 2, 28))
    february = claim(2, start=dt.date(2025, 2, 1), precision="month")
    march = claim(3, start=dt.date(2025, 3, 1), precision="month")
    next_day = claim(4, start=dt.date(2025, 3, 1))

    assert dates_agree(day, february)
    assert not dates_agree(day, march)  # a day's slack only between two exact days
    assert dates_agree(day, next_day)
    assert not dates_agree(february, march)
    assert dates_agree(claim(5, start=dt.date(2025, 1, 1), precision="year"), march)


def test_an_undated_report_lies_no_later_than_its_publication_and_not_years_before():
    undated_2019 = claim(
        1,
        start=None,
        published=dt.date(2019, 10, 1),
        countries=frozenset({"US", "UA"}),
        participants=((TRUMP, "participant"), (ZELENSKY, "participant"), (PELOSI, "participant")),
    )
    call_2025 = claim(2, countries=frozenset({"US", "UA"}), participants=undated_2019.participants)
    call_2019 = claim(3, start=dt.date(2019, 7, 25), countries=frozenset({"US", "UA"}))
    call_2019 = Claim(**{**call_2019.__dict__, "participants": undated_2019.participants[:2]})
    plan = claim(4, start=None, status="planned", published=dt.date(2019, 7, 30))

    assert not dates_agree(undated_2019, call_2025)
    assert dates_agree(undated_2019, call_2019)
    assert compatible(undated_2019, call_2019)
    assert not dates_agree(plan, call_2019)  # a plan reported after the day is not that day


def test_calls_with_different_counterparts_the_same_day_are_two_calls():
    putin = claim(1)
    zelensky = claim(
        2,
        countries=frozenset({"US", "UA"}),
        participants=((TRUMP, "participant"), (ZELENSKY, "participant")),
    )
    lone_trump = claim(3, countries=frozenset({"US"}), participants=((TRUMP, "participant"),))

    assert not participants_agree(putin, zelensky)
    groups = cluster([putin, zelensky, lone_trump])
    assert len(groups) == 2
    assert all(compatible(a, b) for g in groups for a in g.claims for b in g.claims if a != b)


def test_an_articles_own_claims_never_merge():
    assert not compatible(claim(1, 0), claim(1, 1))
    assert len(cluster([claim(1, 0), claim(1, 1)])) == 2


def test_venue_countries_must_match_and_undated_claims_need_two_people():
    moscow = claim(1, kind="visit", country="RU")
    sochi = claim(2, kind="meeting", country="RU", city="Sochi")
    ankara = claim(3, kind="visit", country="TR", countries=frozenset({"US", "RU", "TR"}))
    undated_one_person = claim(
        4, start=None, kind="visit", participants=((TRUMP, "visitor"),), country="RU"
    )

    assert compatible(moscow, sochi)
    assert not compatible(moscow, ankara)
    assert not compatible(moscow, undated_one_person)


def test_a_claim_joins_a_curated_meeting_it_agrees_with_but_not_from_the_same_article():
    facts = claim(-7, start=dt.date(2025, 2, 12))
    fixed = Fixed(meeting=7, facts=facts, articles=frozenset({1}))
    groups = cluster([claim(2), claim(1, 3)], [fixed])

    assert groups[0].fixed == fixed
    assert [(c.article, c.ordinal) for c in groups[0].claims] == [(2, 0)]
    assert [(c.article, c.ordinal) for c in groups[1].claims] == [(1, 3)]


def test_groups_keep_the_meeting_most_of_their_claims_were_in():
    groups = cluster([claim(1), claim(2), claim(3, start=dt.date(2025, 5, 1))])
    previous = {(1, 0): 10, (2, 0): 11, (3, 0): 11}

    assert assign_meetings(groups, previous) == [10, 11]  # a tie goes to the older meeting


def test_merged_fields_and_who_decided_them():
    plan = claim(1, status="planned", start=dt.date(2025, 2, 1), precision="month")
    done = claim(2, published=dt.date(2025, 2, 13), reasons={"status": {"rule": "past"}})
    facts = merged_facts([plan, done])

    assert (facts.status, facts.start, facts.precision) == ("occurred", dt.date(2025, 2, 12), "day")
    assert facts.decided_by["status"] == 2
    assert facts.decided_by["date"] == 2


def test_a_new_reading_continues_the_earlier_claim_it_agrees_with():
    earlier = [claim(1, 0), claim(1, 1, start=dt.date(2025, 6, 1))]
    same = [claim(1, 0, start=dt.date(2025, 6, 1)), claim(1, 1)]

    assert match_rereading(earlier, same) == {0: 1, 1: 0}


# --- Properties on generated claims ------------------------------------------------------------

PEOPLE = {1: "US", 2: "RU", 3: "UA", 4: "US", 5: "CN", 6: "RU"}


@st.composite
def claims(draw, article: int) -> list[Claim]:
    count = draw(st.integers(min_value=1, max_value=2))
    published = dt.date(2025, 1, 1) + dt.timedelta(days=draw(st.integers(0, 400)))
    found = []
    for ordinal in range(count):
        people = draw(st.sets(st.sampled_from(sorted(PEOPLE)), min_size=1, max_size=3))
        precision = draw(st.sampled_from(["day", "day", "month", "year", "unknown"]))
        start = None
        if precision != "unknown":
            start = published - dt.timedelta(days=draw(st.integers(0, 40)))
            start = {"month": start.replace(day=1), "year": start.replace(month=1, day=1)}.get(
                precision, start
            )
        venue = draw(st.sampled_from([None, "RU", "US"]))
        countries = {PEOPLE[person] for person in people} | ({venue} if venue else set())
        found.append(
            Claim(
                article=article,
                ordinal=ordinal,
                published=published,
                kind=draw(st.sampled_from(["visit", "meeting", "call"])),
                status=draw(st.sampled_from(["occurred", "occurred", "planned", "cancelled"])),
                start=start,
                precision=precision,
                city=draw(st.sampled_from(["", "Moscow"])) if venue == "RU" else "",
                country=venue,
                countries=frozenset(countries),
                participants=tuple(sorted((person, "participant") for person in people)),
            )
        )
    return found


def every_claim(readings) -> list[Claim]:
    return [claim for reading in readings for claim in reading]


articles_strategy = st.integers(min_value=2, max_value=8).flatmap(
    lambda n: st.tuples(*[claims(article) for article in range(1, n + 1)])
)


def incremental(readings: list[list[Claim]], order: list[int]) -> set:
    """Read the articles one at a time in `order`, each time clustering again everything read
    so far, as the store does for the neighbourhood of each change."""
    read: list[Claim] = []
    groups = []
    for index in order:
        read = [c for c in read if c.article != readings[index][0].article] + readings[index]
        groups = cluster(read)
    return partition(groups)


@settings(max_examples=150, deadline=None)
@given(articles_strategy, st.randoms(use_true_random=False))
def test_the_meetings_do_not_depend_on_the_order_articles_are_read_in(readings, rng):
    readings = list(readings)
    in_order = incremental(readings, list(range(len(readings))))
    shuffled = list(range(len(readings)))
    rng.shuffle(shuffled)

    assert incremental(readings, shuffled) == in_order
    assert (
        partition(
            cluster(random.Random(1).sample(every_claim(readings), k=len(every_claim(readings))))
        )
        == in_order
    )


@settings(max_examples=150, deadline=None)
@given(articles_strategy, st.data())
def test_reading_an_article_again_changes_nothing(readings, data):
    readings = list(readings)
    everything = every_claim(readings)
    before = partition(cluster(everything))
    again = data.draw(st.integers(0, len(readings) - 1))
    order = [*range(len(readings)), again]

    assert incremental(readings, order) == before


@settings(max_examples=200, deadline=None)
@given(articles_strategy)
def test_no_meeting_joins_claims_whose_dates_or_parties_disagree(readings):
    for group in cluster(every_claim(readings)):
        for a in group.claims:
            for b in group.claims:
                if a is b:
                    continue
                assert a.article != b.article
                assert dates_agree(a, b), (a, b)
                assert participants_agree(a, b), (a, b)
                if not (a.dated and b.dated):
                    assert len(a.actors & b.actors) >= 1


@settings(max_examples=100, deadline=None)
@given(articles_strategy)
def test_merged_fields_do_not_depend_on_the_order_of_claims(readings):
    for group in cluster(every_claim(readings)):
        shuffled = random.Random(7).sample(group.claims, k=len(group.claims))
        assert merged_facts(shuffled) == merged_facts(group.claims)
