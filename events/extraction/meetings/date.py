"""When an encounter takes place. While candidates are read (`Dates`): the event date
nearest its meeting words in the sentence (not the day something was said, not in another
clause, not nearer another encounter); for an undated encounter, the date of a lead that
announces it or of the narrative just before it. For the finding: the month of a dated trip
told with it (`date_by_sequence`), a stay's length, and the reference day for what is under
way or the news of a dispatch's lead (`settle_date`)."""

from __future__ import annotations

import datetime as dt

from events.extraction.annotate import Mention
from events.extraction.dates import (
    DAY,
    FUTURE,
    MONTH,
    PAST,
    DateExpression,
    ResolvedDate,
    add_days,
)
from events.extraction.document import Document
from events.extraction.meetings.model import OCCURRED, PLANNED, Cue, Encounter, words_of
from events.extraction.meetings.reading import Part

HEAD_GAP = 8  # a date opening the sentence dates it, unless one sits close after the word
MAX_DATE_GAP = 16  # tokens between a meeting word and its date
BEFORE_PENALTY = 6  # a date before the meeting word more often belongs to something else
CONTEXT_DATE_REACH = 3  # sentences back, within a paragraph, that may date an undated meeting
EVENT_STEM = 6  # letters an event's noun shares with its verb ("announcement", "announced")


