"""Turning an uploaded .txt or .html file into an article's plain text.

Only the text survives: HTML is sanitised by nh3 (scripts, styles and other non-text content
dropped with what they hold), block elements and line breaks become newlines, and entities are
unescaped. Nothing here touches the database.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import PurePath

import nh3

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
TEXT_EXTENSIONS = {".txt"}
HTML_EXTENSIONS = {".html", ".htm"}
ALLOWED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS

# Elements whose content is no text a reader sees: removed together with what they hold.
_DROPPED_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "title",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "select",
    "button",
}
# Elements that end a paragraph, and those that only end a line.
_PARAGRAPH_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "dl",
    "div",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
}
_LINE_TAGS = {"br", "dd", "dt", "li", "tr", "caption"}
_CELL_TAGS = {"td", "th"}

_TAG = re.compile(r"<(/?)([a-z0-9]+)\s*/?>")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


class UnreadableUpload(ValueError):
    """The file cannot be taken as an article's text; the message says why, for the user."""


@dataclass(frozen=True)
class UploadedText:
    text: str
    title: str = ""  # the HTML document's <title>, when it has one


def decode_text(data: bytes) -> str:
    """Bytes as text: UTF-8 (with or without a BOM), else Windows-1252, else Latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # never fails: every byte is a character


def _tidy(text: str) -> str:
    """Trim every line and keep at most one blank line between paragraphs."""
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_title(document: str) -> str:
    match = _TITLE.search(document)
    if not match:
        return ""
    title = html.unescape(nh3.clean(match.group(1), tags=set()))
    return re.sub(r"\s+", " ", title).strip()


def html_to_text(document: str) -> str:
    """The text a reader sees in an HTML document, with paragraphs on lines of their own."""
    structural = _PARAGRAPH_TAGS | _LINE_TAGS | _CELL_TAGS
    # nh3 parses the document properly and leaves only bare structural tags, so the simple
    # patterns below never meet attributes, comments or broken markup.
    cleaned = nh3.clean(
        document,
        tags=structural,
        clean_content_tags=_DROPPED_TAGS,
        attributes={},
        strip_comments=True,
        link_rel=None,
    )
    # Source line breaks mean nothing in HTML; only the elements decide where lines end.
    cleaned = re.sub(r"\s+", " ", cleaned)

    def boundary(match: re.Match) -> str:
        closing, tag = match.groups()
        if tag in _PARAGRAPH_TAGS:
            return "\n\n"
        if tag in _LINE_TAGS:
            # A list item or row starts a line; its end needs no second one.
            return "" if closing else "\n"
        return " "

    text = _TAG.sub(boundary, cleaned)
    # nh3 escaped the text's own "<", ">" and "&"; there are no tags left to confuse them with.
    return _tidy(html.unescape(text).replace("\xa0", " "))


def text_from_upload(*, name: str, data: bytes) -> UploadedText:
    """An uploaded file's article text; raises UnreadableUpload with a reason to show."""
    extension = PurePath(name or "").suffix.lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise UnreadableUpload(
            f"Only .txt and .html files can be uploaded (got “{extension or name}”)."
        )
    if len(data) > MAX_UPLOAD_BYTES:
        raise UnreadableUpload("The file is larger than 2 MB.")
    if b"\x00" in data:
        raise UnreadableUpload("The file is not a text file.")
    content = decode_text(data)
    if extension in HTML_EXTENSIONS:
        return UploadedText(text=html_to_text(content), title=html_title(content))
    return UploadedText(text=content)
