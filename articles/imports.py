"""Importing articles from JSONL: one JSON object a line, each line reported on its own.

Whatever a line holds (broken JSON, a 5,000-digit number, arrays nested 100,000 deep, lone
surrogates, wrong types, unknown keys, dates out of range), it becomes an outcome with a
message, and the next line is read. `manage.py import_articles` and the background import of an
uploaded file (articles.batches) share this code, so both read the same files the same way.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.core.exceptions import ValidationError

from articles.dates import publication_date_problem
from articles.documents.decoding import Line, read_lines
from articles.models import Article, ImportItemStatus
from articles.services import DuplicateArticle, article_create

REQUIRED_KEYS = ("title", "text", "published")
KNOWN_KEYS = {*REQUIRED_KEYS, "id", "lang", "source", "url"}
# No field of a record is a number this long; Python refuses past 4,300 digits anyway.
MAX_NUMBER_DIGITS = 100
_SURROGATE = re.compile("[\ud800-\udfff]")


class InvalidLine(ValueError):
    """A line that is no import record; the message says why."""


@dataclass(frozen=True)
class ImportOutcome:
    line: int
    status: ImportItemStatus  # imported, duplicate or invalid
    message: str
    article: Article | None = None
    label: str = ""  # what names the record for people: its title, else its id


def printable(text: str) -> str:
    """Text safe to print and store: lone surrogates written as escapes (\\ud800)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _json_type(value: object) -> str:
    names = {bool: "true or false", int: "a number", float: "a number", list: "a list"}
    return names.get(type(value), "an object" if isinstance(value, dict) else "null")


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise InvalidLine(f"Not valid here: a number with {len(digits.lstrip('-')):,} digits.")
    return int(digits)


def parse_line(text: str) -> object:
    """The JSON value of one line; raises InvalidLine with the reason."""
    try:
        return json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as error:
        raise InvalidLine(f"Not valid JSON: {error.msg}.") from None
    except RecursionError:
        raise InvalidLine("Not valid here: arrays or objects nested too deeply.") from None


def _text(record: dict, key: str, *, numbers: bool = False) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | str if numbers else str):
        raise ValidationError({key: f"'{key}' must be text, not {_json_type(value)}."})
    text = str(value)
    surrogate = _SURROGATE.search(text)
    if surrogate:
        raise ValidationError(
            {
                key: f"'{key}' holds a lone surrogate ({printable(surrogate.group())}), "
                "half of a character: the line was written by a broken encoder."
            }
        )
    return text


def _published(record: dict) -> dt.date:
    value = record.get("published")
    if not isinstance(value, str):
        kind = _json_type(value)
        raise ValidationError({"published": f"'published' must be a date YYYY-MM-DD, not {kind}."})
    try:
        published = dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise ValidationError(
            {"published": f"'published' is not a date written YYYY-MM-DD: {value[:40]!r}."}
        ) from None
    problem = publication_date_problem(published)
    if problem:
        raise ValidationError({"published": f"'published' {problem}"})
    return published


def record_fields(record: object) -> dict:
    """article_create's keyword arguments for an import record; raises ValidationError."""
    if not isinstance(record, dict):
        raise ValidationError(f"The line is not a JSON object but {_json_type(record)}.")
    missing = [key for key in REQUIRED_KEYS if record.get(key) in (None, "")]
    if missing:
        raise ValidationError(f"Missing {', '.join(repr(key) for key in missing)}.")
    return {
        "title": _text(record, "title"),
        "body": _text(record, "text"),
        "published_on": _published(record),
        "source": _text(record, "source"),
        "url": _text(record, "url"),
        "language": _text(record, "lang"),
        "external_id": _text(record, "id", numbers=True) or None,
    }


def unknown_keys_note(record: object) -> str:
    """ " Unknown keys ignored: 'author', 'tags'." for a record with keys we do not read."""
    if not isinstance(record, dict):
        return ""
    unknown = sorted(key for key in record if key not in KNOWN_KEYS)
    if not unknown:
        return ""
    named = ", ".join(repr(key[:40]) for key in unknown[:5])
    more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
    return f" Unknown keys ignored: {named}{more}."


def article_import_record(*, record: object, uploaded_by=None) -> Article:
    """Create one article from an import record; raises ValidationError or DuplicateArticle."""
    return article_create(**record_fields(record), uploaded_by=uploaded_by)


def validation_message(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return " ".join(message for messages in error.message_dict.values() for message in messages)
    return " ".join(error.messages)


def _label(record: object) -> str:
    if not isinstance(record, dict):
        return ""
    for key in ("title", "id"):
        value = record.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return printable(re.sub(r"\s+", " ", str(value)).strip()[:200])
    return ""


def import_line(*, line: Line, uploaded_by=None) -> ImportOutcome | None:
    """Import one line; None for a blank line, else its outcome. Never raises for bad input."""
    if line.problem:
        return ImportOutcome(line.number, ImportItemStatus.INVALID, line.problem)
    if not line.text.strip():
        return None
    record: object = None
    try:
        record = parse_line(line.text)
        article = article_import_record(record=record, uploaded_by=uploaded_by)
    except InvalidLine as error:
        status, message, article = ImportItemStatus.INVALID, str(error), None
    except ValidationError as error:
        status, message, article = ImportItemStatus.INVALID, validation_message(error), None
    except DuplicateArticle as duplicate:
        status, message = ImportItemStatus.DUPLICATE, f"Already stored: {duplicate.reason}."
        article = duplicate.existing
    else:
        status, message = ImportItemStatus.IMPORTED, f"Imported as article {article.pk}."
    message += unknown_keys_note(record)
    return ImportOutcome(line.number, status, printable(message), article, _label(record))


def articles_import_jsonl(*, stream: BinaryIO, uploaded_by=None) -> Iterator[ImportOutcome]:
    """Import a JSONL file line by line; a bad line is reported and never stops the others."""
    for line in read_lines(stream):
        outcome = import_line(line=line, uploaded_by=uploaded_by)
        if outcome is not None:
            yield outcome