class Dates(Part):
    def nearest(
        self,
        sentence: int,
        triggers: list[Mention],
        tense: str | None,
        rivals: list[Mention],
    ) -> tuple[ResolvedDate | None, Cue | None]:
        """The date nearest the meeting words, unless it is nearer to the words of another
        encounter the sentence tells of (`rivals`)."""
        start, end = self.doc.sentences[sentence]
        start = max(start, self.doc.dateline_end)
        barriers = frozenset(i for trigger in triggers for i in range(trigger.start, trigger.end))
        expressions = [
            expression
            for expression in self.res.dates.find(self.doc, start, end)
            if self.res.dates.is_event_date(self.doc, expression, barriers)
            and not self._in_name(expression)
        ]
        if not expressions:
            return None, None

        reporting_ends = [m.end for m in self.ann.in_sentence(self.ann.reporting, sentence)]
        trigger_starts = [trigger.start for trigger in triggers]

        def when_reported(expression) -> bool:
            """'told The Hindu on Tuesday': the day of the telling, not of the meeting."""
            return any(
                0 <= expression.start - end <= 4
                and not any(end <= t < expression.start for t in trigger_starts)
                for end in reporting_ends
            )

        expressions = [
            expression
            for expression in expressions
            if not when_reported(expression)
            and not self._other_clause(expression, triggers)
            and not self._in_relative_clause(expression, triggers)
            and not self._before_sequence(expression, triggers)
        ]
        if not expressions:
            return None, None
        sentence_head = start + 4

        if all(self._refers(trigger) for trigger in triggers):
            # "took to social media on Thursday ahead of the visit": Thursday is not the visit's.
            expressions = [e for e in expressions if all(e.start >= t.end for t in triggers)]
            if not expressions:
                return None, None

        def distance(expression, triggers=triggers) -> int:
            gaps = []
            for trigger in triggers:
                if expression.start >= trigger.end:
                    gaps.append(expression.start - trigger.end)
                elif expression.start < sentence_head:
                    gaps.append(HEAD_GAP)  # "On October 6, ... spoke": it dates the sentence
                else:
                    gaps.append(trigger.start - expression.end + BEFORE_PENALTY)
            return min(gaps)

        if rivals:
            expressions = [e for e in expressions if distance(e) <= distance(e, rivals)]
            if not expressions:
                return None, None
        expression = min(expressions, key=distance)
        if distance(expression) > MAX_DATE_GAP:
            return None, None
        date = self.res.dates.resolve(expression, self.reference, tense)
        if date is None:
            return None, None
        written = self.doc.span_text(expression.start, expression.end)
        return date, Cue("date_nearest_meeting_word", (written,), sentence)

    def _refers(self, trigger: Mention) -> bool:
        """'ahead of the visit', 'during Mr Modi's visit', 'menjelang kunjungan': the meeting
        word names an encounter the sentence only refers to."""
        for mention in self.ann.in_sentence(self.ann.referrings, trigger.sentence):
            if not 0 <= trigger.start - mention.end <= 4:
                continue
            between = range(mention.end, trigger.start)
            if all(
                self.doc.tokens[i].capitalized
                or self.keys[i] in self.res.anaphora
                or self.keys[i] in self.res.possessives
                for i in between
            ):
                return True
        return False

    def _before_sequence(self, expression, triggers: list[Mention]) -> bool:
        """'In November his party won, and soon after he visited India': the date is of what
        came first."""
        following = [t for t in triggers if t.start >= expression.end]
        if not following or len(following) < len(triggers):
            return False
        first = min(t.start for t in following)
        return any(self.keys[i] in self.res.dates.not_event for i in range(expression.end, first))

    def _in_relative_clause(self, expression, triggers: list[Mention]) -> bool:
        """'Prabowo, who won the election in February, ...': a date inside a clause about a
        person, set off by commas, tells of that person, not of the meeting."""
        sentence_start, sentence_end = self.doc.sentences[
            self.doc.tokens[expression.start].sentence
        ]
        opening = None
        for i in range(expression.start - 1, sentence_start, -1):
            if self.keys[i] == ",":
                if self.keys[i + 1] in self.res.dates.relative_words:
                    opening = i
                break
        if opening is None:
            return False
        closing = next(
            (i for i in range(expression.end, sentence_end) if self.keys[i] == ","), sentence_end
        )
        return not any(opening < t.start < closing for t in triggers)

    def _other_clause(self, expression, triggers: list[Mention]) -> bool:
        """'In November, his party swept the polls, and soon after he visited India': a
        comma and a conjunction between a date and the meeting word part their clauses."""
        for trigger in triggers:
            if expression.start >= trigger.end:
                low, high = trigger.end, expression.start
            else:
                low, high = expression.end, trigger.start
            if not any(
                self.keys[i] == ","
                and self.keys[i + 1] in self.res.dates.clause_breaks
                and not self._lists_people(i, high)
                for i in range(low, high - 1)
            ):
                return False
        return True

    def _lists_people(self, comma: int, until: int) -> bool:
        """'On Friday the defence secretary, X, and his counterpart, Y, met': a comma and a
        conjunction right after a name, with another name before the meeting word, go on
        listing the people of one clause."""
        mentions = self.people.in_sentence(self.doc.tokens[comma].sentence)
        return any(m.end == comma for m in mentions) and any(
            comma + 1 < m.start < until for m in mentions
        )

    def lead_sentence(self) -> int:
        if self.doc.dateline_end < len(self.doc.tokens):
            return max(self.doc.title_sentences, self.doc.tokens[self.doc.dateline_end].sentence)
        return self.doc.title_sentences

    def from_lead(self, encounters: list[Encounter]) -> None:
        """'TPP members will decide this weekend how to revive the pact. Trade ministers will
        talk on the sidelines of APEC in Hanoi': the lead says when the news will happen; the
        planned meeting the next sentence tells of is that news."""
        lead = self.lead_sentence()
        if lead >= len(self.doc.sentences) or self.ann.in_sentence(self.ann.triggers, lead):
            return
        undated = [
            e
            for e in encounters
            if e.date is None
            and min(e.sentences) == lead + 1
            and any(status == PLANNED for status, _ in e.statuses)
        ]
        if not undated or self.reading.sentence_tense(lead) != FUTURE:
            return
        expressions = self._event_dates(lead)
        if len(expressions) != 1:
            return
        date = self.res.dates.resolve(expressions[0], self.reference, FUTURE)
        written = self.doc.span_text(expressions[0].start, expressions[0].end)
        for encounter in undated:
            encounter.set_date(date, Cue("date_of_the_lead", (written,), lead))

    def from_context(self, encounters: list[Encounter]) -> None:
        """'Late on Sunday the president spoke to the press. He had talked to his counterpart
        by phone before': a narrative sets its time once and goes on without repeating it, so
        an undated meeting takes the date of the nearest sentence before it in its paragraph,
        unless that sentence (or one in between) tells of another encounter."""
        told = {s for e in encounters for s in e.sentences}
        for encounter in encounters:
            if encounter.date is not None:
                continue
            first = min(encounter.sentences)
            for earlier in range(first - 1, max(first - 1 - CONTEXT_DATE_REACH, -1), -1):
                if earlier < self.lead_sentence() or self._paragraph_break(earlier, earlier + 1):
                    break
                if earlier in told and earlier not in encounter.sentences:
                    break
                expressions = self._event_dates(earlier)
                if not expressions:
                    continue
                expression = expressions[-1]  # the nearest to the meeting
                date = self.res.dates.resolve(
                    expression, self.reference, self.reading.sentence_tense(first) or PAST
                )
                if date is not None:
                    written = self.doc.span_text(expression.start, expression.end)
                    cue = Cue("date_of_the_narrative_before", (written,), earlier)
                    encounter.set_date(date, cue)
                break

    def from_another_event(self, encounters: list[Encounter]) -> None:
        """'met the day before the announcement': an undated meeting counted in days from
        another event the article dates, found by its word's stem ('announced on May 4')."""
        offsets = self._day_offsets()
        if not offsets:
            return
        for encounter in encounters:
            if encounter.date is not None:
                continue
            for sentence in sorted(encounter.sentences):
                counted = self._counted_from_event(sentence, offsets)
                if counted is not None:
                    encounter.set_date(*counted)
                    break

    def _day_offsets(self) -> list[tuple[tuple[str, ...], int]]:
        """The lexicon's `[dates.day_offsets]`: "the day before the" = -1."""
        table = self.res.lexicon.get("dates", {}).get("day_offsets", {})
        return [(tuple(phrase.casefold().split()), offset) for phrase, offset in table.items()]

    def _counted_from_event(
        self, sentence: int, offsets: list[tuple[tuple[str, ...], int]]
    ) -> tuple[ResolvedDate, Cue] | None:
        start, end = self.doc.sentences[sentence]
        for i in range(start, end):
            for words, offset in offsets:
                after = i + len(words)
                if after >= end or tuple(self.keys[i:after]) != words:
                    continue
                noun = self.keys[after]
                if len(noun) < EVENT_STEM or not noun.isalpha():
                    continue
                anchor = self._dated_event(noun[:EVENT_STEM], sentence)
                if anchor is None or anchor[0].precision != DAY:
                    continue
                date, written = anchor
                day = add_days(date.start, offset)
                words_written = (self.doc.span_text(i, after + 1), written)
                return ResolvedDate(day, None, DAY), Cue(
                    "days_from_another_event", words_written, sentence
                )
        return None

    def _dated_event(self, stem: str, sentence: int) -> tuple[ResolvedDate, str] | None:
        """The date nearest the event's word (a word with the stem) in the nearest
        sentence before `sentence` that tells of it."""
        for earlier in range(sentence - 1, self.lead_sentence() - 1, -1):
            s_start, s_end = self.doc.sentences[earlier]
            told = [k for k in range(s_start, s_end) if self.keys[k].startswith(stem)]
            if not told:
                continue
            expressions = self._event_dates(earlier)
            if not expressions:
                return None
            expression = min(
                expressions,
                key=lambda e: min(abs(e.start - k) if e.start > k else k - e.end for k in told),
            )
            tense = self.reading.sentence_tense(earlier) or PAST
            date = self.res.dates.resolve(expression, self.reference, tense)
            if date is None:
                return None
            return date, self.doc.span_text(expression.start, expression.end)
        return None

    def _paragraph_break(self, sentence: int, following: int) -> bool:
        last = self.doc.tokens[self.doc.sentences[sentence][1] - 1]
        next_first = self.doc.tokens[self.doc.sentences[following][0]]
        return "\n" in self.doc.text[last.end : next_first.start]

    def _event_dates(self, sentence: int) -> list[DateExpression]:
        start, end = self.doc.sentences[sentence]
        return [
            expression
            for expression in self.res.dates.find(self.doc, max(start, self.doc.dateline_end), end)
            if self.res.dates.is_event_date(self.doc, expression) and not self._in_name(expression)
        ]

    def _in_name(self, expression) -> bool:
        """A month's short name inside a person's name ("Li Jun", "Dong Jun") is no date."""
        return any(
            mention.start <= expression.start < mention.end for mention in self.people.mentions
        )


