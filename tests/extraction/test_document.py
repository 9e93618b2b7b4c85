"""Reading an article into tokens and sentences (events.extraction.document)."""

import pytest

from events.extraction.document import read


def sentences(doc) -> list[str]:
    return [doc.sentence_text(index) for index in range(len(doc.sentences))]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A line break ends a sentence that has no full stop (a headline, a dateline).
        ("Ministers gather in Oslo\nThe talks begin today.", ["Ministers gather in Oslo"]),
        # Spaces and blank lines after the break: the next word still starts a sentence.
        ("A short line \n \n\t  Another line here.", ["A short line"]),
        ("One line\r\nAnd a second one.", ["One line"]),
        # A full stop then a break: one boundary, not an empty sentence.
        ("It ended.\n\nThen it began.", ["It ended."]),
    ],
)
def test_a_line_break_ends_a_sentence(body, expected):
    doc = read("", body, "en")

    assert sentences(doc)[: len(expected)] == expected
    assert len(doc.sentences) == len(expected) + 1


def test_a_line_break_splits_the_title_from_the_body_and_lines_within_it():
    doc = read("Envoys arrive\nfor talks", "Delegates met on Monday in Lima", "en")

    assert sentences(doc) == ["Envoys arrive", "for talks", "Delegates met on Monday in Lima"]
    assert doc.title_sentences == 2


def test_no_line_break_no_extra_sentence():
    doc = read("", "The envoy spoke. The minister listened and agreed", "en")

    assert sentences(doc) == ["The envoy spoke.", "The minister listened and agreed"]


def test_tokens_keep_no_whitespace_and_point_into_the_text():
    doc = read("A title", "First  line\n\nSecond line", "en")

    assert all(token.text.strip() == token.text for token in doc.tokens)
    assert all(doc.text[token.start : token.end] == token.text for token in doc.tokens)
    assert [token.i for token in doc.tokens] == list(range(len(doc.tokens)))


@pytest.mark.parametrize("body", ["", "   ", "\n\n\t\n"])
def test_a_text_of_whitespace_has_no_tokens_and_no_sentences(body):
    doc = read("", body, "en")

    assert doc.tokens == []
    assert doc.sentences == []


def test_tokens_carry_their_sentence_case_and_following_space():
    doc = read("", "Envoys met.\nTalks  ended", "en")

    assert [(t.text, t.sentence, t.capitalized, t.space_after) for t in doc.tokens] == [
        ("Envoys", 0, True, True),
        ("met", 0, False, False),
        (".", 0, False, True),
        ("Talks", 1, True, True),
        ("ended", 1, False, False),
    ]
    assert doc.sentences == [(0, 3), (3, 5)]
