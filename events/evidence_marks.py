"""An article's text with its evidence sentences marked, from the offsets stored with them.

The text is escaped and cut into paragraphs as Django's `linebreaks` does (a blank line
between paragraphs, a line break within one); a mark that runs across a paragraph's end is
closed there and opened again in the next. Overlapping sentences of several meetings become
one mark naming them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

PARAGRAPH_BREAK = re.compile(r"\n{2,}")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    meetings: tuple[int, ...]


def locate(text: str, start: int, end: int, sentence: str) -> tuple[int, int] | None:
    """Where the stored sentence is: at its offsets, else (a text stored differently) the
    first place it occurs; None when it is not in the text at all."""
    if text[start:end] == sentence:
        return start, end
    found = text.find(sentence) if sentence else -1
    return (found, found + len(sentence)) if found >= 0 else None


def merged(spans: list[Span]) -> list[Span]:
    """Spans in order, overlapping ones joined."""
    result: list[Span] = []
    for span in sorted(spans, key=lambda span: (span.start, span.end)):
        if result and span.start < result[-1].end:
            last = result[-1]
            meetings = tuple(dict.fromkeys((*last.meetings, *span.meetings)))
            result[-1] = Span(last.start, max(last.end, span.end), meetings)
        else:
            result.append(span)
    return result


def _mark(text: str, span: Span, label: str) -> str:
    ids = " ".join(str(pk) for pk in span.meetings)
    return format_html('<mark class="evidence-mark" data-meetings="{}" title="{}">', ids, label) + (
        escape(text).replace("\n", "<br>") + "</mark>"
    )


def marked_paragraphs(text: str, spans: list[Span], *, label: str) -> SafeString:
    """The text as escaped paragraphs, with the spans marked (`label` is their tooltip)."""
    spans = merged(spans)
    bounds, position = [], 0
    for separator in PARAGRAPH_BREAK.finditer(text):
        bounds.append((position, separator.start()))
        position = separator.end()
    bounds.append((position, len(text)))
    paragraphs = []
    for first, last in bounds:
        if first == last:
            continue
        pieces, cursor = [], first
        for span in spans:
            start, end = max(span.start, first), min(span.end, last)
            if start >= end:
                continue
            pieces.append(escape(text[cursor:start]).replace("\n", "<br>"))
            pieces.append(_mark(text[start:end], span, label))
            cursor = end
        pieces.append(escape(text[cursor:last]).replace("\n", "<br>"))
        paragraphs.append(f"<p>{''.join(pieces)}</p>")
    return mark_safe("\n".join(paragraphs))  # every piece of text above is escaped
