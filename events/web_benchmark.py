"""How fast the analyst's pages are: `manage.py benchmark_web` (docs/benchmarks.md).

Each page is requested in-process through Django's test client, as a logged-in analyst (the
admin changelist as a superuser): once to warm up, then `repeat` times; the benchmark prints
its query count and median time and checks them against the targets. The CSV export of every
meeting is timed, and its peak extra memory measured (Python allocations, tracemalloc) in a
second run. Figures are printed for a person to read; nothing here is a timed unit test.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from articles.models import Article
from events.api import Cursor
from events.models import Actor, Country, Meeting, MeetingPair, Participant
from events.roles import roles_ensure_groups
from events.selectors import NEWEST_FIRST, MeetingFilters, meeting_ids

MAX_QUERIES = 8
MAX_MILLISECONDS = 300
MAX_SHARE_OF_ADMIN = 0.25
EXPORT_MAX_SECONDS = 15
EXPORT_MAX_MEGABYTES = 50


class BenchmarkError(Exception):
    """The benchmark cannot run as asked; the message says why."""


@dataclass(frozen=True)
class PageResult:
    name: str
    url: str
    queries: int
    median_ms: float  # with the page cache off: every request renders
    size_kb: float
    cold_ms: float = 0.0  # the page cache on: the first request of its key, which renders
    warm_ms: float = 0.0  # the page cache on: the median of the requests after it
    warm_queries: int = 0
    cpu_ms: float = 0.0  # this process's CPU time (not PostgreSQL's), cache off; less noisy
    warm_cpu_ms: float = 0.0  # the same, cache on and warm


@dataclass(frozen=True)
class ExportResult:
    rows: int
    seconds: float
    peak_megabytes: float


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _pages() -> list[tuple[str, str]]:
    """The pages the issue names, with filters that select many meetings."""
    timeline = reverse("events:meeting-list")
    busiest = (
        Participant.objects.values("actor_id")
        .annotate(meetings=Count("*"))
        .order_by("-meetings")
        .first()
    )
    if busiest is None:
        raise BenchmarkError("The database has no meetings: run generate_data first.")
    actor = Actor.objects.get(pk=busiest["actor_id"])
    country = actor.country_id or "US"
    two_words = " ".join(actor.name.split()[:2])
    # A search's plan depends on how many meetings match: a name met once, and a country's
    # name, found in a sixth of the meetings.
    rare = (
        Participant.objects.values("actor_id")
        .annotate(meetings=Count("*"))
        .filter(meetings=1)
        .order_by("actor_id")
        .values_list("actor__name", flat=True)
        .first()
    ) or actor.name
    common = Country.objects.get(pk=country).name
    return [
        ("timeline", timeline),
        (f"by country ({country})", f"{timeline}?{urlencode({'country': country})}"),
        (f"by actor ({actor.pk})", f"{timeline}?{urlencode({'actor': actor.pk})}"),
        (
            "by date range (2010-2012)",
            f"{timeline}?date_from=2010-01-01&date_to=2012-12-31",
        ),
        (f'search "{two_words}"', f"{timeline}?{urlencode({'q': two_words})}"),
        (f'search "{rare}"', f"{timeline}?{urlencode({'q': rare})}"),
        (f'search "{common}"', f"{timeline}?{urlencode({'q': common})}"),
        ("page 50", f"{timeline}?page=50"),
        ("histogram", reverse("events:meeting-histogram")),
        (
            f"histogram by country ({country})",
            f"{reverse('events:meeting-histogram')}?{urlencode({'country': country})}",
        ),
        *_pivot_pages(actor, country),
        ("admin meeting changelist", reverse("admin:events_meeting_changelist")),
    ]


def _pivot_pages(actor: Actor, country: str) -> list[tuple[str, str]]:
    """The pivot pages (issue 10): the same actor and country, the country's busiest pair, the
    matrix, the upcoming meetings and the API's first and hundredth page."""
    partner = (
        MeetingPair.objects.filter(Q(first_id=country) | Q(second_id=country))
        .values("first_id", "second_id")
        .annotate(meetings=Count("*"))
        .order_by("-meetings")
        .first()
    )
    other = partner["second_id"] if partner["first_id"] == country else partner["first_id"]
    api = reverse("events:meeting-api")
    # The cursor after the 5,000th meeting in the timeline's order, as a client paging on gets.
    ordered = meeting_ids(filters=MeetingFilters()).values_list("sort_date", "pk")
    last = next(iter(ordered[4999:5000]), None) or ordered[0]
    cursor = Cursor(last[0], last[1], NEWEST_FIRST).encode()
    return [
        (f"actor page ({actor.pk})", reverse("events:actor-detail", args=[actor.pk])),
        (f"country page ({country})", reverse("events:country-detail", args=[country])),
        (f"pair page ({country}-{other})", reverse("events:country-pair", args=[country, other])),
        ("who-met-whom matrix", reverse("events:country-matrix")),
        ("upcoming", reverse("events:upcoming")),
        ("API meetings, first page", api),
        ("API meetings, page 101", f"{api}?{urlencode({'cursor': cursor})}"),
        (f"API actor ({actor.pk})", reverse("events:actor-api", args=[actor.pk])),
    ]


def _timed(client: Client, url: str) -> tuple[float, int, bytes, float]:
    with CaptureQueriesContext(connection) as captured:
        started, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        cpu_ms = (time.process_time() - cpu) * 1000
    if response.status_code != 200:
        raise BenchmarkError(f"{url} answered {response.status_code}.")
    return elapsed, len(captured.captured_queries), response.content, cpu_ms


