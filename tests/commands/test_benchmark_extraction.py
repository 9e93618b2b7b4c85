"""benchmark_extraction: runs and prints its figures. Speed itself is never asserted here."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from articles.services import article_create
from events import benchmark
from events.extraction.document import read
from events.models import Meeting

ARTICLES = [
    {
        "id": "bench-1",
        "lang": "en",
        "title": "Macron visits Jakarta",
        "published": "2026-03-02",
        "text": "JAKARTA, March 2 - French President Emmanuel Macron met Indonesian President "
        "Prabowo Subianto in Jakarta on Monday to discuss trade.",
    },
    {
        "id": "bench-2",
        "lang": "en",
        "title": "  Ministers   talk by phone ",
        "published": "2026-03-03",
        "text": "Foreign Minister Sergey Lavrov held a phone call with his Turkish counterpart "
        "on Tuesday.\n\nThey discussed Syria.",
    },
    {
        "id": "bench-3",
        "lang": "id",
        "title": "Prabowo bertemu Albanese",
        "published": "2026-03-04",
        "text": "Presiden Prabowo Subianto bertemu Perdana Menteri Australia Anthony Albanese "
        "di Canberra pada Rabu.",
    },
    {
        "id": "bench-4",
        "lang": "xx",  # no lexicon: left out and said so
        "title": "Unreadable",
        "published": "2026-03-05",
        "text": "Text in a language the engine has no lexicon for.",
    },
]


@pytest.fixture
def articles_file(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in ARTICLES) + "\n", encoding="utf-8")
    return path


def run_benchmark(*args: str) -> str:
    out = StringIO()
    call_command("benchmark_extraction", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_prints_speed_beside_the_tokenizer_and_the_ratio(articles_file):
    output = run_benchmark(str(articles_file), "--repeat", "1")

    assert "3 articles (en 2, id 1)" in output
    assert "Left out, no lexicon for their language: xx 1" in output
    assert "Warm-up" in output
    assert "peak memory after warm-up" in output
    table = {
        line.split()[0]: line.split()
        for line in output.splitlines()
        if line[:4] in {"en  ", "id  ", "all "}
    }
    assert table["en"][1] == "2"
    assert table["id"][1] == "1"
    assert table["all"][1] == "3"
    assert len(table["all"]) == 9  # bare, spaCy, art/s, mean, p95, both ratios
    assert "Engine:" in output and "articles/s" in output
    assert "x the engine's own spaCy pipeline" in output
    assert "x bare spacy.blank + sentencizer" in output
    assert ("PASS" in output) or ("FAIL" in output)
    assert "Whole pipeline" not in output


def test_limit_and_no_warmup(articles_file):
    output = run_benchmark(str(articles_file), "--repeat", "1", "--limit", "1", "--no-warmup")

    assert "1 articles (en 1)" in output
    assert "Warm-up" not in output
    assert "--limit 1 --no-warmup" in output


def test_the_baselines_read_the_text_the_engine_reads(articles_file):
    corpus = benchmark.read_articles(articles_file)

    for article, text in zip(corpus.articles, corpus.texts(), strict=True):
        document = read(
            article.input.title, article.input.body, benchmark.spacy_language(article.language)
        )
        assert text == document.text
        assert article.input.body in text


def test_pipeline_measures_the_task_and_leaves_the_database_as_it_was(db, articles_file):
    meetings = Meeting.objects.count()

    output = run_benchmark(str(articles_file), "--repeat", "2", "--pipeline")

    assert "Whole pipeline on the database" in output
    assert "articles created per pass" in output
    assert "statuses after the last pass        done 3" in output
    assert "articles/s per worker (target >= 30)" in output
    assert Article.objects.count() == 0
    assert Meeting.objects.count() == meetings


def test_pipeline_refuses_a_database_with_articles_unless_allowed(db, articles_file):
    article_create(
        title="Already here",
        body="An article stored before the benchmark.",
        published_on=dt.date(2026, 3, 1),
        language="en",
    )

    with pytest.raises(CommandError, match="already holds articles"):
        run_benchmark(str(articles_file), "--repeat", "1", "--pipeline")

    output = run_benchmark(str(articles_file), "--repeat", "1", "--pipeline", "--allow-existing")
    assert "articles/s per worker" in output
    assert list(Article.objects.values_list("title", flat=True)) == ["Already here"]


def test_a_malformed_line_is_an_error(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"id": "a", "lang": "en", "title": "T", "published": "2026-01-01"\n')

    with pytest.raises(CommandError, match=r"broken\.jsonl:1: not valid JSON"):
        run_benchmark(str(path))


def test_startup_only_times_a_fresh_worker_and_nothing_else(tmp_path, monkeypatch):
    # The start-up itself (real processes, half a minute) is timed by worker_benchmark.startup;
    # here, what the option runs and prints around it.
    from events import worker_benchmark

    asked = []

    def startup(folder, workload):
        asked.append([json.loads(line)["lang"] for line in workload.read_text().splitlines()])
        return worker_benchmark.StartUp(9.5, 10.0, 7.0, {"en": 4.0, "id": 9.5})

    monkeypatch.setattr(worker_benchmark, "startup", startup)
    monkeypatch.setattr(benchmark, "warm_up", lambda *args: pytest.fail("the engine was timed"))
    corpus = tmp_path / "four.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({**ARTICLES[0], "id": f"four-{code}", "lang": code}) + "\n"
            for code in ("ru", "en", "fr", "id", "en")
        ),
        encoding="utf-8",
    )

    output = run_benchmark(str(corpus), "--startup-only")

    assert [sorted(languages) for languages in asked] == [["en", "fr", "id", "ru"]]
    assert "Command: python manage.py benchmark_extraction" in output
    assert "--startup-only" in output
    assert "all done minus the floor                                 2.50 s" in output
    assert "start-up: +2.50 s beside spaCy's floor (target <= 3): PASS" in output
    assert "Engine:" not in output
