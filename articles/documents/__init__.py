"""Reading an uploaded file as an article: its text and the metadata the file itself states.

`read_document(name=..., data=...)` takes a `.txt`, `.html`, `.docx` or `.pdf` file's bytes and
returns a `Document`, or raises `UnreadableDocument` with a message for the editor that names
the problem. Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath

from articles.documents.decoding import UndecodableText, decode_text
from articles.documents.html import html_decode, html_main_text, html_metadata
from articles.documents.office import UnreadableOffice, docx_read, pdf_read

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
KINDS = {
    ".txt": "text file",
    ".html": "web page",
    ".htm": "web page",
    ".docx": "Word document",
    ".pdf": "PDF",
}
EXTENSIONS = sorted(KINDS)


class UnreadableDocument(ValueError):
    """The file cannot be taken as an article; the message says why, for the user."""


@dataclass(frozen=True)
class Document:
    """An article as a file gives it; empty metadata means the file does not state it."""

    text: str
    kind: str  # "text file", "web page", "Word document", "PDF"
    title: str = ""
    source: str = ""
    url: str = ""
    published_on: dt.date | None = None
    language: str = ""
    encoding: str = ""  # how a text file or web page was read, e.g. "Windows-1252"

    def stated(self) -> list[str]:
        """The metadata fields the file states, by name, for the editor to check."""
        fields = ["title", "source", "url", "published_on", "language"]
        return [name for name in fields if getattr(self, name)]


def extension_problem(name: str) -> str:
    """Why a file of this name is not accepted, or ""."""
    extension = PurePath(name or "").suffix.lower()
    if extension in KINDS:
        return ""
    accepted = ", ".join(EXTENSIONS)
    return f"“{name}”: only {accepted} files can be uploaded as articles."


def _first_line_removed_if_title(text: str, title: str) -> str:
    """A page's main text often starts with its headline, which the title already holds."""
    first, _, rest = text.partition("\n")
    if title and re.sub(r"\s+", " ", first).strip().casefold() == title.casefold():
        return rest.strip()
    return text


def read_document(*, name: str, data: bytes) -> Document:
    problem = extension_problem(name)
    if problem:
        raise UnreadableDocument(problem)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise UnreadableDocument(f"“{name}” is larger than {MAX_DOCUMENT_BYTES // 2**20} MB.")
    extension = PurePath(name).suffix.lower()
    kind = KINDS[extension]
    try:
        if extension == ".docx":
            document = Document(kind=kind, **docx_read(data))
        elif extension == ".pdf":
            document = Document(kind=kind, **pdf_read(data))
        elif kind == "web page":
            decoded = html_decode(data)
            metadata = html_metadata(decoded.text)
            text = html_main_text(decoded.text)
            document = Document(
                kind=kind,
                text=_first_line_removed_if_title(text, metadata["title"]),
                encoding=decoded.encoding,
                **metadata,
            )
        else:
            decoded = decode_text(data)
            document = Document(kind=kind, text=decoded.text.strip(), encoding=decoded.encoding)
    except (UndecodableText, UnreadableOffice) as error:
        raise UnreadableDocument(f"“{name}” cannot be read: {error}.") from None
    if not document.text.strip():
        raise UnreadableDocument(f"“{name}” holds no text.")
    return document