def _measure(client: Client, name: str, url: str, repeat: int) -> PageResult:
    """The page with the page cache off (a warm-up, then `repeat` requests), then on: its first
    request (cold: it renders and stores the fragments) and `repeat` more (warm)."""
    with override_settings(CACHES=_page_cache("off")):
        _timed(client, url)  # warm-up
        runs = [_timed(client, url) for _ in range(repeat)]
    with tempfile.TemporaryDirectory() as folder, override_settings(CACHES=_page_cache(folder)):
        cold_ms = _timed(client, url)[0]
        warm = [_timed(client, url) for _ in range(repeat)]
    return PageResult(
        name,
        url,
        queries=runs[-1][1],
        median_ms=statistics.median(run[0] for run in runs),
        size_kb=len(runs[-1][2]) / 1024,
        cold_ms=cold_ms,
        warm_ms=statistics.median(run[0] for run in warm),
        warm_queries=warm[-1][1],
        cpu_ms=statistics.median(run[3] for run in runs),
        warm_cpu_ms=statistics.median(run[3] for run in warm),
    )


def _page_cache(folder: str) -> dict:
    """The settings' caches with the page cache in `folder` (files, as in production), or off."""
    pages = (
        {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        if folder == "off"
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": folder,
            "TIMEOUT": settings.PAGE_CACHE_SECONDS,
        }
    )
    return {**settings.CACHES, "pages": pages}


def _export(client: Client, *, trace: bool) -> ExportResult:
    url = f"{reverse('events:meeting-export')}?review_state=all"
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    response = client.get(url)
    rows = sum(chunk.count(b"\n") for chunk in response.streaming_content) - 1
    seconds = time.perf_counter() - started
    peak = 0.0
    if trace:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return ExportResult(rows, seconds, peak)


def _clients() -> tuple[Client, Client]:
    users = get_user_model()
    _, analysts = roles_ensure_groups()
    analyst = users.objects.create_user(username="benchmark-analyst")
    analyst.groups.add(analysts)
    admin = users.objects.create_superuser(username="benchmark-admin")
    # The test client's own host name is not among a real settings' ALLOWED_HOSTS.
    host = next(
        (name for name in settings.ALLOWED_HOSTS if name not in {"*", ""} and name[0] != "."),
        "localhost",
    )
    analyst_client, admin_client = Client(HTTP_HOST=host), Client(HTTP_HOST=host)
    analyst_client.force_login(analyst)
    admin_client.force_login(admin)
    return analyst_client, admin_client


def web_benchmark(*, repeat: int, write: Callable[[str], None], export: bool = True) -> bool:
    """Measure every page and the export; returns whether every target passes. Runs in a
    transaction rolled back at the end: the benchmark's users are not kept."""
    write(f"Load average at start: {_load()}")
    write(
        f"Database: {connection.vendor}, {Meeting.objects.count()} meetings, "
        f"{Article.objects.count()} articles, {Actor.objects.count()} actors"
    )
    passed = True
    with transaction.atomic():
        analyst, admin = _clients()
        pages = _pages()
        results = [
            _measure(admin if name.startswith("admin") else analyst, name, url, repeat)
            for name, url in pages
        ]
        admin_ms = results[-1].median_ms
        write("")
        write(
            f"{'page':34} {'queries':>7} {'median ms':>10} {'KB':>7}  "
            f"{'cached: cold ms':>15} {'warm ms':>8} {'queries':>7}  "
            f"{'CPU ms':>6} {'warm':>5}  targets (uncached)"
        )
        for result in results:
            if result.name.startswith("admin"):
                verdict = "(the reference)"
            else:
                checks = [
                    result.queries <= MAX_QUERIES,
                    result.median_ms <= MAX_MILLISECONDS,
                    result.median_ms <= MAX_SHARE_OF_ADMIN * admin_ms,
                ]
                passed &= all(checks)
                verdict = "pass" if all(checks) else "FAIL"
                verdict += f" ({result.median_ms / admin_ms:.0%} of the admin's time)"
            write(
                f"{result.name:34} {result.queries:7} {result.median_ms:10.1f} "
                f"{result.size_kb:7.1f}  {result.cold_ms:15.1f} {result.warm_ms:8.1f} "
                f"{result.warm_queries:7}  {result.cpu_ms:6.1f} {result.warm_cpu_ms:5.1f}  "
                f"{verdict}"
            )
        write(
            f"  (each page: median of {repeat} requests after one warm-up with the page cache "
            f"off; with it on (files), the first request (cold) and the median of {repeat} more; "
            "CPU: this process's, not PostgreSQL's)"
        )
        if not export:
            transaction.set_rollback(True)
            write("")
            write(f"Pages {'all pass' if passed else 'some FAIL'} (the export was not run).")
            return passed
        timed = _export(analyst, trace=False)
        traced = _export(analyst, trace=True)
        export_ok = (
            timed.seconds <= EXPORT_MAX_SECONDS and traced.peak_megabytes < EXPORT_MAX_MEGABYTES
        )
        passed &= export_ok
        write("")
        write(
            f"CSV export: {timed.rows} meetings in {timed.seconds:.1f} s; peak extra memory "
            f"{traced.peak_megabytes:.1f} MB (Python allocations, second run under tracemalloc, "
            f"{traced.seconds:.1f} s)  {'pass' if export_ok else 'FAIL'}"
        )
        transaction.set_rollback(True)
    write("")
    write(
        f"Targets: at most {MAX_QUERIES} queries and {MAX_MILLISECONDS} ms a page, and at most "
        f"{MAX_SHARE_OF_ADMIN:.0%} of the admin changelist's time; the export in at most "
        f"{EXPORT_MAX_SECONDS} s with under {EXPORT_MAX_MEGABYTES} MB. "
        f"{'All pass.' if passed else 'Some FAIL.'}"
    )
    write(f"Load average at end: {_load()}")
    return passed
