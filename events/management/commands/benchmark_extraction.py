import argparse
import datetime as dt
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from events import benchmark


class Command(BaseCommand):
    help = (
        "Time the extraction engine over a JSONL file of articles (the import format) beside "
        "spaCy's blank tokenizer and sentencizer on the same texts, and with --pipeline the "
        "whole task with the database (rolled back). Prints plain text for docs/benchmarks.md."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "file", help="JSONL: one article a line (id, lang, title, published, text)"
        )
        parser.add_argument(
            "--repeat",
            type=int,
            default=3,
            help="timed passes; each article counts with its best (default 3)",
        )
        parser.add_argument(
            "--warmup",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="build resources and read every article once before timing (default); "
            "--no-warmup leaves that loading in the first timed pass",
        )
        parser.add_argument(
            "--pipeline",
            action="store_true",
            help="also time article_create + article_run_extraction on the database, rolled back",
        )
        parser.add_argument(
            "--allow-existing",
            action="store_true",
            help="with --pipeline, run on a database that already holds articles",
        )
        parser.add_argument("--limit", type=int, help="only the first N articles of the file")
        parser.add_argument(
            "--worker-articles",
            type=int,
            default=0,
            help="also run N articles end to end in real processes (import_articles, then "
            "db_worker --batch) on SQLite, and on PostgreSQL with one and two workers when the "
            "configured database is PostgreSQL; plus a fresh worker's start-up and its queries",
        )
        parser.add_argument(
            "--worker-corpus",
            action="append",
            default=[],
            help="JSONL the end-to-end workload repeats (may be given again; default: FILE)",
        )
        parser.add_argument(
            "--startup-only",
            action="store_true",
            help="only a fresh worker's start-up beside spaCy's floor, with one article per "
            "language of --worker-corpus (default: FILE); no engine or end-to-end timing",
        )
        parser.add_argument(
            "--worker-checkout",
            help="run the end-to-end processes with another checkout's manage.py (a figure "
            "before a change; its queries are not counted)",
        )

    _printed = False

    def handle(self, *args, file: str, repeat: int, limit: int | None, **options) -> None:
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        if limit is not None and limit < 1:
            raise CommandError("--limit must be at least 1.")
        pipeline, allow_existing = options["pipeline"], options["allow_existing"]
        # Checked before the minute of warm-up, not after it.
        if pipeline and not allow_existing and benchmark.database_has_articles():
            raise CommandError(
                "The database already holds articles: run --pipeline on an empty database, "
                "or pass --allow-existing (what the benchmark adds is rolled back either way)."
            )
        if options["startup_only"]:
            self._print(
                f"Start-up benchmark, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
                "Command: python manage.py benchmark_extraction "
                + self._arguments(file, repeat, limit, options),
                *benchmark.machine_lines(),
            )
            self._startup_benchmark(
                [Path(path) for path in options["worker_corpus"] or [file]],
                checkout=options["worker_checkout"],
            )
            self._print(benchmark.load_line("at the end"))
            return
        try:
            corpus = benchmark.read_articles(file, limit=limit)
        except benchmark.BenchmarkError as error:
            raise CommandError(str(error)) from error
        if not corpus.articles:
            raise CommandError(f"No article in {file} is in a language the engine reads.")
        directory = benchmark.known_actors_directory()

        arguments = self._arguments(file, repeat, limit, options)
        self._print(
            f"Extraction benchmark, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
            f"Command: python manage.py benchmark_extraction {arguments}",
            *benchmark.machine_lines(),
            *benchmark.corpus_lines(corpus, directory),
        )
        bare = None
        if options["warmup"]:
            warm = benchmark.warm_up(corpus, directory)
            bare = warm.bare
            self._print(*benchmark.warm_up_lines(warm))
        speed = benchmark.speed_benchmark(corpus, directory, repeat=repeat, bare=bare)
        self._print(*benchmark.speed_lines(corpus, speed, repeat=repeat))
        if pipeline:
            try:
                report = benchmark.pipeline_benchmark(
                    corpus, repeat=repeat, allow_existing=allow_existing
                )
            except benchmark.BenchmarkError as error:
                raise CommandError(str(error)) from error
            self._print(*benchmark.pipeline_lines(report, repeat=repeat))
        if options["worker_articles"]:
            self._worker_benchmark(
                options["worker_articles"],
                [Path(path) for path in options["worker_corpus"] or [file]],
                engine_ratio=speed.engine_ratio(),
                checkout=options["worker_checkout"],
            )
        self._print(benchmark.load_line("at the end"))

    def _worker_benchmark(
        self, count: int, corpora: list[Path], *, engine_ratio: float, checkout: str | None
    ) -> None:
        from events import worker_benchmark as bench

        with self._processes(checkout, "End-to-end") as folder:
            workload = bench.build_workload(corpora, count, folder)
            self._print(
                f"End-to-end workload: {count} articles repeating "
                f"{', '.join(str(path) for path in corpora)}; resource cache "
                f"{settings.EXTRACTION_CACHE_DIR or 'off'} (filled by the engine run above)"
            )
            self._print(*bench.end_to_end_header())
            runs = [bench.end_to_end("sqlite", bench.sqlite_url(folder, "e2e"), workload)]
            self._line(bench.end_to_end_line(runs[-1]))
            if bench.postgresql_available():
                for workers in (1, 2):
                    url = bench.postgresql_url(f"bench_e2e_{workers}")
                    runs.append(bench.end_to_end("postgresql", url, workload, workers=workers))
                    self._line(bench.end_to_end_line(runs[-1]))
            else:
                self._line("postgresql: not configured, left out (see scripts/with-postgres)")
            start_up = bench.startup(folder, bench.build_startup_workload(corpora, folder))
            self._print(*bench.startup_lines(start_up))
            if bench.other_checkout():
                self._print(f"Queries: not counted for {bench.MANAGE_PY.parent}")
            else:
                queries = bench.worker_queries(
                    folder, bench.build_workload(corpora, min(count, 200), folder)
                )
                self._print(*bench.query_lines(queries))
        self._print(*bench.target_lines(runs, start_up, engine_ratio))

    def _startup_benchmark(self, corpora: list[Path], *, checkout: str | None) -> None:
        from events import worker_benchmark as bench

        with self._processes(checkout, "Start-up") as folder:
            start_up = bench.startup(folder, bench.build_startup_workload(corpora, folder))
        self._print(*bench.startup_lines(start_up))
        self._print(*bench.target_lines([], start_up, None))

    @contextmanager
    def _processes(self, checkout: str | None, what: str) -> Iterator[Path]:
        """A scratch folder for benchmarks run in processes, with another checkout's manage.py
        when asked (its resource cache filled first); benchmark errors as command errors."""
        from events import worker_benchmark as bench

        with tempfile.TemporaryDirectory(prefix="entente-bench-") as folder:
            try:
                if checkout:
                    bench.use_checkout(Path(checkout))
                    bench.warm_up_checkout()
                    self._print(f"{what} processes run {bench.MANAGE_PY}")
                yield Path(folder)
            except benchmark.BenchmarkError as error:
                raise CommandError(str(error)) from error
            finally:
                bench.use_checkout(settings.BASE_DIR)

    def _print(self, *lines: str) -> None:
        """One block of the report, a blank line after the one before; flushed at once, since
        the warm-up and each stage take a while."""
        if self._printed:
            self.stdout.write("")
        self.stdout.write("\n".join(lines))
        self.stdout.flush()
        self._printed = True

    def _line(self, line: str) -> None:
        """A line more in the current block (a table's row as soon as it is measured)."""
        self.stdout.write(line)
        self.stdout.flush()

    @staticmethod
    def _arguments(file: str, repeat: int, limit: int | None, options: dict) -> str:
        parts = [file, f"--repeat {repeat}"]
        if limit:
            parts.append(f"--limit {limit}")
        if not options["warmup"]:
            parts.append("--no-warmup")
        if options["pipeline"]:
            parts.append("--pipeline")
        if options["allow_existing"]:
            parts.append("--allow-existing")
        if options["worker_articles"]:
            parts.append(f"--worker-articles {options['worker_articles']}")
        parts += [f"--worker-corpus {path}" for path in options["worker_corpus"]]
        if options["startup_only"]:
            parts.append("--startup-only")
        if options["worker_checkout"]:
            parts.append(f"--worker-checkout {options['worker_checkout']}")
        return " ".join(parts)
