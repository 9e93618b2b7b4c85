"""Bytes to text: the encodings editors' files come in, and a refusal naming the problem for
anything else (binary files, documents renamed `.txt`, UTF-16 without its byte-order mark).

Text is read as UTF-8 (with or without a byte-order mark), UTF-16 with its byte-order mark,
else Windows-1252, else Latin-1. The last two accept any byte, so binary data is recognised by
what it holds: a known file signature, NUL bytes, or many control characters.
"""

from __future__ import annotations

import codecs
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

# The start of files that are certainly not text, and what to call them in a message.
_SIGNATURES = [
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx file is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ\x90\x00", "a Windows program"),
]
# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1",
}
# Text keeps tabs, line and page breaks; other control characters mean binary data.
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
_MAX_CONTROL_SHARE = 0.01


class UndecodableText(ValueError):
    """The bytes are not text in an encoding we read; the message says why, for the user."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # as people name it: "UTF-8", "UTF-16", "Windows-1252", "Latin-1"


@dataclass(frozen=True)
class Line:
    """One line of a text file: its text, or the problem that kept it from being read."""

    number: int
    text: str
    problem: str = ""


def binary_kind(data: bytes) -> str:
    """What a file starting with these bytes is, when it is a known binary format; else ""."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return ""


def _byte_order_mark(data: bytes) -> tuple[str, int]:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return "", 0


def _looks_like_utf16_without_mark(data: bytes) -> bool:
    """ASCII-range text in UTF-16 has a NUL in every other byte."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    return max(even.count(0), odd.count(0)) > 0.4 * len(sample) / 2


def sniff_problem(head: bytes) -> str:
    """Why a file starting with `head` cannot be text, or "" when it may be."""
    kind = binary_kind(head)
    if kind:
        return f"it is {kind}, not text"
    encoding, _ = _byte_order_mark(head)
    if encoding == "utf-32":
        return "it is saved as UTF-32; save it as UTF-8 (or UTF-16) instead"
    if not encoding and b"\x00" in head:
        if _looks_like_utf16_without_mark(head):
            return (
                "it looks like UTF-16 without its byte-order mark; save it as UTF-8, "
                "or as UTF-16 with the mark"
            )
        return "it holds NUL bytes: binary data, not text"
    return ""


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        name = _ENCODING_NAMES[encoding]
        raise UndecodableText(
            f"it starts with a {name} byte-order mark but is not valid {name} "
            f"(byte {error.start}: {error.reason})"
        ) from None


def _legacy(data: bytes) -> tuple[str, str]:
    """UTF-8, else Windows-1252, else Latin-1 (which reads every byte)."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _control_count(text: str) -> int:
    return sum(
        1
        for char in text
        if (char < " " or "\x7f" <= char <= "\x9f") and char not in _TEXT_CONTROLS
    )


def decode_text(data: bytes) -> DecodedText:
    """A whole file's bytes as text; raises UndecodableText naming the problem."""
    problem = sniff_problem(data[:4096])
    if problem:
        raise UndecodableText(problem)
    encoding, mark_length = _byte_order_mark(data)
    if encoding:
        text = _strict(data[mark_length:], encoding)
    else:
        text, encoding = _legacy(data)
    if "\x00" in text:
        raise UndecodableText("it holds NUL bytes: binary data, not text")
    controls = _control_count(text)
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise UndecodableText(
            f"it holds {controls:,} control characters in {len(text):,}: binary data, not text"
        )
    return DecodedText(text=text, encoding=_ENCODING_NAMES[encoding])


def _clean_line(raw: bytes) -> bytes:
    return raw.rstrip(b"\n").rstrip(b"\r")


def _narrow_lines(lines: Iterator[bytes]) -> Iterator[Line]:
    """Lines of UTF-8 or a legacy one-byte encoding, each decoded on its own: one line in
    Windows-1252 among UTF-8 ones is still read, and a binary line stops only itself."""
    for number, raw in enumerate(lines, 1):
        raw = _clean_line(raw)
        if b"\x00" in raw:
            yield Line(number, "", "The line holds NUL bytes: binary data, not text.")
            continue
        yield Line(number, _legacy(raw)[0])


def _wide_lines(data: bytes, encoding: str) -> Iterator[Line]:
    """Lines of UTF-16: split on the two-byte newline at even offsets only."""
    newline = "\n".encode(encoding)
    start, number = 0, 0
    while start < len(data):
        end = data.find(newline, start)
        while end != -1 and (end - start) % 2:
            end = data.find(newline, end + 1)
        if end == -1:
            end = len(data)
        raw, start = data[start:end], end + len(newline)
        number += 1
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as error:
            yield Line(
                number, "", f"The line is not valid UTF-16 (byte {error.start}: {error.reason})."
            )
            continue
        yield Line(number, text.removesuffix("\r"))


def read_lines(stream: BinaryIO) -> Iterator[Line]:
    """A text file's lines, for imports: decoded one by one, so that a line that cannot be
    read is reported on its own. Call sniff_problem on the file's start first."""
    first = stream.readline()
    encoding, mark_length = _byte_order_mark(first)
    if encoding.startswith("utf-16"):
        yield from _wide_lines(first[mark_length:] + stream.read(), encoding)
        return
    yield from _narrow_lines(itertools.chain([first[mark_length:]] if first else [], stream))
