"""How fast extraction is as a worker really runs it: real processes, start-up included (issue 8).

The measuring logic behind `manage.py benchmark_extraction --worker-articles N`
(docs/benchmarks.md), as plain functions. Every figure comes from `manage.py` processes run as a
user runs them, on a fresh database each: `import_articles` of a workload, then
`db_worker --batch`, timed from outside by the wall clock.

    build_workload          N import records, built by repeating corpora (ids, urls, texts made
                            distinct so that none is refused as a duplicate)
    end_to_end              import + one or more workers, on SQLite or PostgreSQL
    startup                 a fresh worker with one article per language, beside spaCy's floor
    worker_queries          the queries a worker makes per article, counted in a worker run
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from events.benchmark import BenchmarkError, verdict
from events.extraction import lexicon

MANAGE_PY = Path(settings.BASE_DIR) / "manage.py"  # whose code the processes run
LANGUAGES = ("en", "id", "fr", "ru")

# The targets (issue 8): end to end, at least this many articles a second on either database...
END_TO_END_TARGET = 30.0
# ...two workers on PostgreSQL at least this many times one...
TWO_WORKERS_TARGET = 1.7
# ...and a fresh worker done with one article per language within this many seconds more than
# `import spacy` plus `spacy.blank` for those languages.
STARTUP_SLACK_TARGET = 3.0


# --- The workload ----------------------------------------------------------------------------


def build_workload(corpora: Sequence[Path], count: int, folder: Path) -> Path:
    """`count` import records, taking the corpora's articles in turn and again from the start;
    each repetition gets its own id, url and a sentence more, so the importer keeps it."""
    records = [
        json.loads(line)
        for path in corpora
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if not records:
        raise BenchmarkError("The corpora hold no article.")
    path = folder / f"workload-{count}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for index in range(count):
            copy, record = divmod(index, len(records))
            record = dict(records[record])
            if copy:
                record["id"] = f"{record.get('id', index)}-copy{copy}"
                record["url"] = f"{record.get('url') or 'https://example.org/a'}?copy={copy}"
                record["text"] = f"{record['text']}\n\n(Copy {copy}.)"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def build_startup_workload(corpora: Sequence[Path], folder: Path) -> Path:
    """The first article of each language in LANGUAGES."""
    chosen: dict[str, str] = {}
    for path in corpora:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip() and (code := json.loads(line).get("lang")) in LANGUAGES:
                chosen.setdefault(code, line)
    missing = [code for code in LANGUAGES if code not in chosen]
    if missing:
        raise BenchmarkError(f"The corpora have no article in {', '.join(missing)}.")
    path = folder / "startup.jsonl"
    path.write_text("".join(chosen[code] + "\n" for code in LANGUAGES), encoding="utf-8")
    return path


# --- Processes -------------------------------------------------------------------------------


def use_checkout(directory: Path) -> None:
    """Run another checkout's manage.py (for example main's, for a figure before a change),
    with this interpreter; the measuring stays this checkout's."""
    global MANAGE_PY
    manage_py = Path(directory).resolve() / "manage.py"
    if not manage_py.is_file():
        raise BenchmarkError(f"No manage.py in {directory}.")
    MANAGE_PY = manage_py


def other_checkout() -> bool:
    return Path(settings.BASE_DIR) / "manage.py" != MANAGE_PY


WARM_UP = "from events.extraction import engine\nfor code in {codes!r}: engine.warm_up(code)"


def warm_up_checkout() -> None:
    """Fill the checkout's own resource cache (its code gives its own keys), untimed, as the
    engine run does for this checkout."""
    run(manage("shell", "-c", WARM_UP.format(codes=list(LANGUAGES))), None)


@dataclass(frozen=True)
class Finished:
    seconds: float  # wall clock, from start to exit
    peak_mb: float  # the process's own peak resident memory
    output: str


def _environment(database_url: str | None) -> dict[str, str]:
    environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if database_url is not None:
        environment["DATABASE_URL"] = database_url
    return environment


