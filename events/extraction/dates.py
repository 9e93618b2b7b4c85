"""Finding date expressions in tokens and resolving them against a reference date.

Candidates are found with patterns built from the lexicon's month and weekday names, numbers
and relative phrases; only the odd candidate those patterns cannot read is handed to
dateparser (whose search over whole texts is far too slow for us).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache

from events.extraction.days import add_days
from events.extraction.document import Document
from events.extraction.names import fold
from events.extraction.phrases import PhraseIndex
from events.extraction.vocabulary import Precision

DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR
PAST, FUTURE = "past", "future"

_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DAY_TOKEN = re.compile(r"^(\d{1,2})([a-zа-яё]{0,3})\.?$")
_YEAR_TOKEN = re.compile(r"^(1[89]\d\d|20\d\d)$")
# "by the end of August": words from a limit word ("by") to the date it bounds.
LIMIT_REACH = 4
_DATE_LIKE = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$")
_DAY_RANGE_TOKEN = re.compile(r"^(\d{1,2})[a-z]{0,2}[-–—](\d{1,2})[a-z]{0,2}$")


@dataclass(frozen=True)
class DateExpression:
    """What a date expression says, before it is placed in time."""

    start: int  # token range
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    weekday: int | None = None
    end_weekday: int | None = None  # "Friday and Saturday", "Monday to Wednesday"
    relative: tuple[str, int] | None = None  # ("week", -1) for "last week"
    shift: int = 0  # -1 "last", +1 "next", for weekdays and months
    duration_days: int | None = None
    fallback_text: str | None = None  # read by dateparser


@dataclass(frozen=True)
class ResolvedDate:
    start: dt.date
    end: dt.date | None
    precision: str  # day, month, year

    def last_day(self) -> dt.date:
        day = self.end or self.start
        if self.precision == YEAR:
            return dt.date(day.year, 12, 31)
        if self.precision == MONTH:
            return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
        return day


class DateReader:
    """The date patterns of one language."""

    def __init__(self, lex: dict, nlp) -> None:
        dates = lex.get("dates", {})
        self.language = lex["meta"]["spacy"]
        # Everything is compared with folded tokens: fold the tables the same way.
        self.months = {fold(key): value for key, value in lex.get("months", {}).items()}
        self.weekdays = {fold(key): value for key, value in lex.get("weekdays", {}).items()}
        self.weekdays_capitalized = dates.get("weekdays_capitalized", True)
        self.months_capitalized = dates.get("months_capitalized", True)
        self.year_words = {fold(word) for word in dates.get("year_words", [])}
        self.last = {fold(word) for word in dates.get("last", [])}
        self.next = {fold(word) for word in dates.get("next", [])}
        self.this = {fold(word) for word in dates.get("this", [])}
        self.day_first = dates.get("numeric_order", "dmy") == "dmy"
        self.joiners = {fold(word) for word in dates.get("joiners", [])}
        self.range_joiners = {fold(word) for word in dates.get("range_joiners", [])}
        self.not_event = {fold(word) for word in dates.get("not_event", [])}
        self.limit_just_before = {fold(word) for word in dates.get("limit_just_before", [])}
        self.month_parts = {fold(word) for word in dates.get("month_parts", [])}
        self.clause_breaks = {fold(word) for word in dates.get("clause_breaks", [])}
        self.relative_words = {fold(word) for word in dates.get("relative_words", [])}
        self.numbers = {fold(key): value for key, value in lex.get("numbers", {}).items()}
        self.duration_units = {fold(word) for word in dates.get("duration_units", [])}
        self.relative = PhraseIndex()
        for phrase, spec in lex.get("relative", {}).items():
            unit, offset = spec.split(":")
            self.relative.add([t.text for t in nlp.tokenizer(phrase)], (unit, int(offset)))
        # Words a date expression can begin with (besides digits): most tokens are none.
        self.starters = (
            set(self.months)
            | {f"{month}." for month in self.months}
            | set(self.weekdays)
            | self.relative.first_words()
        )

    # --- finding ---------------------------------------------------------------------------

    def find(self, doc: Document, start: int, end: int) -> list[DateExpression]:
        """Date expressions among tokens [start, end), left to right."""
        keys, texts = doc.keys, doc.texts
        starters = self.starters
        found: list[DateExpression] = []
        i = start
        while i < end:
            if keys[i] not in starters and not keys[i][:1].isdigit():
                i += 1
                continue
            expression = self._expression_at(doc, keys, texts, i, end)
            if expression is None:
                i += 1
                continue
            found.append(expression)
            i = expression.end
        return self._combine(doc, found)

    def _month(self, key: str) -> int | None:
        return self.months.get(key.rstrip("."))

    def _day(self, text: str) -> int | None:
        match = _DAY_TOKEN.match(text.lower())
        if match and 1 <= int(match.group(1)) <= 31:
            return int(match.group(1))
        return None

    def _year(self, text: str) -> int | None:
        match = _YEAR_TOKEN.match(text)
        return int(match.group(1)) if match else None

    def _expression_at(self, doc, keys, texts, i, end) -> DateExpression | None:
        key, text = keys[i], texts[i]

        relative = self.relative.match_at(keys, texts, i)
        if relative and relative.end <= end:
            return DateExpression(i, relative.end, relative=relative.payloads[0])

        iso = _ISO.match(text)
        if iso:
            year, month, day = (int(part) for part in iso.groups())
            return DateExpression(i, i + 1, year=year, month=month, day=day)

        numeric = _NUMERIC.match(text)
        if numeric and (i == 0 or texts[i - 1] in {"(", "[", ","} or texts[i - 1][:1].isupper()):
            first, second, year = numeric.groups()
            day, month = (int(first), int(second)) if self.day_first else (int(second), int(first))
            if 1 <= day <= 31 and 1 <= month <= 12:
                full_year = None
                if year:
                    full_year = int(year) if len(year) == 4 else 2000 + int(year)
                return DateExpression(i, i + 1, year=full_year, month=month, day=day)

        split = self._split_numeric(texts, i, end)
        if split is not None:
            return split

        day = self._day(text)
        if day is not None:
            return self._day_first(keys, texts, i, end, day)

        day_range = _DAY_RANGE_TOKEN.match(text)
        if day_range and i + 1 < end and self._month(keys[i + 1]):
            first, last = int(day_range.group(1)), int(day_range.group(2))
            return self._days_then_month(texts, keys, i, i + 1, end, first, last)

        month = self._month(key)
        if month is not None and (text[:1].isupper() or not self.months_capitalized):
            return self._month_first(keys, texts, i, end, month)

        weekday = self.weekdays.get(key)
        if weekday is not None and (text[:1].isupper() or not self.weekdays_capitalized):
            return DateExpression(i, i + 1, weekday=weekday)

        if _DATE_LIKE.match(text):
            # A numeric date in a form the patterns above don't read (2017/10/23, 23-10-2017).
            return DateExpression(i, i + 1, fallback_text=text)

        year = self._year(text)
        if (
            year is not None
            and i > 0
            and (
                keys[i - 1] in self.joiners
                or keys[i - 1] in self.not_event
                or keys[i - 1] in self.limit_just_before
                or keys[i - 1] in self.year_words
            )
        ):
            return DateExpression(i, i + 1, year=year)
        return None

    def _split_numeric(self, texts, i, end) -> DateExpression | None:
        """'(27/11)' or '(30/11/2017)' when the tokenizer split it at the slashes."""
        if not (
            texts[i].isdigit()
            and i + 2 < end
            and texts[i + 1] == "/"
            and texts[i + 2].isdigit()
            and (i == 0 or texts[i - 1] in {"(", "[", ","} or texts[i - 1][:1].isupper())
        ):
            return None
        joined = "/".join(texts[i : i + 3 : 2])
        stop = i + 3
        if stop + 1 < end and texts[stop] == "/" and texts[stop + 1].isdigit():
            joined += "/" + texts[stop + 1]
            stop += 2
        match = _NUMERIC.match(joined)
        if not match:
            return None
        first, second, year = match.groups()
        day, month = (int(first), int(second)) if self.day_first else (int(second), int(first))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        full_year = (int(year) if len(year) == 4 else 2000 + int(year)) if year else None
        return DateExpression(i, stop, year=full_year, month=month, day=day)

    def _day_first(self, keys, texts, i, end, day) -> DateExpression | None:
        """12 April [1987]; 12-14 April; 12 to 14 April; 12 April to 3 May."""
        j = i + 1
        while j < end and keys[j] in self.joiners:
            j += 1
        if j < end and keys[j] in self.range_joiners and j + 1 < end:
            second = self._day(texts[j + 1])
            if second is not None and j + 2 < end and self._month(keys[j + 2]):
                return self._days_then_month(texts, keys, i, j + 2, end, day, second)
        if j >= end or not self._month(keys[j]):
            return None
        month = self._month(keys[j])
        stop = j + 1
        year = None
        if stop < end and self._year(texts[stop]):
            year = self._year(texts[stop])
            stop += 1
        expression = DateExpression(i, stop, year=year, month=month, day=day)
        return self._extend_range(keys, texts, expression, end)

    def _month_first(self, keys, texts, i, end, month) -> DateExpression:
        """April 12[, 1987]; April 12-14; April 14th-18th; April 1987; April."""
        j = i + 1
        if j < end:
            day_range = _DAY_RANGE_TOKEN.match(texts[j])
            if day_range:
                first, last = int(day_range.group(1)), int(day_range.group(2))
                stop, year = self._year_after(keys, texts, j + 1, end)
                return _days_of_month(i, stop, year, month, first, last)
            day = self._day(texts[j])
            if day is not None:
                stop = j + 1
                if (
                    stop + 1 < end
                    and keys[stop] in self.range_joiners
                    and self._day(texts[stop + 1])
                ):
                    end_day = self._day(texts[stop + 1])
                    stop, year = self._year_after(keys, texts, stop + 2, end)
                    return _days_of_month(i, stop, year, month, day, end_day)
                stop, year = self._year_after(keys, texts, stop, end)
                expression = DateExpression(i, stop, year=year, month=month, day=day)
                return self._extend_range(keys, texts, expression, end)
            k = j
            while k < end and keys[k] in self.joiners:
                k += 1
            if k < end and self._year(texts[k]):
                return DateExpression(i, k + 1, year=self._year(texts[k]), month=month)
        return DateExpression(i, i + 1, month=month)

    def _days_then_month(self, texts, keys, i, j, end, first, last) -> DateExpression:
        """'12-14 April [1987]': the days from token i, the month at token j, then a year."""
        year = self._year(texts[j + 1]) if j + 1 < end else None
        stop = j + (2 if year else 1)
        return _days_of_month(i, stop, year, self._month(keys[j]), first, last)

    def _year_after(self, keys, texts, j, end) -> tuple[int, int | None]:
        k = j + 1 if j < end and texts[j] == "," else j
        if k < end and self._year(texts[k]):
            return k + 1, self._year(texts[k])
        return j, None

    def _extend_range(self, keys, texts, expression: DateExpression, end) -> DateExpression:
        """'12 April to 3 May' or 'April 12 to May 3': a second full date after a joiner."""
        j = expression.end
        if j + 1 < end and keys[j] in self.range_joiners:
            second = self._expression_at(None, keys, texts, j + 1, end)
            if second and second.day and second.month and second.weekday is None:
                return replace(
                    expression,
                    end=second.end,
                    end_day=second.day,
                    end_month=second.month,
                    end_year=second.year or expression.year,
                    year=expression.year or second.year,
                )
        return expression

    def _combine(self, doc: Document, found: list[DateExpression]) -> list[DateExpression]:
        """Join a weekday to the date beside it; read 'last'/'next' and 'four-day' around dates."""
        keys = doc.keys
        combined: list[DateExpression] = []
        index = 0
        while index < len(found):
            expression = found[index]
            following = found[index + 1] if index + 1 < len(found) else None
            if (
                expression.weekday is not None
                and following is not None
                and following.weekday is not None
                and following.start == expression.end + 1
                and keys[expression.end] in self.range_joiners
            ):
                combined.append(
                    self._with_shift(
                        keys, replace(expression, end=following.end, end_weekday=following.weekday)
                    )
                )
                index += 2
                continue
            if (
                expression.weekday is not None
                and following is not None
                and following.start - expression.end <= 4
            ):
                if following.day is not None or following.month is not None:
                    # "Friday (April 4, 2025)", "Senin (23/10)": the explicit date says it all.
                    combined.append(replace(following, start=expression.start))
                    index += 2
                    continue
                if following.relative and following.relative[0] == "week":
                    # "Minggu pekan lalu": Sunday of last week.
                    combined.append(
                        replace(expression, end=following.end, relative=following.relative)
                    )
                    index += 2
                    continue
            combined.append(self._with_shift(keys, expression))
            index += 1
        return combined

    def _with_shift(self, keys, expression: DateExpression) -> DateExpression:
        if expression.weekday is None and (expression.month is None or expression.day is not None):
            return expression
        if expression.year is not None:
            return expression
        before = keys[expression.start - 1] if expression.start > 0 else ""
        after = keys[expression.end] if expression.end < len(keys) else ""
        start = expression.start - 1 if before in self.last | self.next else expression.start
        if start > 0 and keys[start - 1] in self.month_parts:
            start -= 1  # "late last July"
        if before in self.last or after in self.last:
            return replace(expression, start=start, shift=-1)
        if before in self.next or after in self.next:
            return replace(expression, start=start, shift=1)
        return expression

    def durations(self, doc: Document, start: int, end: int) -> int | None:
        """'a four-day visit', 'kunjungan tiga hari': how many days an encounter lasts."""
        keys = doc.keys
        for i in range(start, end - 1):
            number = self.numbers.get(keys[i])
            if number is None and keys[i].isdigit():
                number = int(keys[i])
            if number is None or not 1 < number <= 31:
                continue
            j = i + 1
            if j < end and keys[j] in {"-", "–"}:
                j += 1
            if j < end and keys[j] in self.duration_units:
                return number
            compound = keys[i].split("-")
            if len(compound) == 2 and compound[1] in self.duration_units:
                return number
        for i in range(start, end):
            compound = keys[i].split("-")
            if len(compound) == 2 and compound[1] in self.duration_units:
                number = self.numbers.get(compound[0])
                if number and number > 1:
                    return number
        return None

    def is_event_date(
        self, doc: Document, expression: DateExpression, barriers: frozenset[int] = frozenset()
    ) -> bool:
        """False for 'since 2015', 'until Friday', 'since he took power in 1982'; a meeting
        word in between (`barriers`) keeps the date: 'after the Venice summit in June'."""
        keys = doc.tokens
        sentence = keys[expression.start].sentence
        for position in range(expression.start - 1, max(expression.start - 13, -1), -1):
            token = keys[position]
            if token.sentence != sentence or token.text in {",", ";", "(", ")"}:
                break
            if position in barriers:
                break
            if token.key in self.not_event:
                return False
            # "by August" sets a limit; "a visit by the speaker to Taiwan in August" names who.
            if token.key in self.limit_just_before and expression.start - position <= LIMIT_REACH:
                return False
        return True

    # --- resolving -------------------------------------------------------------------------

    def resolve(
        self, expression: DateExpression, reference: dt.date, tense: str | None
    ) -> ResolvedDate | None:
        """The expression placed in time, or None when it cannot be: a day past the calendar's
        edge ("next year" said on 31 December 9999) is dropped, not clamped, since no real
        meeting falls there and a clamped day would be a fact the text never gave."""
        try:
            return self._resolve(expression, reference, tense)
        except (OverflowError, ValueError):
            return None

    def _resolve(
        self, expression: DateExpression, reference: dt.date, tense: str | None
    ) -> ResolvedDate | None:
        if expression.fallback_text:
            order = "DMY" if self.day_first else "MDY"
            return _dateparser(expression.fallback_text, reference, self.language, order)
        if expression.relative and expression.weekday is None:
            return _relative(expression.relative, reference)
        if expression.weekday is not None:
            return _weekday(expression, reference, tense)
        if expression.month is not None and expression.day is not None:
            return _day_month(expression, reference, tense)
        if expression.month is not None:
            return _month(expression, reference, tense)
        if expression.year is not None:
            return ResolvedDate(dt.date(expression.year, 1, 1), None, YEAR)
        return None


def _days_of_month(
    start: int, stop: int, year: int | None, month: int, first: int, last: int
) -> DateExpression:
    """Days `first` to `last` of one month: '12-14 April'."""
    return DateExpression(
        start,
        stop,
        year=year,
        month=month,
        day=first,
        end_year=year,
        end_month=month,
        end_day=last,
    )


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _choose_year(make, reference: dt.date, tense: str | None, slack: int = 7) -> dt.date | None:
    """The year that puts a yearless date where the tense says, or nearest the reference."""
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        if dt.MINYEAR <= year <= dt.MAXYEAR and (day := make(year)):
            options.append(day)
    if not options:
        return None
    if tense == FUTURE:
        later = [day for day in options if day >= add_days(reference, -slack)]
        if later:
            return min(later)
    if tense == PAST:
        earlier = [day for day in options if day <= add_days(reference, slack)]
        if earlier:
            return max(earlier)
    return min(options, key=lambda day: abs((day - reference).days))


def _day_month(expression: DateExpression, reference: dt.date, tense: str | None):
    if expression.year:
        start = _safe_date(expression.year, expression.month, expression.day)
    else:
        start = _choose_year(
            lambda year: _safe_date(year, expression.month, expression.day), reference, tense
        )
    if start is None:
        return None
    end = None
    if expression.end_day:
        end_month = expression.end_month or expression.month
        end_year = expression.end_year or start.year
        if end_month < start.month and not expression.end_year:
            end_year += 1  # "30 December to 2 January"
        end = _safe_date(end_year, end_month, expression.end_day)
        if end is not None and end <= start:
            end = None
    return ResolvedDate(start, end, DAY)


def _month(expression: DateExpression, reference: dt.date, tense: str | None):
    if expression.year:
        return ResolvedDate(dt.date(expression.year, expression.month, 1), None, MONTH)
    if expression.shift:
        tense = PAST if expression.shift < 0 else FUTURE
    first = _choose_year(
        lambda year: dt.date(year, expression.month, 1),
        dt.date(reference.year, reference.month, 1),
        tense,
        slack=0,
    )
    return ResolvedDate(first, None, MONTH) if first else None


def _weekday(expression: DateExpression, reference: dt.date, tense: str | None):
    first = _one_weekday(expression, reference, tense)
    if expression.end_weekday is None:
        return first
    days = (expression.end_weekday - expression.weekday) % 7
    return ResolvedDate(first.start, first.start + dt.timedelta(days=days), DAY)


def _one_weekday(expression: DateExpression, reference: dt.date, tense: str | None):
    if expression.relative and expression.relative[0] == "week":
        monday = reference - dt.timedelta(days=reference.weekday())
        monday += dt.timedelta(weeks=expression.relative[1])
        return ResolvedDate(monday + dt.timedelta(days=expression.weekday), None, DAY)
    ahead = (expression.weekday - reference.weekday()) % 7
    behind = (reference.weekday() - expression.weekday) % 7
    if expression.shift < 0:
        tense, behind = PAST, behind or 7
    elif expression.shift > 0:
        tense, ahead = FUTURE, ahead or 7
    if tense == FUTURE:
        return ResolvedDate(reference + dt.timedelta(days=ahead), None, DAY)
    if tense == PAST:
        return ResolvedDate(reference - dt.timedelta(days=behind), None, DAY)
    offset = ahead if ahead < behind else -behind
    return ResolvedDate(reference + dt.timedelta(days=offset), None, DAY)


def _relative(relative: tuple[str, int], reference: dt.date) -> ResolvedDate:
    unit, offset = relative
    if unit == "day":
        return ResolvedDate(reference + dt.timedelta(days=offset), None, DAY)
    if unit in {"week", "weekend"}:
        monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=offset)
        if unit == "weekend":
            return ResolvedDate(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), DAY)
        return ResolvedDate(monday, monday + dt.timedelta(days=6), DAY)
    if unit == "month":
        month_index = reference.year * 12 + reference.month - 1 + offset
        return ResolvedDate(dt.date(month_index // 12, month_index % 12 + 1, 1), None, MONTH)
    return ResolvedDate(dt.date(reference.year + offset, 1, 1), None, YEAR)


@cache
def _dateparser_cached(
    text: str, reference: dt.date, language: str, date_order: str
) -> ResolvedDate | None:
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(reference, dt.time()),
        "DATE_ORDER": date_order,
        "RETURN_TIME_AS_PERIOD": False,
        "REQUIRE_PARTS": ["month"],
    }
    # Imported on the first fallback, not with the engine: a fifth of a second of a worker's
    # start-up, for expressions few articles hold.
    import dateparser

    parsed = dateparser.parse(text, languages=[language], settings=settings)
    if parsed is None:
        return None
    return ResolvedDate(parsed.date(), None, DAY)


def _dateparser(
    text: str, reference: dt.date, language: str, date_order: str
) -> ResolvedDate | None:
    return _dateparser_cached(text, reference, language, date_order)
