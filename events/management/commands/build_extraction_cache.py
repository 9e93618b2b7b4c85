import time

from django.core.management.base import BaseCommand, CommandError

from events.extraction import resource_cache
from events.extraction.language import supported_languages


class Command(BaseCommand):
    help = (
        "Build the engine's resources for every supported language (or those given) into "
        "EXTRACTION_CACHE_DIR, so that a worker starts in a moment; run it where the code is "
        "installed, e.g. when a Docker image is built."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--language",
            action="append",
            choices=supported_languages(),
            help="a language code; repeat it for several (default: every supported language)",
        )

    def handle(self, *args, language: list[str] | None = None, **options) -> None:
        directory = resource_cache.directory()
        if directory is None:
            raise CommandError("EXTRACTION_CACHE_DIR is empty: there is no disk cache to fill.")
        # The engine imports spaCy: only here, never when the web side imports the commands.
        from events.extraction import engine
        from events.extraction.place_names import city_names

        for code in language or supported_languages():
            started = time.perf_counter()
            engine.warm_up(code)
            self.stdout.write(f"{code}: ready in {time.perf_counter() - started:.1f} s")
        city_names("")  # the cities' names that search documents use, cached beside them
        self.stdout.write(f"Resources are cached in {directory}.")
