"""The histogram: meetings per month (per year over long spans) of the filtered set, as SVG
whose bars link to the narrower date range."""

import datetime as dt
import re

from django.urls import reverse

from events.histogram import histogram_chart
from events.selectors import MeetingFilters, meeting_histogram
from tests.factories import add_source, make_article, make_meeting

URL = reverse("events:meeting-histogram")


def bars(filters: MeetingFilters) -> list[tuple[str, str, int]]:
    return [
        (bar.start.isoformat(), bar.end.isoformat(), bar.count)
        for bar in meeting_histogram(filters=filters)
    ]


def test_counts_per_month_with_empty_months_present(db):
    make_meeting(start=dt.date(2025, 1, 5))
    make_meeting(start=dt.date(2025, 1, 30))
    make_meeting(start=dt.date(2025, 3, 1), precision="month")
    make_meeting(start=None)  # undated, never reported: not charted
    undated = make_meeting(start=None)
    add_source(undated, make_article(published_on=dt.date(2025, 3, 20)))

    assert bars(MeetingFilters()) == [
        ("2025-01-01", "2025-01-31", 2),
        ("2025-02-01", "2025-02-28", 0),
        ("2025-03-01", "2025-03-31", 2),
    ]


def test_counts_per_year_over_long_spans(db):
    make_meeting(start=dt.date(1990, 6, 1))
    make_meeting(start=dt.date(2001, 2, 3))
    make_meeting(start=dt.date(2001, 12, 3))

    found = bars(MeetingFilters())

    assert len(found) == 12
    assert found[0] == ("1990-01-01", "1990-12-31", 1)
    assert found[-1] == ("2001-01-01", "2001-12-31", 2)


def test_counts_the_filtered_meetings_over_the_range_asked_for(db, timeline):
    filters = MeetingFilters(countries=("ID",), date_from=dt.date(2025, 9, 15))

    assert bars(filters) == [
        ("2025-09-01", "2025-09-30", 0),
        ("2025-10-01", "2025-10-31", 1),
        ("2025-11-01", "2025-11-30", 0),
        ("2025-12-01", "2025-12-31", 0),
        ("2026-01-01", "2026-01-31", 0),
        ("2026-02-01", "2026-02-28", 0),
        ("2026-03-01", "2026-03-31", 1),
    ]


def test_bars_are_scaled_to_the_tallest_and_stay_visible():
    from events.selectors import HistogramBar

    chart = histogram_chart(
        [
            HistogramBar(dt.date(2025, 1, 1), dt.date(2025, 1, 31), 100),
            HistogramBar(dt.date(2025, 2, 1), dt.date(2025, 2, 28), 1),
            HistogramBar(dt.date(2025, 3, 1), dt.date(2025, 3, 31), 0),
        ]
    )

    assert [bar.height for bar in chart.bars] == [100.0, 2.0, 0.0]
    assert chart.bars[1].description == "February 2025: 1 meeting"
    assert not chart.per_year
    assert chart.total == 101


def test_the_chart_links_each_bar_to_its_date_range_keeping_the_filters(analyst_client, timeline):
    response = analyst_client.get(URL, {"kind": "visit", "page": "3", "date_to": "2026-03-31"})

    html = response.text
    assert response.status_code == 200
    assert '<svg class="histogram-chart"' in html
    assert 'aria-label="March 2026: 1 meeting"' in html
    assert 'href="?date_to=2026-03-31&amp;kind=visit&amp;date_from=2026-03-01"' in html
    assert 'data-from="2026-01-01" data-to="2026-01-31"' in html
    assert "page=" not in html
    assert not re.search(r"\sstyle=|<script|\son\w+=", html)


def test_invalid_filters_chart_nothing(analyst_client, timeline):
    response = analyst_client.get(URL, {"country": "XX"})

    assert response.status_code == 200
    assert "No dated meetings to chart." in response.text
