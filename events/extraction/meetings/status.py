"""A meeting's status. While candidates are read (`StatusCues`): the cues near the meeting
words (cancelled or postponed, planned, past, under way now; "postponed to" a date plans it
again for that date). For the finding (`decide_status`): a cancellation wins, then "under way
now", then the date against the reference day, then the explicit cues, else occurred."""

from __future__ import annotations

import datetime as dt

from events.extraction.annotate import Mention
from events.extraction.dates import DAY, FUTURE, MONTH, PAST, ResolvedDate
from events.extraction.meetings.model import CANCELLED, OCCURRED, PLANNED, Cue, Encounter, words_of
from events.extraction.meetings.reading import CUE_WINDOW, Part

CANCEL_WINDOW = (
    15  # cancellation words are strong: "the visit planned for next week ... was cancelled"
)
POSTPONED_REACH = 4  # tokens from "postponed" to "to" its new date: "postponed to March 20"


class StatusCues(Part):
    def _cues(self, sentence: int, triggers: list[Mention]) -> list[tuple[int, str, str]]:
        """(distance, label, words) for status cues near the meeting words, nearest first."""
        found = []
        for cue in self.ann.in_sentence(self.ann.cues, sentence):
            distance = min(
                min(abs(cue.start - trigger.end), abs(trigger.start - cue.end))
                for trigger in triggers
            )
            window = CANCEL_WINDOW if cue.label in {"cancelled", "postponed"} else CUE_WINDOW
            if distance <= window:
                found.append((distance, cue.label, cue.text))
        return sorted(found)

    def read(
        self, sentence: int, triggers: list[Mention]
    ) -> tuple[str | None, str, bool, Cue | None]:
        """(tense, status, explicit, cue) from the status cues nearest the meeting words."""
        cues = self._cues(sentence, triggers)
        for _, label, text in cues:
            if label in {"cancelled", "postponed"}:
                return None, CANCELLED, True, Cue(f"{label}_cue", (text,), sentence)
        for _, label, text in cues:
            if label == "planned":
                return FUTURE, PLANNED, True, Cue("planned_cue", (text,), sentence)
            if label == "past":
                return PAST, OCCURRED, True, Cue("past_cue", (text,), sentence)
        return self.reading.sentence_tense(sentence), OCCURRED, False, None

    def postponed_to(
        self, sentence: int, triggers: list[Mention]
    ) -> tuple[ResolvedDate, Cue] | None:
        """'The summit was postponed to March 20': planned again, for the new date (postponed
        without one, it counts as cancelled)."""
        if "postponed" not in {label for _, label, _ in self._cues(sentence, triggers)}:
            return None
        cue = min(
            (c for c in self.ann.in_sentence(self.ann.cues, sentence) if c.label == "postponed"),
            key=lambda c: min(abs(c.start - t.end) for t in triggers),
        )
        _, end = self.doc.sentences[sentence]
        for i in range(cue.end, min(cue.end + POSTPONED_REACH, end)):
            if self.keys[i] in self.res.postponed_to:
                later = self.res.dates.find(self.doc, i + 1, min(i + 4, end))
                if later and later[0].start <= i + 2:
                    date = self.res.dates.resolve(later[0], self.reference, FUTURE)
                    if date is None:
                        return None
                    words = (cue.text, self.doc.span_text(later[0].start, later[0].end))
                    return date, Cue("postponed_to_new_date", words, sentence)
        return None

    def present(self, sentence: int, triggers: list[Mention]) -> bool:
        return any(label == "present" for _, label, _ in self._cues(sentence, triggers))


def decide_status(encounter: Encounter, reference: dt.date) -> tuple[str, Cue]:
    """The one place a meeting's status is decided, with the rule and cue that decided it."""
    statuses = encounter.statuses
    cues = encounter.status_cues
    if (CANCELLED, True) in statuses and not encounter.rescheduled:
        return CANCELLED, cues.get(CANCELLED) or Cue("cancelled_cue")
    if encounter.present:
        return OCCURRED, Cue("under_way_now")
    date = encounter.date
    date_words = words_of(encounter.date_cue)
    date_sentence = encounter.date_cue.sentence if encounter.date_cue else None
    explicit = [status for status, is_explicit in statuses if is_explicit]
    if date is not None:
        vague = (date.last_day() - date.start).days > 2
        if vague and date.start <= reference <= date.last_day() and PLANNED in explicit:
            return PLANNED, cues.get(PLANNED) or Cue("planned_cue")  # "will visit this week"
        if date.precision == DAY:
            ours, now = (date.start,), (reference,)
        elif date.precision == MONTH:
            ours, now = (date.start.year, date.start.month), (reference.year, reference.month)
        else:
            ours, now = (date.start.year,), (reference.year,)
        if ours != now or date.precision == DAY:
            later = ours > now
            rule = "date_after_publication" if later else "date_not_after_publication"
            return (PLANNED if later else OCCURRED), Cue(rule, date_words, date_sentence)
    if OCCURRED in explicit:
        return OCCURRED, cues.get(OCCURRED) or Cue("past_cue")
    if PLANNED in explicit:
        return PLANNED, cues.get(PLANNED) or Cue("planned_cue")
    return OCCURRED, Cue("reported_as_news")
