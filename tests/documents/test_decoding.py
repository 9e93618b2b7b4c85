"""Bytes to text: the encodings we read, and a message naming the problem for the rest."""

import codecs
import io

import pytest

from articles.documents.decoding import (
    Line,
    UndecodableText,
    decode_text,
    read_lines,
    sniff_problem,
)

TEXT = "Élysée: “talks” in Kraków — ça va"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode(), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode(), "UTF-8"),
        (TEXT.encode("utf-16"), "UTF-16"),  # Python writes the byte-order mark
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16"),
        (TEXT.replace("ł", "l").replace("ç", "c").encode("cp1252"), "Windows-1252"),
    ],
)
def test_text_in_the_encodings_we_read(data, encoding):
    decoded = decode_text(data)

    assert decoded.encoding == encoding
    assert decoded.text.replace("ł", "l").replace("ç", "c") == TEXT.replace("ł", "l").replace(
        "ç", "c"
    )


def test_latin1_reads_what_windows_1252_cannot():
    # 0x81 has no Windows-1252 character; a long Latin-1 text with one stray byte still reads.
    data = ("Le président est arrivé à Genève. " * 20).encode("latin-1") + b"\x81"

    decoded = decode_text(data)

    assert decoded.encoding == "Latin-1"
    assert decoded.text.startswith("Le président est arrivé")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "it is a PDF document, not text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "it is a ZIP archive (a Word .docx file is one)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "it is a PNG image, not text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "an old Microsoft Office document"),
        (b"some text\x00\x01\x02 and more", "it holds NUL bytes: binary data, not text"),
        (TEXT.encode("utf-16-le"), "it looks like UTF-16 without its byte-order mark"),
        (TEXT.encode("utf-32"), "it is saved as UTF-32"),
        (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8b\x00", "not valid UTF-16 (byte 2"),
        (bytes(range(1, 32)) * 40, "control characters in 1,240: binary data, not text"),
    ],
)
def test_anything_else_is_refused_with_the_reason(data, message):
    with pytest.raises(UndecodableText) as refused:
        decode_text(data)

    assert message in str(refused.value)


def test_sniffing_the_start_of_a_file():
    assert sniff_problem(b'{"title": "x"}\n') == ""
    assert sniff_problem(TEXT.encode("utf-16")) == ""
    assert sniff_problem(b"%PDF-1.4") == "it is a PDF document, not text"


def test_lines_are_decoded_one_by_one():
    data = (
        codecs.BOM_UTF8
        + b'{"a": "caf\xc3\xa9"}\r\n'  # UTF-8
        + b"\n"
        + b'{"b": "caf\xe9"}\n'  # Windows-1252 among UTF-8 lines
        + b"x\x00y\n"  # a binary line stops only itself
        + b"last line without a newline"
    )

    assert list(read_lines(io.BytesIO(data))) == [
        Line(1, '{"a": "café"}'),
        Line(2, ""),
        Line(3, '{"b": "café"}'),
        Line(4, "", "The line holds NUL bytes: binary data, not text."),
        Line(5, "last line without a newline"),
    ]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_lines_split_on_whole_characters(codec):
    # U+0A0A's bytes hold a newline byte: only a real newline character ends a line.
    text = '{"a": "\u0a0a"}\r\n{"b": "Ünal"}\n'
    data = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    data += text.encode(codec)

    assert list(read_lines(io.BytesIO(data))) == [
        Line(1, '{"a": "\u0a0a"}'),
        Line(2, '{"b": "Ünal"}'),
    ]


def test_a_broken_utf16_line_is_reported_and_the_others_read():
    good = '{"a": 1}\n'.encode("utf-16-le")
    broken = b"x\x00\x00\xd8" + "\n".encode("utf-16-le")  # a lone high surrogate

    lines = list(read_lines(io.BytesIO(codecs.BOM_UTF16_LE + good + broken + good)))

    assert [line.text for line in lines] == ['{"a": 1}', "", '{"a": 1}']
    assert lines[1].problem.startswith("The line is not valid UTF-16")
