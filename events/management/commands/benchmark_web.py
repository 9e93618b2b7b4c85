from django.core.management.base import BaseCommand, CommandError

from events.web_benchmark import BenchmarkError, web_benchmark


class Command(BaseCommand):
    help = (
        "Time the timeline's pages, the histogram, the admin meeting changelist and the CSV "
        "export on the configured database (see docs/benchmarks.md); run generate_data first."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--repeat", type=int, default=5, help="requests per page after a warm-up (default 5)"
        )
        parser.add_argument(
            "--no-export", action="store_true", help="time the pages only, not the CSV export"
        )

    def handle(self, *args, repeat: int, no_export: bool = False, **options) -> None:
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        try:
            web_benchmark(repeat=repeat, write=self.stdout.write, export=not no_export)
        except BenchmarkError as error:
            raise CommandError(str(error)) from error
