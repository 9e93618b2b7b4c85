"""How fast extraction is: the engine beside spaCy's tokenizer, and the whole database pipeline.

The measuring logic behind `manage.py benchmark_extraction` (docs/benchmarks.md), as plain
functions. Everything up to `pipeline_benchmark` runs without a database. Speed is checked here,
by figures printed for a person to read, never by timed unit tests.

    read_articles       the import format (JSONL), in the languages the engine reads
    warm_up             build each language's resources and read every article once
    speed_benchmark     bare spaCy, the engine's spaCy pipeline and the engine, in turns, N times
    pipeline_benchmark  article_create + article_run_extraction, rolled back at the end
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import platform
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language

from events.extraction import engine
from events.extraction import language as languages
from events.extraction.document import pipeline, read
from events.extraction.people import ActorDirectory
from events.extraction.resources import for_language
from events.extraction.types import ArticleInput
from events.known_actors import DEFAULT_PATH as KNOWN_ACTORS_PATH
from events.known_actors import known_actor_records

# The targets (docs/benchmarks.md): the engine takes at most this many times what spaCy's
# tokenizer and sentencizer take on the same texts...
ENGINE_RATIO_TARGET = 4.0
# ...and a worker extracts and stores at least this many articles a second.
PIPELINE_RATE_TARGET = 30.0


class BenchmarkError(Exception):
    """The benchmark cannot run as asked; the message says why."""


# --- Articles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchArticle:
    key: str  # the record's id, or its line number
    language: str  # the engine's code
    input: ArticleInput  # what the engine reads
    record: dict  # the import record itself, for the database pipeline


@dataclass
class Corpus:
    path: Path
    articles: list[BenchArticle]
    skipped: Counter[str] = field(default_factory=Counter)  # unsupported language -> count
    _texts: list[str] | None = field(default=None, repr=False)

    def languages(self) -> list[str]:
        return sorted({article.language for article in self.articles})

    def indices(self, language: str | None = None) -> list[int]:
        return [
            number
            for number, article in enumerate(self.articles)
            if language is None or article.language == language
        ]

    def characters(self) -> int:
        return sum(len(a.input.title) + len(a.input.body) for a in self.articles)

    def texts(self) -> list[str]:
        """Each article's text as the engine reads it (title and body joined by
        events.extraction.document.read), for the tokenizer baselines to read the same.

        Asked of the engine rather than copied, so that it follows the engine's changes. Read
        once, untimed; best after warm-up, so that the engine's resources are built first, as
        in a worker.
        """
        if self._texts is None:
            self._texts = [
                read(a.input.title, a.input.body, spacy_language(a.language)).text
                for a in self.articles
            ]
        return self._texts


def read_articles(path: Path | str, *, limit: int | None = None) -> Corpus:
    """The records of a JSONL import file (id, lang, title, published, text), ready to time.

    An article without `lang` gets the language article_create would detect for it (detection
    is not timed: an import does it, not the extraction task). Articles in a language the engine
    has no lexicon for are counted in `skipped`. Raises BenchmarkError on a malformed line.
    """
    path = Path(path)
    corpus = Corpus(path=path, articles=[])
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise BenchmarkError(f"cannot read {path}: {error.strerror}") from error
    with handle:
        read = 0
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            if limit is not None and read >= limit:
                break
            read += 1
            corpus_article = _article(line, where=f"{path.name}:{number}", line_number=number)
            if isinstance(corpus_article, str):
                corpus.skipped[corpus_article] += 1
            else:
                corpus.articles.append(corpus_article)
    return corpus


def _article(line: str, *, where: str, line_number: int) -> BenchArticle | str:
    """One record as a BenchArticle, or its language's code when the engine cannot read it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise BenchmarkError(f"{where}: not valid JSON ({error.msg})") from None
    if not isinstance(record, dict):
        raise BenchmarkError(f"{where}: not a JSON object")
    title, body = record.get("title"), record.get("text")
    if not isinstance(title, str) or not isinstance(body, str) or not body.strip():
        raise BenchmarkError(f"{where}: 'title' and 'text' must be text, and 'text' not empty")
    try:
        published = dt.date.fromisoformat(str(record.get("published", ""))[:10])
    except ValueError:
        raise BenchmarkError(f"{where}: 'published' must be a date written YYYY-MM-DD") from None
    code = str(record.get("lang") or "").strip().lower()
    if not code:
        code = languages.detect(f"{title}\n{body}") or "unknown"
    if not languages.is_supported(code):
        return code
    return BenchArticle(
        key=str(record.get("id") or f"line {line_number}"),
        language=code,
        input=ArticleInput(title=title, body=body, published=published, language=code),
        record=record,
    )


