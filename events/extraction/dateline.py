"""Datelines: where and when a report was filed ("MOSCOW, April 13 -", "Jakarta, CNN Indonesia --").

The dateline's date, when it differs a little from the publication date, is the day the text's
"today" and "on Tuesday" count from; its place is where undated talks "here" take place.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from events.extraction.document import Document
from events.extraction.gazetteer import CITY, COUNTRY
from events.extraction.names import fold
from events.extraction.resources import Resources

_SEPARATOR = re.compile(r"\s(?:-{1,2}|–|—|\|)\s|\s(?:-{1,2}|–|—)(?=\S)|\)\s*(?:-{1,2}|–|—)")
MAX_DATELINE = 90
MAX_SHIFT_DAYS = 7
MAX_DATE_LINE_WORDS = 6


@dataclass(frozen=True)
class Dateline:
    country: str | None
    city: str | None
    reference: dt.date


def read_dateline(doc: Document, resources: Resources, published: dt.date) -> Dateline:
    body_start = doc.body_offset
    first_line = doc.text[body_start : body_start + MAX_DATELINE].split("\n", 1)[0]
    match = _SEPARATOR.search(first_line)
    segment = first_line[: match.start() + 1] if match else ""
    country, city = _place_in(segment, resources) if segment else (None, None)
    # Without a dateline, only a line that is nothing but a date ("Wednesday, July 10, 2019")
    # is read as one; a date in the lead sentence is the news, not the filing day.
    date_line = segment or (first_line if len(first_line.split()) <= MAX_DATE_LINE_WORDS else "")
    reference = published
    if date_line:
        reference = _date_in(doc, body_start, body_start + len(date_line), resources, published)
    if segment:
        end_char = body_start + match.end()
        doc.dateline_end = next(
            (token.i for token in doc.tokens if token.start >= end_char), len(doc.tokens)
        )
    return Dateline(country, city, reference)


def _place_in(segment: str, resources: Resources) -> tuple[str | None, str | None]:
    """The place that opens the dateline (written in any case): (country, city)."""
    head = re.split(r"[,(|]", segment, maxsplit=1)[0].strip()
    if not head:
        return None, None
    place = resources.gazetteer.cities_by_key.get(fold(head))
    if place:
        return place.country, place.name
    words = resources.nlp.make_doc(head.title() if head.isupper() else head)
    keys = [fold(token.text) for token in words]
    texts = [token.text for token in words]
    match = resources.gazetteer.places.match_at(keys, texts, 0)
    if match and match.end == len(keys):
        found = match.payloads[0]
        if found.kind == CITY:
            return found.country, found.name
        if found.kind == COUNTRY:
            return found.country, None
    return None, None


def _date_in(
    doc: Document, start_char: int, end_char: int, resources: Resources, published: dt.date
) -> dt.date:
    """The day written in the dateline, if it lies within a week of publication."""
    tokens = [token.i for token in doc.tokens if start_char <= token.start < end_char]
    if not tokens:
        return published
    for expression in resources.dates.find(doc, tokens[0], tokens[-1] + 1):
        if expression.month is None or expression.day is None:
            continue
        resolved = resources.dates.resolve(expression, published, None)
        if resolved and abs((resolved.start - published).days) <= MAX_SHIFT_DAYS:
            return resolved.start
    return published
