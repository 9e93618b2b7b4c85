"""The timeline's histogram as geometry for a server-rendered SVG: one bar per month or year."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import ngettext

from events.selectors import HistogramBar
from events.templatetags.meeting_format import LONG_MONTHS

BAR_WIDTH = 10  # in the SVG's own units; CSS stretches the chart to the page's width
BAR_GAP = 2
CHART_HEIGHT = 100


@dataclass(frozen=True)
class ChartBar:
    x: int
    y: float
    width: int
    height: float
    label: str  # "March 2025", or "2025" for a year
    count: int
    date_from: str  # ISO, the first day of the month or year
    date_to: str  # ISO, its last day

    @property
    def description(self) -> str:
        return ngettext(
            "%(label)s: %(count)d meeting", "%(label)s: %(count)d meetings", self.count
        ) % {"label": self.label, "count": self.count}


@dataclass(frozen=True)
class Chart:
    bars: list[ChartBar]
    per_year: bool
    width: int
    height: int = CHART_HEIGHT

    @property
    def total(self) -> int:
        return sum(bar.count for bar in self.bars)

    @property
    def first_label(self) -> str:
        return self.bars[0].label if self.bars else ""

    @property
    def last_label(self) -> str:
        return self.bars[-1].label if self.bars else ""


def histogram_chart(bars: list[HistogramBar]) -> Chart:
    """Bars scaled to the tallest; a bar with any meeting stays visible."""
    per_year = bool(bars) and (bars[0].start.month, bars[0].end.month) == (1, 12)
    tallest = max((bar.count for bar in bars), default=0) or 1
    chart_bars = []
    for index, bar in enumerate(bars):
        height = 0.0 if not bar.count else max(CHART_HEIGHT * bar.count / tallest, 2.0)
        label = (
            str(bar.start.year)
            if per_year
            else f"{LONG_MONTHS[bar.start.month - 1]} {bar.start.year}"
        )
        chart_bars.append(
            ChartBar(
                x=index * BAR_WIDTH,
                y=round(CHART_HEIGHT - height, 2),
                width=BAR_WIDTH - BAR_GAP,
                height=round(height, 2),
                label=label,
                count=bar.count,
                date_from=bar.start.isoformat(),
                date_to=bar.end.isoformat(),
            )
        )
    return Chart(chart_bars, per_year, width=max(len(bars), 1) * BAR_WIDTH)
