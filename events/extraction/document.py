"""An article as the engine reads it: title and body as one text, tokens and sentences.

spaCy's blank pipeline (tokenizer and sentencizer) does the splitting; the rest of the engine
works on the light `Token` records made here, which keep what it asks of every token.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import repeat
from operator import itemgetter
from typing import NamedTuple

import numpy
import spacy
from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, LENGTH, SENT_START
from spacy.lang.char_classes import ALPHA_LOWER, ALPHA_UPPER
from spacy.language import Language
from spacy.util import compile_infix_regex

from events.extraction.names import fold

TITLE_SEPARATOR = "\n\n"
GLUED_SENTENCE_END = rf"(?<=[{ALPHA_LOWER}’'\)])[?!]+(?=[{ALPHA_UPPER}])"


@cache
def pipeline(spacy_language: str) -> Language:
    """The pipeline articles are read with. A line break also ends a sentence (headlines and
    datelines have no full stop); `read` marks those as it walks the tokens, which costs a
    fraction of what a pipeline component setting `is_sent_start` token by token did."""
    nlp = spacy.blank(spacy_language)
    # spaCy splits a full stop glued between a word and a capital ("there.Why"); a question or
    # exclamation mark glued the same way ("What's happened?Israeli officials met") is a
    # heading run into its paragraph by the page's layout, and ends a sentence just as well.
    infixes = [*nlp.Defaults.infixes, GLUED_SENTENCE_END]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("sentencizer")
    return nlp


@cache
def lexicon_tokenizer(spacy_language: str) -> Language:
    """A pipeline of its own for tokenizing lexicon phrases: the tens of thousands of place
    names would otherwise fill the article pipeline's tokenizer cache and slow every article."""
    return spacy.blank(spacy_language)


class Token(NamedTuple):
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

    @cached_property
    def keys(self) -> list[str]:
        """Every token's folded form, in order (what lexicon lookups compare)."""
        return [token.key for token in self.tokens]

    @cached_property
    def texts(self) -> list[str]:
        return [token.text for token in self.tokens]

    @cached_property
    def positions(self) -> dict[str, list[int]]:
        """Where each folded word occurs: lexicon lookups start only where a phrase can."""
        found: defaultdict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(self.keys):
            found[key].append(i)
        return dict(found)  # a plain dict: a lookup of a missing word adds nothing

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]

    def locate(self, start_char: int, end_char: int) -> tuple[str, int, int]:
        """Where a span of `text` lies: ("title" | "body", start, end) in that field."""
        body_offset = self.body_offset
        if self.title and start_char < len(self.title):
            return "title", start_char, min(end_char, len(self.title))
        return "body", start_char - body_offset, end_char - body_offset

    @property
    def body_offset(self) -> int:
        return len(self.title) + len(TITLE_SEPARATOR) if self.title else 0

    def in_title(self, token_index: int) -> bool:
        return self.tokens[token_index].sentence < self.title_sentences


def _is_shouting(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def _is_headline(words: list[str], is_title: bool) -> bool:
    """Written In Title Case, Like A Headline: capitals then tell nothing of names."""
    # The cheap test first: most of an article's sentences are long or end in a full stop.
    if not is_title and (len(words) > 25 or words[-1] in {".", "!", "?", "”", '"'}):
        return False
    alphabetic = [word for word in words if word[:1].isalpha()]
    if len(alphabetic) < 4:
        return False
    capitalized = sum(word[:1].isupper() for word in alphabetic)
    return capitalized / len(alphabetic) >= (0.6 if is_title else 0.7)


def _tokens_and_sentences(
    doc, text: str
) -> tuple[list[Token], list[tuple[int, int]], list[str], list[str]]:
    """The words of a parsed text (whitespace tokens left out) and the sentences they form;
    with the words' texts and folded keys, for `Document.texts` and `Document.keys`.

    Worked out column by column over spaCy's attribute array, with no Python step per token
    beyond building its record: this runs on every token of every article, and a loop doing
    the same token by token took most of the engine's reading time.
    """
    # One array read instead of a Python object per token.
    rows = doc.to_array([IDX, LENGTH, IS_ALPHA, IS_SPACE, SENT_START])
    if not len(rows):
        return [], [], [], []
    starts_at, lengths, alpha, space, sent_start = rows.T
    # What starts a sentence: spaCy's sentence start, or a line break. spaCy keeps line breaks
    # in whitespace tokens; a mark on one (a break, or a sentence start) passes to the next
    # word, since whitespace tokens are left out.
    marks = sent_start == 1
    for k in numpy.flatnonzero(space).tolist():
        if "\n" in text[starts_at[k] : starts_at[k] + lengths[k]]:
            marks[k] = True
    words = numpy.flatnonzero(space == 0)
    if not len(words):
        return [], [], [], []
    # A word begins a sentence when a mark falls after the word before it, up to itself.
    seen = numpy.cumsum(marks)[words]
    begins = numpy.empty(len(words), dtype=bool)
    begins[0] = False
    begins[1:] = seen[1:] > seen[:-1]
    sentence_of = numpy.cumsum(begins).tolist()
    firsts = numpy.flatnonzero(begins).tolist()
    sentences = list(zip([0, *firsts], [*firsts, len(words)], strict=True))

    starts = starts_at[words].tolist()
    ends = (starts_at + lengths)[words].tolist()
    raws = [text[start:end] for start, end in zip(starts, ends, strict=True)]
    keys = list(map(fold, raws))
    tokens = list(
        map(
            tuple.__new__,
            repeat(Token),
            zip(
                range(len(raws)),
                raws,
                keys,
                starts,
                ends,
                sentence_of,
                list(map(str.isupper, map(itemgetter(0), raws))),  # words are never empty
                (alpha[words] == 1).tolist(),
                # "" past the text's end is no space.
                [text[end : end + 1].isspace() for end in ends],
                strict=True,
            ),
        )
    )
    return tokens, sentences, raws, keys


def read(title: str, body: str, spacy_language: str) -> Document:
    # The title is kept as written, so that evidence offsets slice the stored title.
    title = title if title.strip() else ""
    text = f"{title}{TITLE_SEPARATOR}{body}" if title else body
    doc = pipeline(spacy_language)(text)
    tokens, sentences, texts, keys = _tokens_and_sentences(doc, text)

    # Capitals tell nothing of names in headlines and in a title written in capitals.
    shouting = _is_shouting(title)
    title_end = len(title)
    title_sentences = sum(1 for start, _ in sentences if tokens[start].start < title_end)
    headlines: set[int] = set()
    for index, (start, stop) in enumerate(sentences):
        in_title = index < title_sentences
        if _is_headline(texts[start:stop], is_title=in_title):
            headlines.add(index)
        elif not (shouting and in_title):
            continue
        for i in range(start, stop):
            tokens[i] = tokens[i]._replace(capitalized=False)
    document = Document(
        title=title,
        body=body,
        text=text,
        tokens=tokens,
        sentences=sentences,
        title_sentences=title_sentences,
        shouting_title=shouting,
        headline_sentences=frozenset(headlines),
    )
    # Known already: the cached properties need not walk the tokens again.
    document.texts = texts
    document.keys = keys
    return document
