"""import_articles: every line of a JSONL file reported, stored once, and queued for extraction."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from articles.models import Article, ExtractionStatus
from tests.files import record


@pytest.fixture
def jsonl_file(tmp_path):
    """Write lines (dicts as JSON, strings as they are) to a .jsonl file."""

    def write(*lines, name: str = "articles.jsonl") -> Path:
        path = tmp_path / name
        text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
        path.write_text(text + "\n", encoding="utf-8")
        return path

    return write


@pytest.fixture
def import_articles(db, django_capture_on_commit_callbacks):
    """Run the command as a shell would (enqueueing on commit); returns (stdout, stderr)."""

    def run(*paths) -> tuple[str, str]:
        out, err = StringIO(), StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("import_articles", *map(str, paths), stdout=out, stderr=err)
        return out.getvalue(), err.getvalue()

    return run


def lines_of(output: str) -> list[str]:
    return [line for line in output.splitlines() if line]


def test_every_line_is_reported_and_a_bad_line_never_stops_the_others(jsonl_file, import_articles):
    path = jsonl_file(
        record(1),
        "",  # blank lines are skipped
        record(1, text="Another text under an id already imported."),
        record(2, text=record(1)["text"]),  # the same text under another id
        '{"id": "wire-3", "title": ',
        "[1, 2, 3]",
        {"id": "wire-4", "lang": "en", "source": "Wire"},
        record(5, title="   "),
        record(6, published="28/01/2026"),
        record(7, published="2026-02-30"),
        record(8, title="T" * 501),
        record(9, lang="xx"),
        record(10),
    )

    out, err = import_articles(path)

    first, last = (Article.objects.get(external_id=key).pk for key in ("wire-1", "wire-10"))
    assert lines_of(out) == [
        f"articles.jsonl:1: imported: Imported as article {first}.",
        "articles.jsonl:3: duplicate: Already stored: id wire-1 is already stored.",
        "articles.jsonl:4: duplicate: Already stored: the same text is already stored.",
        f"articles.jsonl:13: imported: Imported as article {last}.",
        "2 imported, 2 duplicate, 8 invalid.",
    ]
    assert lines_of(err) == [
        "articles.jsonl:5: invalid: Not valid JSON: Expecting value.",
        "articles.jsonl:6: invalid: The line is not a JSON object but a list.",
        "articles.jsonl:7: invalid: Missing 'title', 'text', 'published'.",
        "articles.jsonl:8: invalid: A title is required.",
        "articles.jsonl:9: invalid: 'published' is not a date written YYYY-MM-DD: '28/01/2026'.",
        "articles.jsonl:10: invalid: 'published' is not a date written YYYY-MM-DD: '2026-02-30'.",
        "articles.jsonl:11: invalid: The title is longer than 500 characters.",
        "articles.jsonl:12: invalid: 'xx' is not an ISO 639-1 language code.",
    ]
    assert sorted(Article.objects.values_list("external_id", flat=True)) == ["wire-1", "wire-10"]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"title": ["a", "list"]}, "'title' must be text, not a list."),
        ({"text": {"an": "object"}}, "'text' must be text, not an object."),
        ({"published": 20260128}, "'published' must be a date YYYY-MM-DD, not a number."),
        ({"id": "x" * 201}, "The id is longer than 200 characters."),
        ({"source": "S" * 201}, "The source is longer than 200 characters."),
        ({"url": "https://example.com/" + "p" * 1000}, "The URL is longer than 1000 characters."),
        ({"url": "javascript:alert(1)"}, "The URL is not a valid http(s) address."),
        ({"text": "x" * 200_001}, "The text is longer than 200,000 characters."),
        ({"lang": "english"}, "'english' is not an ISO 639-1 language code."),
        ({"text": "Talks\u0000 in Geneva."}, "The text contains a NUL character."),
        ({"title": "Talks\u0000"}, "The title contains a NUL character."),
    ],
)
def test_an_invalid_field_is_reported_with_its_reason(jsonl_file, import_articles, changes, reason):
    path = jsonl_file(record(1, **changes), record(2))

    out, err = import_articles(path)

    assert lines_of(err) == [f"articles.jsonl:1: invalid: {reason}"]
    assert out.endswith("1 imported, 0 duplicate, 1 invalid.\n")
    assert list(Article.objects.values_list("external_id", flat=True)) == ["wire-2"]


def test_the_stored_article_keeps_the_record_fields(jsonl_file, import_articles):
    path = jsonl_file(
        record(1, title="  Foreign   ministers meet \n in Geneva ", lang="EN", id=" wire-1 ")
    )

    import_articles(path)

    article = Article.objects.get()
    assert article.external_id == "wire-1"
    assert article.title == "Foreign ministers meet in Geneva"
    assert article.body == record(1)["text"]
    assert article.language == "en"
    assert not article.language_detected
    assert article.published_on.isoformat() == "2026-01-28"
    assert article.source == "Wire"
    assert article.url == "https://example.com/news/1"
    assert article.reference == "wire-1"


def test_a_missing_language_is_detected_by_the_worker(jsonl_file, import_articles, run_worker):
    path = jsonl_file(record(1, lang=None))

    import_articles(path)
    assert Article.objects.get().language == ""
    run_worker()

    article = Article.objects.get()
    assert (article.language, article.language_detected) == ("en", True)


def test_each_new_article_is_queued_for_extraction(jsonl_file, import_articles):
    path = jsonl_file(record(1), record(2), record(1))

    import_articles(path)

    articles = list(Article.objects.order_by("pk"))
    assert len(articles) == 2
    tasks = DBTaskResult.objects.all()
    assert tasks.count() == 2
    for article in articles:
        task = tasks.get(args_kwargs__args=[article.pk])
        assert task.status == "READY"
        assert task.task_path == "events.tasks.extract_article"
        assert article.extraction_status == ExtractionStatus.QUEUED
        assert article.extraction_task_id == str(task.id)


def test_importing_again_stores_nothing_twice(jsonl_file, import_articles):
    path = jsonl_file(record(1), record(2))
    import_articles(path)

    out, err = import_articles(path)

    assert out.endswith("0 imported, 2 duplicate, 0 invalid.\n")
    assert err == ""
    assert Article.objects.count() == 2
    assert DBTaskResult.objects.count() == 2


def test_the_same_text_respaced_is_a_duplicate(jsonl_file, import_articles):
    text = record(1)["text"]
    path = jsonl_file(record(1), record(2, text="  " + text.replace(" ", "   \n ") + "\n"))

    out, _ = import_articles(path)

    assert "articles.jsonl:2: duplicate: Already stored: the same text is already stored." in out
    assert Article.objects.count() == 1


def test_a_byte_order_mark_is_not_part_of_the_first_line(tmp_path, import_articles):
    path = tmp_path / "windows.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(record(1)).encode() + b"\r\n")

    out, err = import_articles(path)

    assert err == ""
    assert lines_of(out)[-1] == "1 imported, 0 duplicate, 0 invalid."


def test_several_files_are_reported_by_name_with_one_total(jsonl_file, import_articles):
    first = jsonl_file(record(1), name="monday.jsonl")
    second = jsonl_file(record(2), "nonsense", name="tuesday.jsonl")

    out, err = import_articles(first, second)

    assert "monday.jsonl:1: imported:" in out
    assert "tuesday.jsonl:1: imported:" in out
    assert "tuesday.jsonl:2: invalid: Not valid JSON" in err
    assert lines_of(out)[-1] == "2 imported, 0 duplicate, 1 invalid."


def test_a_missing_file_is_an_error_and_nothing_is_imported(jsonl_file, import_articles, tmp_path):
    present = jsonl_file(record(1))
    missing = tmp_path / "missing.jsonl"

    with pytest.raises(CommandError, match=r"No such file: .*missing\.jsonl"):
        import_articles(present, missing)

    assert not Article.objects.exists()


def test_the_seed_file_is_imported(seed_jsonl, seed_record, import_articles):
    out, err = import_articles(seed_jsonl)

    assert err == ""
    assert lines_of(out)[-1] == "1 imported, 0 duplicate, 0 invalid."
    article = Article.objects.get()
    assert article.external_id == seed_record["id"] == "seed-000"
    assert article.title == seed_record["title"]
    assert article.body == seed_record["text"].strip()
    assert article.language == "id"
    assert article.published_on.isoformat() == "2026-01-28"
    assert article.source == "FAKTAGLOBAL.COM"
    assert article.url == ""
    assert DBTaskResult.objects.get().args_kwargs["args"] == [article.pk]
