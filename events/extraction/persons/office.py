"""Who is out of office: a former-office cue near a name ("months after he stepped down")."""

from __future__ import annotations

from events.extraction.persons.cast import Cast
from events.extraction.persons.spans import NameSpans

FORMER_REACH = 10  # tokens between a name and "stepped down"


def mark_out_of_office(spans: NameSpans, cast: Cast) -> None:
    """The person nearest a former-office cue, with nobody named between them, is former."""
    doc = spans.doc
    cues = spans.res.former_cues.find(doc.keys, doc.texts, doc.positions)
    for cue in cues:
        sentence = spans.tokens[cue.start].sentence
        near = [
            mention
            for mention in cast.mentions
            if mention.sentence == sentence and abs(mention.start - cue.start) <= FORMER_REACH
        ]
        if not near:
            continue
        nearest = min(near, key=lambda m: min(abs(m.end - cue.start), abs(cue.end - m.start)))
        low, high = (
            (nearest.end, cue.start) if nearest.end <= cue.start else (cue.end, nearest.start)
        )
        if any(spans.plain_word(i) or spans.name_word(i) for i in range(low, high)):
            continue  # someone else between: "A took over after B stepped down"
        nearest.person.former = True
