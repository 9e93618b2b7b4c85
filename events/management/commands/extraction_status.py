"""manage.py extraction_status [--json]: how many articles wait, run, are done or failed."""

import json

from django.core.management.base import BaseCommand

from events.extraction_runs import extraction_status_counts


class Command(BaseCommand):
    help = (
        "Print how many articles are queued, processing, done, failed or unsupported, and the "
        "oldest one waiting."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, **options) -> None:
        status = extraction_status_counts()
        if options["json"]:
            self.stdout.write(_dumps(status))
            return
        for state, count in status["counts"].items():
            self.stdout.write(f"{state:<12} {count}")
        oldest = status["oldest_waiting"]
        if oldest:
            self.stdout.write(
                f"oldest waiting: article {oldest['article']}, queued since {oldest['since']}"
            )
        else:
            self.stdout.write("oldest waiting: none")


def _dumps(value: object) -> str:
    return json.dumps(value, indent=2)