def known_actors_directory(path: Path | str = KNOWN_ACTORS_PATH) -> ActorDirectory:
    """The seed directory of known actors, as the engine gets it from the database."""
    return ActorDirectory(known_actor_records(path))


# --- Timing --------------------------------------------------------------------------------


def spacy_language(code: str) -> str:
    """The code of the spaCy pipeline the engine reads a language with (builds its resources)."""
    return for_language(code).lexicon["meta"]["spacy"]


def bare_pipeline(code: str) -> Language:
    """spacy.blank plus the sentencizer and nothing else, for one of the engine's languages."""
    nlp = spacy.blank(spacy_language(code))
    nlp.add_pipe("sentencizer")
    return nlp


def engine_pipeline(code: str) -> Language:
    """The engine's own spaCy pipeline for a language (events.extraction.document.pipeline)."""
    return pipeline(spacy_language(code))


@dataclass
class Summary:
    """One stage over a group of articles, each article at its best."""

    articles: int
    seconds: float  # the sum of the articles' best times
    times: list[float]  # each article's best time, in seconds

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else math.inf

    @property
    def mean_ms(self) -> float:
        return 1000 * self.seconds / self.articles if self.articles else 0.0

    @property
    def p95_ms(self) -> float:
        return 1000 * percentile(self.times, 95)


def percentile(values: Sequence[float], rank: float) -> float:
    """The nearest-rank percentile: the smallest value at least `rank` percent are not above."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(rank / 100 * len(ordered)) - 1)]


@dataclass
class Passes:
    """Seconds per article in each timed pass of one stage."""

    runs: list[list[float]]

    def best(self, indices: Sequence[int]) -> Summary:
        """Each article's fastest time over the passes.

        Taking the best per article rather than the best whole pass keeps out the bursts of
        other processes sharing the machine, and lets each language's figures add up to the
        total's.
        """
        times = [min(run[i] for run in self.runs) for i in indices]
        return Summary(articles=len(indices), seconds=sum(times), times=times)


def time_stages(
    items: Sequence, stages: dict[str, Callable[[object], object]], *, repeat: int
) -> dict[str, Passes]:
    """Run each stage over every item, `repeat` times, timing each call with perf_counter.

    The stages take turns within each repeat, so that a change in the machine's load during
    the run weighs on all of them alike rather than on whichever ran last.
    """
    clock = time.perf_counter
    passes = {name: Passes([]) for name in stages}
    for _ in range(repeat):
        for name, work in stages.items():
            run = []
            for item in items:
                started = clock()
                work(item)
                run.append(clock() - started)
            passes[name].runs.append(run)
    return passes


def peak_memory_mb() -> float:
    """This process's peak resident memory so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


# --- Warm-up -------------------------------------------------------------------------------


@dataclass
class WarmUp:
    resources: dict[str, float]  # language -> seconds to build its resources
    baselines: float  # seconds to build the bare spaCy pipelines
    first_pass: float  # seconds for the first (untimed) reading of every article
    peak_mb: float
    bare: dict[str, Language] = field(repr=False, default_factory=dict)

    @property
    def seconds(self) -> float:
        return sum(self.resources.values()) + self.baselines + self.first_pass


