"""The end-to-end worker benchmark (events.worker_benchmark): its workload, its runs in real
processes and its verdicts. Speed itself is never asserted here."""

from __future__ import annotations

import json

import pytest
from django.db import connection

from articles.services import article_content_hash
from events import worker_benchmark as bench

RECORDS = [
    {
        "id": "w-en",
        "lang": "en",
        "title": "Two ministers meet",
        "published": "2026-04-01",
        "url": "https://example.org/en",
        "text": "PARIS, April 1 - French Foreign Minister Jean Dupont met his Italian counterpart "
        "in Paris on Wednesday.",
    },
    {
        "id": "w-id",
        "lang": "id",
        "title": "Menteri bertemu",
        "published": "2026-04-02",
        "url": "https://example.org/id",
        "text": "Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Jepang di Jakarta "
        "pada Kamis.",
    },
    {
        "id": "w-fr",
        "lang": "fr",
        "title": "Rencontre à Rome",
        "published": "2026-04-03",
        "url": "https://example.org/fr",
        "text": "Le président français a rencontré le Premier ministre italien à Rome vendredi.",
    },
    {
        "id": "w-ru",
        "lang": "ru",
        "title": "Встреча в Москве",
        "published": "2026-04-04",
        "url": "https://example.org/ru",
        "text": "Министр иностранных дел России встретился с министром Китая в Москве в субботу.",
    },
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), "utf-8")
    return path


def read_records(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_workload_repeats_the_corpus_as_articles_the_importer_keeps(corpus, tmp_path):
    records = read_records(bench.build_workload([corpus], 10, tmp_path))

    assert len(records) == 10
    assert [r["lang"] for r in records[:5]] == ["en", "id", "fr", "ru", "en"]
    assert len({r["id"] for r in records}) == 10
    assert len({r["url"] for r in records}) == 10
    assert len({article_content_hash(body=r["text"]) for r in records}) == 10


def test_the_startup_workload_is_one_article_per_language(corpus, tmp_path):
    records = read_records(bench.build_startup_workload([corpus, corpus], tmp_path))

    assert [r["lang"] for r in records] == ["en", "id", "fr", "ru"]


def test_a_corpus_without_a_language_cannot_make_the_startup_workload(corpus, tmp_path):
    only_english = tmp_path / "en.jsonl"
    only_english.write_text(json.dumps(RECORDS[0]) + "\n", encoding="utf-8")

    with pytest.raises(bench.BenchmarkError, match="no article in id, fr, ru"):
        bench.build_startup_workload([only_english], tmp_path)


def test_an_end_to_end_run_imports_and_extracts_every_article(corpus, tmp_path):
    workload = bench.build_workload([corpus], 4, tmp_path)

    run = bench.end_to_end("sqlite", bench.sqlite_url(tmp_path, "e2e"), workload)

    assert run.articles == 4
    assert run.statuses["done"] == 4
    assert run.import_seconds > 0 and run.worker_seconds > 0
    assert len(run.peak_mb) == 1 and run.peak_mb[0] > 50  # the worker's own, spaCy loaded
    assert bench.end_to_end_line(run).startswith("sqlite")


def test_the_queries_of_a_worker_are_counted(corpus, tmp_path):
    count = bench.worker_queries(tmp_path, bench.build_workload([corpus], 2, tmp_path))

    assert count.articles == 2
    assert count.queries > 2 * 10  # claims, the task's reads and writes, bookkeeping


def test_the_query_counter_counts_past_django_s_query_log(db):
    """CaptureQueriesContext keeps the last 9,000 queries only: the count must not stop there."""
    counter = bench.QueryCounter()
    with connection.execute_wrapper(counter), connection.cursor() as cursor:
        for _ in range(9_500):
            cursor.execute("SELECT 1")

    assert counter.count == 9_500


def end_to_end(database: str, workers: int, seconds: float) -> bench.EndToEnd:
    return bench.EndToEnd(database, 600, workers, 0.0, seconds, [300.0] * workers, {"done": 600})


def test_the_targets_pass_or_fail_on_the_figures():
    runs = [
        end_to_end("sqlite", 1, 10.0),  # 60 articles/s
        end_to_end("postgresql", 1, 30.0),  # 20 articles/s
        end_to_end("postgresql", 2, 20.0),  # 1.5 times one
    ]
    lines = bench.target_lines(runs, bench.StartUp(9.0, 11.0, 7.0), engine_ratio=3.5)

    assert any("on sqlite: 60.0 articles/s" in line and "PASS" in line for line in lines)
    assert any("on postgresql: 20.0 articles/s" in line and "FAIL" in line for line in lines)
    assert any("two workers on postgresql: 1.50 x" in line and "FAIL" in line for line in lines)
    assert any("start-up: +2.00 s" in line and "PASS" in line for line in lines)
    assert any("engine: 3.50 x" in line and "PASS" in line for line in lines)


def test_another_checkout_must_have_a_manage_py(tmp_path, settings):
    with pytest.raises(bench.BenchmarkError, match=r"No manage\.py"):
        bench.use_checkout(tmp_path)
    assert not bench.other_checkout()

    (tmp_path / "manage.py").write_text("", encoding="utf-8")
    bench.use_checkout(tmp_path)
    try:
        assert bench.other_checkout()
        assert bench.manage("migrate")[0] == str(tmp_path.resolve() / "manage.py")
    finally:
        bench.use_checkout(settings.BASE_DIR)
    assert not bench.other_checkout()
