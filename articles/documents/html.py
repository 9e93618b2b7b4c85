"""Saved web pages: the article's main text without menus and boilerplate, and its metadata.

Every document is first sanitised by nh3 (scripts, styles, event handlers and other non-text
content dropped with what they hold); trafilatura then finds the main text in what is left.
When it finds none (a fragment, a page with no article structure), the whole sanitised text
is taken, with block elements and line breaks as newlines. Metadata (title, site name,
canonical URL, publication date from `<meta>`, Open Graph, JSON-LD and `<time>`) is read from
the original markup, which is only parsed, never shown.
"""

from __future__ import annotations

import codecs
import datetime as dt
import html
import re

import nh3

from articles.documents.decoding import DecodedText, decode_text

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
_STRUCTURAL_TAGS = _PARAGRAPH_TAGS | _LINE_TAGS | _CELL_TAGS
# What trafilatura reads: the page's blocks with the class and id names that say "menu" or
# "comments". Inline elements are unwrapped (trafilatura would end a line at each), and
# navigation, footers, asides and forms are boilerplate by their very names.
_BOILERPLATE_TAGS = {"nav", "footer", "aside", "form"}
_PAGE_TAGS = (_STRUCTURAL_TAGS - _BOILERPLATE_TAGS) | {"html", "body", "thead", "tbody", "tfoot"}

_TAG = re.compile(r"<(/?)([a-z0-9]+)\s*/?>")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_LANG = re.compile(r"""<html\b[^>]*\blang\s*=\s*["']?([a-zA-Z]{2})\b""", re.IGNORECASE)


def _tidy(text: str) -> str:
    """Trim every line and keep at most one blank line between paragraphs."""
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_decode(data: bytes) -> DecodedText:
    """A page's bytes as text, in the charset its `<meta>` declares when Python knows it
    (a Russian page in windows-1251 stays Russian); otherwise as any text file."""
    declared = _CHARSET.search(data[:4096])
    marked = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if declared and not marked:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            return DecodedText(text=data.decode(encoding), encoding=encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: read it as any text file
    return decode_text(data)


def html_title(document: str) -> str:
    match = _TITLE.search(document)
    if not match:
        return ""
    title = html.unescape(nh3.clean(match.group(1), tags=set()))
    return re.sub(r"\s+", " ", title).strip()


def html_language(document: str) -> str:
    """The two-letter code of `<html lang="...">`, lowercased, or ""."""
    match = _LANG.search(document[:4096])
    return match.group(1).lower() if match else ""


def html_to_text(document: str) -> str:
    """All the text a reader sees in an HTML document, with paragraphs on lines of their own."""
    # nh3 parses the document properly and leaves only bare structural tags, so the simple
    # patterns below never meet attributes, comments or broken markup.
    cleaned = nh3.clean(
        document,
        tags=_STRUCTURAL_TAGS,
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


def html_main_text(document: str) -> str:
    """The article's own text: trafilatura's main content of the sanitised page, else all of
    the page's text."""
    import trafilatura  # slow to import: only when a page is read

    sanitised = nh3.clean(
        document,
        tags=_PAGE_TAGS,
        clean_content_tags=_DROPPED_TAGS | _BOILERPLATE_TAGS,
        attributes={"*": {"class", "id"}},
        strip_comments=True,
        link_rel=None,
        url_schemes=set(),
    )
    main = trafilatura.extract(
        f"<html><body>{sanitised}</body></html>",
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    return _tidy(main) if main and main.strip() else html_to_text(document)


def html_metadata(document: str) -> dict:
    """Title, source, URL, publication date and language as the page itself states them."""
    from trafilatura import extract_metadata

    # extensive=False: only dates the page states, never one guessed from its text.
    found = extract_metadata(document, extensive=False)
    published = None
    if found.date:
        try:
            published = dt.date.fromisoformat(found.date[:10])
        except ValueError:
            published = None
    url = found.url or ""
    return {
        "title": found.title or html_title(document),
        "source": found.sitename or "",
        "url": url if url.startswith(("http://", "https://")) else "",
        "published_on": published,
        "language": html_language(document),
    }
