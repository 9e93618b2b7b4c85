import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from articles.exports import add_export_arguments, article_csv_rows, csv_lines, export_write
from articles.models import ExtractionStatus
from articles.selectors import articles_for_export


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"“{text}” is not a day (YYYY-MM-DD).") from error


class Command(BaseCommand):
    help = "Write articles' metadata and extraction status as CSV (the web export's file)."

    def add_arguments(self, parser) -> None:
        add_export_arguments(parser)
        parser.add_argument("--status", choices=ExtractionStatus.values, help="extraction status")
        parser.add_argument("--from", dest="date_from", help="published on or after, YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", help="published on or before, YYYY-MM-DD")

    def handle(self, *args, output, file_format, status, date_from, date_to, **options) -> None:
        articles = articles_for_export(
            status=status,
            published_from=_day(date_from) if date_from else None,
            published_to=_day(date_to) if date_to else None,
        )
        lines = csv_lines(article_csv_rows(articles), excel=file_format == "excel")
        count = export_write(lines, output=output, stdout=self.stdout)
        if output:
            self.stderr.write(f"{count} articles written to {output}.")
