"""A load test: concurrent analysts browsing and exporting, and an editor uploading, against a
running Entente (gunicorn on loopback; see `make load-test`, which sets it all up).

Each analyst logs in through the login form, then for DURATION seconds picks pages at random:
the timeline, filtered timelines (a country, a search, a year), the next page as scrolling
loads it, the histogram, a meeting's page and now and then the CSV export: read to its end when
it comes at once, or, when it is large enough to be a background job, asked for, its job page
polled every POLL seconds until the file is ready, then downloaded ("export" is the whole wait,
"export ask", "export poll" and "export file" its requests).
One editor uploads a new article every few seconds, which the worker beside the server reads.
Prints, per page, the requests, errors, p50 and p95 latency, and the throughput.

`--one-login` logs in once and lets every analyst share that session: 50 logins (each a
deliberately slow password hash) otherwise take the first seconds of a short run on a busy
machine, and measure the login rather than the pages.

`--think` is an analyst's mean pause between clicks (random, exponential): 0, the default,
clicks again the moment a page arrives, which measures the server saturated; a few seconds is
closer to people reading what they asked for.

    .venv/bin/python scripts/load_test.py http://127.0.0.1:8000 --users 50 --duration 60
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import statistics
import time
from collections import defaultdict

import httpx

COUNTRIES = ["RU", "FR", "ID", "US", "CN", "DE", "BR", "IN"]
WORDS = ["minister", "summit", "talks", "visit", "president"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MEETING_LINK = re.compile(r'href="/meetings/(\d+)/"')
DOWNLOAD_LINK = re.compile(r'href="(/exports/jobs/\d+/download/)"')
POLL = 1.0


class Recorder:
    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)

    async def get(self, client: httpx.AsyncClient, page: str, url: str, **kw) -> str:
        answer = await self.request(client, page, url, **kw)
        return answer.text if answer is not None else ""

    async def request(
        self, client: httpx.AsyncClient, page: str, url: str, **kw
    ) -> httpx.Response | None:
        """The answer, its body read to the end; None (and an error counted) when it failed."""
        started = time.perf_counter()
        try:
            async with client.stream("GET", url, **kw) as answer:
                await answer.aread()
        except httpx.HTTPError as error:
            self.errors[page].append(f"{url}: {type(error).__name__}")
            return None
        self.latencies[page].append(time.perf_counter() - started)
        if answer.status_code >= 400:
            self.errors[page].append(f"{url}: HTTP {answer.status_code}")
            return None
        return answer

    async def export(self, client: httpx.AsyncClient, url: str) -> None:
        """The export as an analyst meets it: the file at once, or a job waited for."""
        started = time.perf_counter()
        answer = await self.request(client, "export ask", url)
        if answer is not None and answer.status_code == 302:
            job = answer.headers["location"]
            while True:
                await asyncio.sleep(POLL)
                state = await self.request(
                    client, "export poll", job, headers={"HX-Request": "true"}
                )
                if state is None:
                    return
                if "/download/" in state.text or "is-failed" in state.text:
                    break
            link = DOWNLOAD_LINK.search(state.text)
            if link is None:
                self.errors["export"].append(f"{job}: the export failed")
                return
            answer = await self.request(client, "export file", link.group(1))
        if answer is not None:
            self.latencies["export"].append(time.perf_counter() - started)


async def log_in(client: httpx.AsyncClient, username: str, password: str) -> None:
    form = await client.get("/accounts/login/")
    token = CSRF.search(form.text).group(1)
    answer = await client.post(
        "/accounts/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
    )
    if answer.status_code != 302:
        raise SystemExit(f"Could not log in as {username}: HTTP {answer.status_code}")


async def analyst(
    base: str, recorder: Recorder, deadline: float, seed: int, think: float, cookies=None
) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=60, cookies=cookies) as client:
        if cookies is None:
            await log_in(client, "analyst", "entente-analyst")
        meetings: list[str] = []
        while time.monotonic() < deadline:
            if think:
                await asyncio.sleep(rng.expovariate(1 / think))
            choice = rng.random()
            if choice < 0.25:
                text = await recorder.get(client, "timeline", "/")
                meetings = MEETING_LINK.findall(text) or meetings
            elif choice < 0.40:
                country = rng.choice(COUNTRIES)
                await recorder.get(client, "timeline ?country", f"/?country={country}")
            elif choice < 0.50:
                await recorder.get(client, "timeline ?q", f"/?q={rng.choice(WORDS)}")
            elif choice < 0.60:
                year = rng.randint(1995, 2025)
                await recorder.get(
                    client, "timeline ?from&to", f"/?date_from={year}-01-01&date_to={year}-12-31"
                )
            elif choice < 0.70:
                page = rng.randint(2, 20)
                await recorder.get(
                    client, "timeline page N", f"/?page={page}", headers={"HX-Request": "true"}
                )
            elif choice < 0.80:
                country = rng.choice(COUNTRIES)
                await recorder.get(client, "histogram", f"/meetings/histogram/?country={country}")
            elif choice < 0.97:
                if meetings:
                    await recorder.get(client, "meeting", f"/meetings/{rng.choice(meetings)}/")
            else:
                year = rng.randint(1995, 2025)
                await recorder.export(
                    client,
                    f"/meetings/export.csv?country={rng.choice(COUNTRIES)}&date_from={year}-01-01",
                )


async def editor(base: str, recorder: Recorder, deadline: float, every: float) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        await log_in(client, "editor", "entente-editor")
        number = 0
        while time.monotonic() < deadline:
            number += 1
            form = await client.get("/articles/new/")
            token = CSRF.search(form.text).group(1)
            started = time.perf_counter()
            answer = await client.post(
                "/articles/new/",
                data={
                    "csrfmiddlewaretoken": token,
                    "title": f"Load test {time.time_ns()}: envoys meet",
                    "published_on": "2025-06-02",
                    "language": "en",
                    "text": (
                        f"Foreign Minister Ola Brekke of Norway met Chilean Foreign Minister Ana "
                        f"Fuentes in Oslo on Monday for talks (report {time.time_ns()}-{number})."
                    ),
                },
            )
            recorder.latencies["upload"].append(time.perf_counter() - started)
            if answer.status_code not in (200, 302):
                recorder.errors["upload"].append(f"HTTP {answer.status_code}")
            await asyncio.sleep(every)


def percentile(values: list[float], share: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(share * 100) - 1]


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base_url")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--upload-every", type=float, default=3.0)
    parser.add_argument(
        "--think", type=float, default=0.0, help="mean seconds between an analyst's clicks"
    )
    parser.add_argument(
        "--one-login", action="store_true", help="every analyst shares one login's session"
    )
    options = parser.parse_args()

    cookies = None
    if options.one_login:
        async with httpx.AsyncClient(base_url=options.base_url, timeout=60) as client:
            await log_in(client, "analyst", "entente-analyst")
            cookies = dict(client.cookies)
    recorder = Recorder()
    started = time.monotonic()
    deadline = started + options.duration
    await asyncio.gather(
        *(
            analyst(options.base_url, recorder, deadline, seed, options.think, cookies)
            for seed in range(options.users)
        ),
        editor(options.base_url, recorder, deadline, options.upload_every),
    )
    elapsed = time.monotonic() - started

    # "export" is the whole wait for a file, made of the export requests already counted.
    total = sum(len(values) for page, values in recorder.latencies.items() if page != "export")
    errors = sum(len(found) for found in recorder.errors.values())
    print(
        f"{options.users} analysts (mean pause {options.think:g} s) and 1 editor for "
        f"{elapsed:.0f} s against {options.base_url}"
    )
    print(f"{total} requests, {total / elapsed:.1f} per second, {errors} errors")
    print(f"{'page':<20} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for page, values in sorted(recorder.latencies.items()):
        print(
            f"{page:<20} {len(values):>8} {len(recorder.errors[page]):>6} "
            f"{percentile(values, 0.5) * 1000:>8.0f} {percentile(values, 0.95) * 1000:>8.0f}"
        )
    for page, found in recorder.errors.items():
        for error in found[:5]:
            print(f"error {page}: {error}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
