from django.core.management.base import BaseCommand, CommandError

from articles.exports import add_export_arguments, csv_lines, export_write
from events.exports import json_lines, meeting_csv_rows, meeting_event_records
from events.forms import MeetingFilterForm
from events.selectors import meeting_ids

# The form's field names as the command's options, for error messages.
OPTION_NAMES = {
    "date_from": "--from",
    "date_to": "--to",
    "review_state": "--review-state",
    "__all__": "--from/--to",
}


class Command(BaseCommand):
    help = (
        "Write meetings as CSV, Excel-ready CSV or JSON lines of event data (the same files as "
        "the web exports), with the timeline's filters."
    )

    def add_arguments(self, parser) -> None:
        add_export_arguments(parser, event_data=True)
        parser.add_argument("--q", help="search text")
        parser.add_argument(
            "--country",
            action="append",
            help="ISO 3166 alpha-2 code, e.g. RU; repeat it for meetings of several countries",
        )
        parser.add_argument(
            "--actor", action="append", help="actor id; repeat it for meetings of several actors"
        )
        parser.add_argument("--from", dest="date_from", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", help="last day, YYYY-MM-DD")
        parser.add_argument("--kind", help="visit, meeting, multilateral or call")
        parser.add_argument("--status", help="planned, occurred or cancelled")
        parser.add_argument(
            "--review-state",
            dest="review_state",
            help="extracted, verified, rejected or all (default: all but rejected)",
        )

    def handle(self, *args, output: str | None, file_format: str, **options) -> None:
        names = ["q", "country", "actor", "date_from", "date_to", "kind", "status", "review_state"]
        data = {name: options[name] for name in names if options.get(name)}
        form = MeetingFilterForm(data=data)
        if not form.is_valid():
            problems = "; ".join(
                f"{OPTION_NAMES.get(field, '--' + field)}: {' '.join(errors)}"
                for field, errors in form.errors.items()
            )
            raise CommandError(f"Invalid filters: {problems}")
        meetings = meeting_ids(filters=form.filters())
        if file_format == "jsonl":
            lines = json_lines(meeting_event_records(meetings))
        else:
            lines = csv_lines(meeting_csv_rows(meetings), excel=file_format == "excel")
        has_header = file_format != "jsonl"
        count = export_write(lines, output=output, stdout=self.stdout, header=has_header)
        if output:
            self.stderr.write(f"{count} meetings written to {output}.")