def warm_up(corpus: Corpus, directory: ActorDirectory) -> WarmUp:
    """What a worker does once: build each language's resources, read every article once.

    The first pass also fills spaCy's vocabulary and the engine's caches, so that the timed
    passes measure steady work, not loading.
    """
    clock = time.perf_counter
    built: dict[str, float] = {}
    for code in corpus.languages():
        started = clock()
        engine.warm_up(code)
        built[code] = clock() - started
    started = clock()
    bare = {code: bare_pipeline(code) for code in corpus.languages()}
    baselines = clock() - started
    texts = corpus.texts()
    started = clock()
    for article, text in zip(corpus.articles, texts, strict=True):
        bare[article.language](text)
        engine_pipeline(article.language)(text)
        engine.extract(article.input, directory)
    first_pass = clock() - started
    return WarmUp(built, baselines, first_pass, peak_memory_mb(), bare)


# --- Engine beside the tokenizer -----------------------------------------------------------


@dataclass
class SpeedReport:
    bare: Passes  # spacy.blank + sentencizer
    spacy: Passes  # the engine's own pipeline: blank + sentencizer + paragraph_breaks
    engine: Passes  # engine.extract, which includes that pipeline
    peak_mb: float

    def engine_ratio(self) -> float:
        """The engine's time over the bare tokenizer's, every article at its best (the target)."""
        everything = range(len(self.engine.runs[0]))
        return ratio(self.engine.best(everything).seconds, self.bare.best(everything).seconds)


def speed_benchmark(
    corpus: Corpus,
    directory: ActorDirectory,
    *,
    repeat: int,
    bare: dict[str, Language] | None = None,
) -> SpeedReport:
    """The three stages over the same texts, taking turns in each of `repeat` passes.

    `bare` is the warm-up's bare pipelines; without them they are built here, untimed.
    """
    if bare is None:
        bare = {code: bare_pipeline(code) for code in corpus.languages()}
    nlp = {code: engine_pipeline(code) for code in corpus.languages()}
    items = [
        (bare[article.language], nlp[article.language], text, article.input)
        for article, text in zip(corpus.articles, corpus.texts(), strict=True)
    ]
    passes = time_stages(
        items,
        {
            "bare": lambda item: item[0](item[2]),
            "spacy": lambda item: item[1](item[2]),
            "engine": lambda item: engine.extract(item[3], directory),
        },
        repeat=repeat,
    )
    return SpeedReport(passes["bare"], passes["spacy"], passes["engine"], peak_memory_mb())


def ratio(engine_seconds: float, baseline_seconds: float) -> float:
    return engine_seconds / baseline_seconds if baseline_seconds else math.inf


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


# --- The whole pipeline, with the database -------------------------------------------------


class _RollBack(Exception):
    """Raised inside the benchmark's transaction so that nothing it wrote is kept."""


@dataclass
class PipelineReport:
    database: str
    created: int  # articles created in each pass
    duplicates: int  # records already stored (only with allow_existing), left out
    create: Passes  # article_import_record -> article_create
    extract: Passes  # article_run_extraction: engine, storage and bookkeeping
    statuses: Counter[str]  # extraction_status after the last pass
    meetings: int  # meetings stored by the last pass
    failures: list[str]  # "key: reason" for articles whose extraction failed
    peak_mb: float


def database_has_articles() -> bool:
    from articles.models import Article

    return Article.objects.exists()


