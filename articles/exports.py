"""Spreadsheet-safe cells, streamed CSV lines, and the articles CSV.

The meetings and actors CSVs (events.exports) share the cell and line rules defined here:
`events` depends on `articles`, never the other way."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

from django.core.management.base import CommandError
from django.db.models import Count, QuerySet

from articles.models import Article

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; without one accented
# and Cyrillic names come out garbled.
EXCEL_BOM = "\ufeff"
EXPORT_CHUNK = 2000

ARTICLE_COLUMNS = [
    "id",
    "external_id",
    "title",
    "source",
    "url",
    "published_on",
    "language",
    "extraction_status",
    "extraction_error",
    "extracted_at",
    "extractor_version",
    "meeting_count",
]


def neutralise(value: object) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


class _Echo:
    """A file-like object csv.writer writes to, handing each line straight back."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[list[str]], *, excel: bool = False) -> Iterator[str]:
    """Each row as a CSV line, as the rows come (for streaming); `excel` starts with a BOM."""
    if excel:
        yield EXCEL_BOM
    writer = csv.writer(_Echo())
    for row in rows:
        yield writer.writerow(row)


def json_lines(records: Iterable[dict]) -> Iterator[str]:
    """Each record as one line of JSON, as the records come."""
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"


def add_export_arguments(parser, *, event_data: bool = False) -> None:
    """An export command's --output and --format (csv, excel, and jsonl for event data)."""
    parser.add_argument("--output", "-o", help="file to write (default: standard output)")
    formats = ["csv", "excel", "jsonl"] if event_data else ["csv", "excel"]
    parser.add_argument(
        "--format",
        dest="file_format",
        choices=formats,
        default="csv",
        help="csv (default), excel (CSV with a byte-order mark) or jsonl (event data)"
        if event_data
        else "csv (default) or excel (CSV with a byte-order mark)",
    )


def export_write(lines: Iterable[str], *, output: str | None, stdout, header: bool = True) -> int:
    """Write an export's lines to the file `output`, else to a command's `stdout` (which
    call_command and tests may redirect); returns how many records it wrote."""
    count = 0
    if output:
        try:
            handle = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
        with handle:
            for line in lines:
                handle.write(line)
                count += line != EXCEL_BOM
    else:
        for line in lines:
            stdout.write(line, ending="")
            count += line != EXCEL_BOM
    return count - 1 if header and count else count


def article_csv_rows(articles: QuerySet[Article]) -> Iterator[list[str]]:
    """The header, then one row per article, with its extraction status and meeting count."""
    yield ARTICLE_COLUMNS
    rows = (
        articles.annotate(meeting_count=Count("meeting_sources"))
        # The columns in their order; the id column is the primary key.
        .values_list(*["pk" if name == "id" else name for name in ARTICLE_COLUMNS])
        .iterator(chunk_size=EXPORT_CHUNK)
    )
    for row in rows:
        (pk, external, title, source, url, published, language, status, error,
         extracted, version, meetings) = row  # fmt: skip
        yield [
            str(pk),
            neutralise(external),
            neutralise(title),
            neutralise(source),
            neutralise(url),
            published.isoformat(),
            language,
            status,
            neutralise(error),
            extracted.isoformat() if extracted else "",
            neutralise(version),
            str(meetings),
        ]