def start(args: Sequence[str], database_url: str | None) -> tuple[subprocess.Popen, float]:
    process = subprocess.Popen(
        [sys.executable, *args],
        cwd=MANAGE_PY.parent,
        env=_environment(database_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return process, time.perf_counter()


def finish(process: subprocess.Popen, started: float) -> Finished:
    """Wait for the process and take its own resource usage (os.wait4: this child's, not the
    largest of all children as RUSAGE_CHILDREN would give)."""
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        tail = "\n".join(output.splitlines()[-20:])
        raise BenchmarkError(f"{' '.join(process.args[1:])} failed:\n{tail}")
    return Finished(seconds, usage.ru_maxrss / 1024, output)


def run(args: Sequence[str], database_url: str | None) -> Finished:
    return finish(*start(args, database_url))


def manage(*args: str) -> list[str]:
    return [str(MANAGE_PY), *args]


# --- Databases -------------------------------------------------------------------------------


def sqlite_url(folder: Path, name: str) -> str:
    return f"sqlite:///{folder / name}.sqlite3"


def postgresql_available() -> bool:
    return connection.vendor == "postgresql"


def postgresql_url(name: str) -> str:
    """A new, empty database on the configured PostgreSQL server, as a DATABASE_URL."""
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = quote(db["HOST"] or "", safe="")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}@{host}{port}/{name}"


def migrate(database_url: str) -> None:
    run(manage("migrate", "--no-input", "-v0"), database_url)


def status_counts(database_url: str) -> dict[str, int]:
    output = run(manage("extraction_status", "--json"), database_url).output
    return json.loads(output[output.index("{") :])["counts"]


# --- End to end ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EndToEnd:
    database: str
    articles: int
    workers: int
    import_seconds: float
    worker_seconds: float  # from the first worker's start to the last one's exit
    peak_mb: list[float]  # each worker's
    statuses: dict[str, int]

    @property
    def seconds(self) -> float:
        return self.import_seconds + self.worker_seconds

    @property
    def rate(self) -> float:
        return self.articles / self.seconds

    @property
    def worker_rate(self) -> float:
        return self.articles / self.worker_seconds


def end_to_end(database: str, database_url: str, workload: Path, *, workers: int = 1) -> EndToEnd:
    """Import the workload, then run `workers` db_worker --batch at once until all exit."""
    migrate(database_url)
    articles = sum(1 for line in workload.read_text(encoding="utf-8").splitlines() if line)
    imported = run(manage("import_articles", str(workload)), database_url)
    begun = time.perf_counter()
    running = [start(manage("db_worker", "--batch"), database_url) for _ in range(workers)]
    done = [finish(process, started) for process, started in running]
    worker_seconds = time.perf_counter() - begun
    return EndToEnd(
        database=database,
        articles=articles,
        workers=workers,
        import_seconds=imported.seconds,
        worker_seconds=worker_seconds,
        peak_mb=[finished.peak_mb for finished in done],
        statuses=status_counts(database_url),
    )


# --- Start-up --------------------------------------------------------------------------------


@dataclass(frozen=True)
class StartUp:
    done_seconds: float  # from the worker's start to its last article done, best of the rounds
    exit_seconds: float  # from the worker's start to its exit, best of the rounds
    floor_seconds: float  # spaCy's floor, best of the rounds
    first_done: dict[str, float] = field(default_factory=dict)  # language -> seconds, best round
    peak_mb: float = 0.0

    @property
    def slack(self) -> float:
        return self.done_seconds - self.floor_seconds


SPACY_FLOOR = """
import spacy
for code in {codes!r}:
    spacy.blank(code)
"""


def spacy_floor() -> float:
    """`import spacy` and spacy.blank for each language, in a fresh interpreter."""
    codes = [lexicon.load(code)["meta"]["spacy"] for code in LANGUAGES]
    return run(["-c", SPACY_FLOOR.format(codes=codes)], None).seconds


def startup(folder: Path, workload: Path, *, rounds: int = 2) -> StartUp:
    """A fresh worker (a new process, the resource cache as the earlier runs left it) with one
    article per language queued, timed until every article is done and until it exits; the
    spaCy floor timed in turn with it. The best of `rounds` counts: other processes only ever
    slow a round down."""
    from events.extraction import engine

    for code in LANGUAGES:
        engine.warm_up(code)  # the disk cache, built on first use, is there for the worker
    rounds_done: list[tuple[float, dict[str, float]]] = []
    exits, floors = [], []
    peak = 0.0
    for index in range(rounds):
        url = sqlite_url(folder, f"startup-{index}")
        migrate(url)
        run(manage("import_articles", str(workload)), url)
        wall_start = dt.datetime.now(dt.UTC)
        finished = run(manage("db_worker", "--batch"), url)
        exits.append(finished.seconds)
        peak = max(peak, finished.peak_mb)
        first_done = _first_done(folder / f"startup-{index}.sqlite3", wall_start)
        if len(first_done) < len(LANGUAGES):
            raise BenchmarkError(f"The start-up worker left articles undone: {first_done}")
        rounds_done.append((max(first_done.values()), first_done))
        floors.append(spacy_floor())
    done, first_done = min(rounds_done, key=lambda item: item[0])
    return StartUp(done, min(exits), min(floors), first_done, peak)


def _first_done(path: Path, since: dt.datetime) -> dict[str, float]:
    """Seconds from the worker's start to each language's article being done."""
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT language, MIN(extracted_at) FROM articles_article "
            "WHERE extracted_at IS NOT NULL GROUP BY language"
        ).fetchall()
    return {
        code: (dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC) - since).total_seconds()
        for code, at in rows
    }


