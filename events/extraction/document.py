"""An article as the engine reads it: title and body as one text, tokens and sentences.

spaCy's blank pipeline (tokenizer and sentencizer) does the splitting; the rest of the engine
works on the light `Token` records made here, which keep what it asks of every token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import spacy
from spacy.language import Language

from events.extraction.names import fold

TITLE_SEPARATOR = "\n\n"


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A line break ends a sentence: headlines and datelines have no full stop."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def pipeline(spacy_language: str) -> Language:
    nlp = spacy.blank(spacy_language)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("paragraph_breaks")
    return nlp


@dataclass(slots=True)
class Token:
    i: int
    text: str
    key: str  # folded lowercase form, for lexicon lookups
    start: int  # character offsets in Document.text
    end: int
    sentence: int
    capitalized: bool  # starts with a capital letter (and may begin a name)
    alpha: bool
    space_after: bool


@dataclass
class Document:
    title: str
    body: str
    text: str
    tokens: list[Token]
    sentences: list[tuple[int, int]]  # token ranges [start, end)
    title_sentences: int  # how many sentences belong to the title
    shouting_title: bool  # the title is written in capitals (names can't be told there)
    headline_sentences: frozenset[int] = frozenset()  # capitalised like headlines
    dateline_end: int = 0  # first token after the dateline ("MOSCOW, April 13 -")
    meta: dict = field(default_factory=dict)

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]

    def locate(self, start_char: int, end_char: int) -> tuple[str, int, int]:
        """Where a span of `text` lies: ("title" | "body", start, end) in that field."""
        body_offset = len(self.title) + len(TITLE_SEPARATOR)
        if start_char < len(self.title):
            return "title", start_char, min(end_char, len(self.title))
        return "body", start_char - body_offset, end_char - body_offset

    def in_title(self, token_index: int) -> bool:
        return self.tokens[token_index].sentence < self.title_sentences


def _is_shouting(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def _is_headline(words: list[str], is_title: bool) -> bool:
    """Written In Title Case, Like A Headline: capitals then tell nothing of names."""
    alphabetic = [word for word in words if word[:1].isalpha()]
    if len(alphabetic) < 4:
        return False
    if not is_title and (len(words) > 25 or words[-1] in {".", "!", "?", "”", '"'}):
        return False
    capitalized = sum(word[:1].isupper() for word in alphabetic)
    return capitalized / len(alphabetic) >= (0.6 if is_title else 0.7)


def read(title: str, body: str, spacy_language: str) -> Document:
    title = " ".join(title.split())
    text = f"{title}{TITLE_SEPARATOR}{body}" if title else body
    doc = pipeline(spacy_language)(text)
    shouting = _is_shouting(title)
    title_end = len(title)
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    title_sentences = 0
    headlines: set[int] = set()
    for sent in doc.sents:
        first = len(tokens)
        headline = _is_headline(
            [tok.text for tok in sent if not tok.is_space], is_title=sent.start_char < title_end
        )
        if headline:
            headlines.add(len(sentences))
        for tok in sent:
            if tok.is_space:
                continue
            raw = tok.text
            in_title = tok.idx < title_end
            tokens.append(
                Token(
                    i=len(tokens),
                    text=raw,
                    key=fold(raw),
                    start=tok.idx,
                    end=tok.idx + len(raw),
                    sentence=len(sentences),
                    capitalized=raw[:1].isupper() and not headline and not (shouting and in_title),
                    alpha=tok.is_alpha,
                    space_after=bool(tok.whitespace_),
                )
            )
        if len(tokens) > first:
            sentences.append((first, len(tokens)))
            if doc[sent.start].idx < title_end:
                title_sentences += 1
    return Document(
        title=title,
        body=body,
        text=text,
        tokens=tokens,
        sentences=sentences,
        title_sentences=title_sentences,
        shouting_title=shouting,
        headline_sentences=frozenset(headlines),
    )
