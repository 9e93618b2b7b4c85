"""Word (.docx) and PDF files: their text and the metadata their properties hold.

Both are read with well-kept libraries (python-docx, pypdf) from bytes in memory; a file that
is not what its name says, is protected, or holds no text is refused with the reason.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import zipfile

from articles.documents.decoding import binary_kind

# A .docx is a ZIP archive: refuse one that would unpack to more than this (a "ZIP bomb").
MAX_UNPACKED_BYTES = 100 * 1024 * 1024


class UnreadableOffice(ValueError):
    """The file cannot be read; the message says why, for the user."""


def _url(value: str | None) -> str:
    value = (value or "").strip()
    return value if re.match(r"https?://\S+$", value) else ""


def _language(value: str | None) -> str:
    """ "en-GB" or "en" to "en"; anything else to ""."""
    match = re.match(r"([a-zA-Z]{2})(?:[-_][a-zA-Z]+)?$", (value or "").strip())
    return match.group(1).lower() if match else ""


def _date(value: dt.datetime | dt.date | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def docx_read(data: bytes) -> dict:
    """A Word document's paragraphs (tables included, row by row) and core properties."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data.startswith(b"PK\x03\x04"):
        kind = binary_kind(data)
        raise UnreadableOffice(
            f"the file is {kind}, not a Word .docx document"
            if kind
            else "the file is not a Word .docx document"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise UnreadableOffice("the .docx file is damaged (not a readable ZIP archive)") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableOffice("the .docx file unpacks to more than 100 MB")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile):
        raise UnreadableOffice("the file is a ZIP archive but not a Word .docx document") from None
    blocks = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            blocks.append(" ".join(cell.text for cell in row.cells))
    properties = document.core_properties
    return {
        "text": "\n\n".join(block.strip() for block in blocks if block.strip()),
        "title": properties.title or "",
        "source": "",
        "url": _url(properties.identifier),
        "published_on": _date(properties.created),
        "language": _language(properties.language),
    }


def pdf_read(data: bytes) -> dict:
    """A PDF's text, page by page, and its document information (title, creation date)."""
    from pypdf import PdfReader

    if b"%PDF-" not in data[:1024]:
        kind = binary_kind(data)
        raise UnreadableOffice(f"the file is {kind}, not a PDF" if kind else "the file is no PDF")
    # pypdf warns about every oddity of real-world PDFs: not the editor's concern.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableOffice("the PDF is protected by a password")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        title = (info.title or "") if info else ""
        created = info.creation_date if info else None
    except UnreadableOffice:
        raise
    except Exception as error:  # pypdf raises many kinds on broken files: all mean the same
        raise UnreadableOffice(f"the PDF is damaged ({type(error).__name__})") from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise UnreadableOffice("the PDF holds no text (a scanned document?)")
    return {
        "text": text,
        "title": title,
        "source": "",
        "url": "",
        "published_on": _date(created),
        "language": "",
    }