# --- Queries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryCount:
    articles: int
    queries: int

    @property
    def per_article(self) -> float:
        return self.queries / self.articles if self.articles else 0.0


COUNT_QUERIES = "from events.worker_benchmark import count_worker_queries; count_worker_queries()"


def worker_queries(folder: Path, workload: Path) -> QueryCount:
    """Import the workload into a fresh SQLite database and count the queries of a worker
    running it (claims, the task, its bookkeeping; not the heartbeat's own connection)."""
    url = sqlite_url(folder, "queries")
    migrate(url)
    run(manage("import_articles", str(workload)), url)
    output = run(manage("shell", "-c", COUNT_QUERIES), url).output
    return QueryCount(**json.loads(output.strip().splitlines()[-1]))


def count_worker_queries() -> None:
    """Run a batch worker in this process with its queries counted; prints one JSON line.

    Counted by a wrapper around every execution, not with CaptureQueriesContext: its log keeps
    only the last 9,000 queries, which capped the figure at 45 an article for 200 articles."""
    from articles.models import Article
    from events.worker import batch_worker

    worker = batch_worker(worker_id="benchmark-queries")
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        worker.run()
    articles = Article.objects.exclude(extracted_at=None).count()
    print(json.dumps({"articles": articles, "queries": counter.count}))


class QueryCounter:
    """An execute wrapper (connection.execute_wrapper) that counts the statements run."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


# --- Report ----------------------------------------------------------------------------------


def end_to_end_header() -> list[str]:
    return [
        "End to end, as a user runs it (fresh database; import_articles, then db_worker --batch;",
        f"start-up included; wall clock; DEBUG={settings.DEBUG})",
        f"{'database':<12}{'workers':>8}{'articles':>9}{'import s':>10}{'workers s':>10}"
        f"{'art/s':>8}{'worker art/s':>13}{'peak MB':>9}  statuses",
    ]


def end_to_end_line(item: EndToEnd) -> str:
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(item.statuses.items()) if v)
    peaks = "/".join(f"{mb:.0f}" for mb in item.peak_mb)
    return (
        f"{item.database:<12}{item.workers:>8}{item.articles:>9}{item.import_seconds:>10.1f}"
        f"{item.worker_seconds:>10.1f}{item.rate:>8.1f}{item.worker_rate:>13.1f}"
        f"{peaks:>9}  {statuses}"
    )


def startup_lines(result: StartUp) -> list[str]:
    firsts = ", ".join(f"{code} {s:.1f} s" for code, s in sorted(result.first_done.items()))
    return [
        "Start-up: a fresh worker, one article per language queued (en, id, fr, ru), best round",
        f"  db_worker --batch, start to the last article done    {result.done_seconds:7.2f} s",
        f"    (each language's article done after: {firsts})",
        f"  db_worker --batch, start to exit                     {result.exit_seconds:7.2f} s",
        f"  spaCy's floor: import spacy + spacy.blank x4          {result.floor_seconds:7.2f} s",
        f"  all done minus the floor                              {result.slack:7.2f} s",
        f"  peak memory of the worker                             {result.peak_mb:7.0f} MB",
    ]


def query_lines(count: QueryCount) -> list[str]:
    return [
        f"Queries: {count.per_article:.1f} per article ({count.queries:,} for {count.articles} "
        "articles, a batch worker on SQLite: claims, the task and its bookkeeping)"
    ]


def target_lines(
    runs: list[EndToEnd], start_up: StartUp | None, engine_ratio: float | None
) -> list[str]:
    lines = ["Targets (issue 8)"]
    for item in runs:
        if item.workers == 1:
            lines.append(
                f"  end to end on {item.database}: {item.rate:.1f} articles/s "
                f"(target >= {END_TO_END_TARGET:.0f}): {verdict(item.rate >= END_TO_END_TARGET)}"
            )
    ones = {item.database: item for item in runs if item.workers == 1}
    for item in runs:
        if item.workers == 2 and item.database in ones:
            factor = item.rate / ones[item.database].rate
            worker_factor = item.worker_rate / ones[item.database].worker_rate
            lines.append(
                f"  two workers on {item.database}: {factor:.2f} x one end to end, "
                f"{worker_factor:.2f} x counting the workers' time only "
                f"(target >= {TWO_WORKERS_TARGET}): {verdict(factor >= TWO_WORKERS_TARGET)}"
            )
    if start_up is not None:
        lines.append(
            f"  start-up: {start_up.slack:+.2f} s beside spaCy's floor "
            f"(target <= {STARTUP_SLACK_TARGET:.0f}): "
            f"{verdict(start_up.slack <= STARTUP_SLACK_TARGET)}"
        )
    if engine_ratio is not None:
        lines.append(
            f"  engine: {engine_ratio:.2f} x spaCy's blank tokenizer + sentencizer "
            f"(target <= 4.0): {verdict(engine_ratio <= 4.0)}"
        )
    return lines
