import time

from django.core.management.base import BaseCommand, CommandError

from events.generate import GenerateError, generate_data


class Command(BaseCommand):
    help = (
        "Add a generated, realistic data set (actors, meetings, articles) for trying the "
        "timeline at scale; the same seed gives the same data."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--meetings", type=int, default=1000, help="default: 1000")
        parser.add_argument("--articles", type=int, default=5000, help="default: 5000")
        parser.add_argument("--actors", type=int, default=200, help="default: 200")
        parser.add_argument("--seed", type=int, default=1, help="default: 1")

    def handle(self, *args, meetings: int, articles: int, actors: int, seed: int, **options):
        started = time.perf_counter()

        def progress(message: str) -> None:
            if options["verbosity"] >= 1:
                self.stderr.write(f"[{time.perf_counter() - started:7.1f} s] {message}")

        try:
            generate_data(
                meetings=meetings, articles=articles, actors=actors, seed=seed, progress=progress
            )
        except GenerateError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Generated {meetings} meetings, {articles} articles and {actors} actors "
            f"(seed {seed}) in {time.perf_counter() - started:.0f} s."
        )
