"""Files as editors upload them, built in the tests: Word documents, PDFs, web pages and JSONL."""

from __future__ import annotations

import datetime as dt
import io
import json

from django.core.files.uploadedfile import SimpleUploadedFile


def docx_bytes(
    *paragraphs: str,
    title: str = "",
    created: dt.datetime | None = None,
    language: str = "",
    identifier: str = "",
) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    properties = document.core_properties
    properties.title = title
    properties.language = language
    properties.identifier = identifier
    if created:
        properties.created = created
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def pdf_bytes(*lines: str, title: str = "", created: str = "") -> bytes:
    """A one-page PDF showing ASCII lines in Helvetica; `created` like "20250304101500Z"."""
    content = "BT /F1 12 Tf 72 720 Td " + " 0 -16 Td ".join(
        f"{_pdf_string(line)} Tj" for line in lines
    )
    content += " ET"
    info = " ".join(
        part
        for part in [
            f"/Title {_pdf_string(title)}" if title else "",
            f"/CreationDate (D:{created})" if created else "",
        ]
        if part
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< {info} >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return out


def jsonl_bytes(*lines: dict | str, encoding: str = "utf-8") -> bytes:
    """Dicts as JSON lines, strings as they are."""
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    return (text + "\n").encode(encoding)


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type)


def record(number: int, **changes) -> dict:
    """An import record in our own words; `changes` replace or add keys."""
    return {
        "id": f"wire-{number}",
        "lang": "en",
        "title": f"Foreign ministers meet in Geneva, round {number}",
        "published": "2026-01-28",
        "source": "Wire",
        "url": f"https://example.com/news/{number}",
        "text": f"Foreign ministers met in Geneva on Tuesday for round {number} of talks.",
        **changes,
    }
