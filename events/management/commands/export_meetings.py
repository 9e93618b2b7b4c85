import csv

from django.core.management.base import BaseCommand, CommandError

from events.exports import meeting_csv_rows
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
    help = "Write meetings as CSV (the same file as the web export), with the timeline's filters."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")
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

    def handle(self, *args, output: str | None, **options) -> None:
        names = ["q", "country", "actor", "date_from", "date_to", "kind", "status", "review_state"]
        data = {name: options[name] for name in names if options.get(name)}
        form = MeetingFilterForm(data=data)
        if not form.is_valid():
            problems = "; ".join(
                f"{OPTION_NAMES.get(field, '--' + field)}: {' '.join(errors)}"
                for field, errors in form.errors.items()
            )
            raise CommandError(f"Invalid filters: {problems}")
        rows = meeting_csv_rows(meeting_ids(filters=form.filters()))
        if output:
            try:
                handle = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
            except OSError as error:
                raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
            with handle:
                count = self._write(handle, rows)
            self.stderr.write(f"{count} meetings written to {output}.")
        else:
            # self.stdout, not sys.stdout: callers (call_command, tests) may redirect it.
            self._write(self.stdout, rows)

    @staticmethod
    def _write(handle, rows) -> int:
        writer = csv.writer(handle)
        count = -1
        for row in rows:
            writer.writerow(row)
            count += 1
        return count