def pipeline_benchmark(
    corpus: Corpus, *, repeat: int, allow_existing: bool = False
) -> PipelineReport:
    """Import every article and run the extraction task's function on each, as a worker does.

    Each pass runs in one transaction that is rolled back at its end, so the database is left
    as it was (extraction's own transactions become savepoints in it: commits are not timed).
    Tasks enqueued on commit never run. Refuses a database that holds articles unless
    `allow_existing`, and then leaves out the records already stored.
    """
    from django.db import connection, transaction

    from articles.imports import article_import_record
    from articles.models import Article
    from articles.services import DuplicateArticle
    from events.actors import actor_directory
    from events.extraction_runs import ExtractionAborted, article_run_extraction
    from events.models import Meeting

    if not allow_existing and database_has_articles():
        raise BenchmarkError(
            "the database already holds articles; benchmark an empty one, or pass "
            "--allow-existing (what the benchmark adds is rolled back either way)"
        )
    clock = time.perf_counter
    create_runs: list[list[float]] = []
    extract_runs: list[list[float]] = []
    created = duplicates = meetings = 0
    statuses: Counter[str] = Counter()
    failures: list[str] = []
    for _ in range(repeat):
        try:
            with transaction.atomic():
                meetings_before = Meeting.objects.count()
                stored: list[tuple[str, int]] = []
                create_times: list[float] = []
                duplicates = 0
                for article in corpus.articles:
                    started = clock()
                    try:
                        row = article_import_record(record=article.record)
                    except DuplicateArticle:
                        duplicates += 1
                        continue
                    create_times.append(clock() - started)
                    stored.append((article.key, row.pk))
                if not stored:
                    raise BenchmarkError("every article is already stored: nothing to extract")
                actor_directory()  # built once per worker, and again whenever actors change
                extract_times: list[float] = []
                failures = []
                for key, article_id in stored:
                    started = clock()
                    try:
                        article_run_extraction(article_id=article_id)
                    except ExtractionAborted as error:
                        failures.append(f"{key}: {error}")
                    extract_times.append(clock() - started)
                ids = [article_id for _, article_id in stored]
                statuses = Counter(
                    Article.objects.filter(pk__in=ids).values_list("extraction_status", flat=True)
                )
                meetings = Meeting.objects.count() - meetings_before
                created = len(stored)
                create_runs.append(create_times)
                extract_runs.append(extract_times)
                raise _RollBack
        except _RollBack:
            pass
    return PipelineReport(
        database=f"{connection.vendor} {connection.settings_dict.get('NAME') or ''}".strip(),
        created=created,
        duplicates=duplicates,
        create=Passes(create_runs),
        extract=Passes(extract_runs),
        statuses=statuses,
        meetings=meetings,
        failures=failures,
        peak_mb=peak_memory_mb(),
    )


# --- Plain-text report ---------------------------------------------------------------------


def machine_lines() -> list[str]:
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    return [
        f"Machine: {platform.machine()} {platform.system()}, {usable} usable of {cores} cores "
        f"({_cpu_model() or platform.processor() or 'cpu unknown'})",
        f"Python {platform.python_version()}, spaCy {spacy.__version__}, engine {engine.VERSION}",
        load_line("at the start"),
    ]


def load_line(when: str) -> str:
    """The load average: timings taken beside other busy processes are slower and noisier."""
    try:
        one, five, fifteen = os.getloadavg()
    except (AttributeError, OSError):
        return f"Load average {when}: unknown"
    return f"Load average {when}: {one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min)"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def corpus_lines(corpus: Corpus, directory: ActorDirectory) -> list[str]:
    counts = Counter(article.language for article in corpus.articles)
    by_language = ", ".join(f"{code} {counts[code]}" for code in sorted(counts))
    lines = [
        f"Corpus: {corpus.path} - {len(corpus.articles)} articles ({by_language}), "
        f"{corpus.characters():,} characters, {_mean_chars(corpus):,} a text on average",
        f"Known actors: {len(directory):,} lookup keys from {KNOWN_ACTORS_PATH.name}",
    ]
    if corpus.skipped:
        skipped = ", ".join(f"{code} {count}" for code, count in sorted(corpus.skipped.items()))
        lines.append(f"Left out, no lexicon for their language: {skipped}")
    return lines


def _mean_chars(corpus: Corpus) -> int:
    return round(corpus.characters() / len(corpus.articles)) if corpus.articles else 0


def warm_up_lines(warm: WarmUp) -> list[str]:
    lines = ["Warm-up (once per worker process, not in the timings below)"]
    for code, seconds in warm.resources.items():
        lines.append(f"  {code} resources (lexicon, gazetteer, phrase indexes)  {seconds:8.2f} s")
    lines += [
        f"  bare spaCy pipelines                              {warm.baselines:8.2f} s",
        f"  first reading of every article                    {warm.first_pass:8.2f} s",
        f"  total                                             {warm.seconds:8.2f} s",
        f"  peak memory after warm-up                         {warm.peak_mb:8.0f} MB",
    ]
    return lines