def date_by_sequence(encounters: list[Encounter], sequence_sentences: dict[int, bool]) -> None:
    """'travelled to Sri Lanka (on 4 April) after attending the summit in Thailand': an
    undated encounter told in sequence with a dated one is dated by its month."""
    for encounter in encounters:
        if encounter.date is not None:
            continue
        for other in encounters:
            if other is encounter or other.date is None:
                continue
            shared = set(encounter.sentences) & set(other.sentences)
            if any(sequence_sentences.get(sentence) for sentence in shared):
                encounter.set_date(
                    ResolvedDate(
                        dt.date(other.date.start.year, other.date.start.month, 1), None, MONTH
                    ),
                    Cue("month_of_the_trip_told_with_it", words_of(other.date_cue)),
                )
                break


def settle_date(
    doc: Document, encounter: Encounter, status: str, reference: dt.date
) -> tuple[ResolvedDate | None, Cue | None]:
    """The encounter's date as found, stretched by the length of a stay, or, for something
    under way or the news of a dated dispatch's lead, the reference day."""
    date, date_cue = encounter.date, encounter.date_cue
    if (
        date is not None
        and date.precision == DAY
        and date.end is None
        and encounter.duration
        and encounter.duration > 1
    ):
        # "a three-day visit from Monday"
        date = ResolvedDate(date.start, add_days(date.start, encounter.duration - 1), DAY)
        date_cue = Cue(
            "length_of_stay_from_its_first_day",
            words_of(date_cue),
            date_cue.sentence if date_cue else None,
        )
    if encounter.present and date is not None and date.start > reference:
        # "is now visiting China and returns on 5 November": under way until then.
        date = ResolvedDate(reference, date.last_day(), DAY)
        date_cue = Cue("under_way_until", words_of(date_cue))
    if date is None and status == OCCURRED and (encounter.present or _in_lead(doc, encounter)):
        # Under way now, or the news the article opens with: it happens today.
        days = encounter.duration or 1
        end = add_days(reference, days - 1) if days > 1 else None
        date = ResolvedDate(reference, end, DAY)
        rule = "under_way_on_the_reference_day" if encounter.present else "news_of_the_lead"
        date_cue = Cue(rule)
    return date, date_cue


def _in_lead(doc: Document, encounter: Encounter) -> bool:
    """Reported in the lead of a dated dispatch ("MOSCOW, April 13 - ...")."""
    if not doc.dateline_end:
        return False
    lead = doc.tokens[doc.dateline_end].sentence
    return lead in encounter.sentences
