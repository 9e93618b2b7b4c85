"""The lock keys of claims' neighbourhoods (events.store.neighbourhood_keys): two claims that
may be one encounter always share a key, so two workers never place them at once; claims of
other months of a country share none, so they are stored side by side. No database."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from events.locks import month_keys
from events.merging import Claim, compatible
from events.store import neighbourhood_keys


def claim(article: int, start: dt.date | None, **fields) -> Claim:
    values = {
        "published": dt.date(2025, 3, 20),
        "kind": "call",
        "status": "occurred",
        "start": start,
        "precision": "day" if start else "unknown",
        "countries": frozenset({"FR", "JP"}),
        "participants": ((1, "participant"), (2, "participant")),
    }
    values.update(fields)
    return Claim(article=article, ordinal=0, **values)


def test_claims_a_day_apart_across_a_month_end_share_a_key():
    keys = neighbourhood_keys([claim(1, dt.date(2025, 1, 31))])
    assert keys & neighbourhood_keys([claim(2, dt.date(2025, 2, 1))])


def test_claims_months_apart_share_no_key():
    march = neighbourhood_keys([claim(1, dt.date(2025, 3, 10))])
    assert march == {"FR 2025-03", "JP 2025-03"}
    assert not march & neighbourhood_keys([claim(2, dt.date(2025, 6, 10))])


def test_an_undated_report_shares_a_key_with_the_months_before_it():
    undated = neighbourhood_keys([claim(1, None)])
    assert neighbourhood_keys([claim(2, dt.date(2024, 11, 2))]) <= undated
    assert not neighbourhood_keys([claim(3, dt.date(2025, 6, 2))]) & undated


def test_a_long_window_takes_the_whole_country():
    assert month_keys("FR", dt.date(2020, 1, 1), dt.date(2025, 1, 1)) == {"FR"}
    assert month_keys("FR", None, None) == {"FR"}


days = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 31))


@given(
    first=st.one_of(st.none(), days),
    second=st.one_of(st.none(), days),
    precisions=st.tuples(*[st.sampled_from(["day", "month", "year"])] * 2),
    statuses=st.tuples(*[st.sampled_from(["occurred", "planned", "cancelled"])] * 2),
    published=st.tuples(days, days),
)
def test_compatible_claims_always_share_a_key(first, second, precisions, statuses, published):
    a = claim(
        1,
        first,
        precision=precisions[0] if first else "unknown",
        status=statuses[0],
        published=published[0],
    )
    b = claim(
        2,
        second,
        precision=precisions[1] if second else "unknown",
        status=statuses[1],
        published=published[1],
    )
    if compatible(a, b):
        assert neighbourhood_keys([a]) & neighbourhood_keys([b])