def speed_lines(corpus: Corpus, report: SpeedReport, *, repeat: int) -> list[str]:
    header = (
        f"{'lang':<5}{'articles':>9}{'bare ms':>9}{'spaCy ms':>10}"
        f"{'art/s':>8}{'mean ms':>9}{'p95 ms':>8}{'x bare':>8}{'x spaCy':>9}"
    )
    target = f"target <= {ENGINE_RATIO_TARGET:.1f}"
    lines = [
        f"Engine beside spaCy (best of {repeat} passes for each article; ms per article)",
        "  bare     spacy.blank(lang) + sentencizer: the issue's baseline",
        "  spaCy    the engine's own pipeline object (document.pipeline): blank + sentencizer",
        "           + paragraph_breaks, with the state the engine's resources left in it",
        "  engine   engine.extract with the known actors, everything included (art/s, mean, p95)",
        f"  x bare   engine time / bare time ({target}); x spaCy = engine time / spaCy time",
        "",
        header,
        "-" * len(header),
    ]
    groups = [(code, corpus.indices(code)) for code in corpus.languages()]
    groups.append(("all", corpus.indices()))
    for name, indices in groups:
        if name == "all":
            lines.append("-" * len(header))
        bare = report.bare.best(indices)
        nlp = report.spacy.best(indices)
        extraction = report.engine.best(indices)
        lines.append(
            f"{name:<5}{len(indices):>9}{bare.mean_ms:>9.2f}{nlp.mean_ms:>10.2f}"
            f"{extraction.per_second:>8.1f}{extraction.mean_ms:>9.2f}{extraction.p95_ms:>8.2f}"
            f"{ratio(extraction.seconds, bare.seconds):>8.2f}"
            f"{ratio(extraction.seconds, nlp.seconds):>9.2f}"
        )
    everything = corpus.indices()
    extraction = report.engine.best(everything)
    to_bare = ratio(extraction.seconds, report.bare.best(everything).seconds)
    to_spacy = ratio(extraction.seconds, report.spacy.best(everything).seconds)
    lines += [
        "",
        f"Engine: {extraction.per_second:.1f} articles/s, {extraction.mean_ms:.2f} ms/article",
        f"  {to_bare:5.2f} x bare spacy.blank + sentencizer, {target}: "
        f"{verdict(to_bare <= ENGINE_RATIO_TARGET)}",
        f"  {to_spacy:5.2f} x the engine's own spaCy pipeline, {target}: "
        f"{verdict(to_spacy <= ENGINE_RATIO_TARGET)}",
        f"Peak memory after the timed passes: {report.peak_mb:.0f} MB",
    ]
    return lines


def pipeline_lines(report: PipelineReport, *, repeat: int) -> list[str]:
    everything = list(range(report.created))
    create = report.create.best(everything)
    extract = report.extract.best(everything)
    statuses = ", ".join(f"{status} {count}" for status, count in sorted(report.statuses.items()))
    lines = [
        f"Whole pipeline on the database ({report.database}; best of {repeat} passes for each "
        "article, each pass rolled back)",
        f"  articles created per pass           {report.created:>8}",
    ]
    if report.duplicates:
        lines.append(f"  already stored, left out            {report.duplicates:>8}")
    lines += [
        f"  import, article_create              {create.mean_ms:>8.2f} ms/article, not in the rate",
        f"  article_run_extraction              {extract.mean_ms:>8.2f} ms/article mean, "
        f"{extract.p95_ms:.2f} p95",
        f"  statuses after the last pass        {statuses}",
        f"  meetings stored by the last pass    {report.meetings:>8}",
    ]
    lines += [f"  failed: {failure}" for failure in report.failures]
    lines += [
        f"  peak memory after the pipeline      {report.peak_mb:>8.0f} MB",
        "",
        f"Pipeline: {extract.per_second:.1f} articles/s per worker "
        f"(target >= {PIPELINE_RATE_TARGET:.0f}): "
        f"{verdict(extract.per_second >= PIPELINE_RATE_TARGET)}",
    ]
    return lines
