"""A load test: concurrent analysts browsing and exporting, and an editor uploading, against a
running Entente (gunicorn on loopback; see `make load-test`, which sets it all up).

Each analyst logs in through the login form, then for DURATION seconds picks pages at random:
the timeline, filtered timelines (a country, a search, a year), the next page as scrolling
loads it, the histogram, a meeting's page and now and then the CSV export (read to its end).
One editor uploads a new article every few seconds, which the worker beside the server reads.
Prints, per page, the requests, errors, p50 and p95 latency, and the throughput.

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


class Recorder:
    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)

    async def get(self, client: httpx.AsyncClient, page: str, url: str, **kw) -> str:
        started = time.perf_counter()
        try:
            if page == "export":
                async with client.stream("GET", url, **kw) as answer:
                    body = b"".join([chunk async for chunk in answer.aiter_bytes()])
                    status = answer.status_code
                text = f"{len(body)} bytes"
            else:
                answer = await client.get(url, **kw)
                status, text = answer.status_code, answer.text
        except httpx.HTTPError as error:
            self.errors[page].append(f"{url}: {type(error).__name__}")
            return ""
        self.latencies[page].append(time.perf_counter() - started)
        if status >= 400:
            self.errors[page].append(f"{url}: HTTP {status}")
        return text


async def log_in(client: httpx.AsyncClient, username: str, password: str) -> None:
    form = await client.get("/accounts/login/")
    token = CSRF.search(form.text).group(1)
    answer = await client.post(
        "/accounts/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
    )
    if answer.status_code != 302:
        raise SystemExit(f"Could not log in as {username}: HTTP {answer.status_code}")


async def analyst(base: str, recorder: Recorder, deadline: float, seed: int, think: float) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
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
                await recorder.get(
                    client,
                    "export",
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
    options = parser.parse_args()

    recorder = Recorder()
    started = time.monotonic()
    deadline = started + options.duration
    await asyncio.gather(
        *(
            analyst(options.base_url, recorder, deadline, seed, options.think)
            for seed in range(options.users)
        ),
        editor(options.base_url, recorder, deadline, options.upload_every),
    )
    elapsed = time.monotonic() - started

    total = sum(len(values) for values in recorder.latencies.values())
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
