"""The bad-input suite (issue 12): whatever an editor uploads or imports, through the web or
the command, gets a clear message, never a server error or a traceback, and nothing already
stored changes."""

import codecs
import json
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ImportBatch, ImportItem
from tests.files import jsonl_bytes, pdf_bytes, record, upload
from tests.processes import manage_py, needs_postgresql, run_in_threads

NEXT_YEAR = timezone.localdate().year + 1
NESTED = "[" * 100_000


def line(**changes) -> str:
    """A JSON line as a broken encoder may write it: json.dumps escapes lone surrogates."""
    return json.dumps(record(0, **changes))


# (line as written in the file, what the report says of it). Line numbers follow the order.
BAD_LINES = [
    (line(id="s1", text="Leaders met a \ud800 b."), "'text' holds a lone surrogate (\\ud800)"),
    (line(id="a \ud800 b"), "'id' holds a lone surrogate (\\ud800)"),
    ('{"id": ' + "7" * 5000 + ', "title": "T"}', "a number with 5,000 digits"),
    (NESTED, "arrays or objects nested too deeply"),
    (line(id="t1", title=["a", "list"]), "'title' must be text, not a list."),
    (line(id="t2", text=12), "'text' must be text, not a number."),
    (line(id="t3", published=True), "'published' must be a date YYYY-MM-DD, not true or false."),
    (line(id="t4", lang={"code": "en"}), "'lang' must be text, not an object."),
    (line(id="d1", published="0001-01-01"), f"'published' 0001-01-01 is outside 1900–{NEXT_YEAR}"),
    (line(id="d2", published="9999-12-31"), f"'published' 9999-12-31 is outside 1900–{NEXT_YEAR}"),
    (line(id="e1", text=""), "Missing 'text'."),
    (line(id="e2", text=" \n\t "), "The article has no text."),
    (line(id="n1", text="Talks\u0000 in Geneva."), "The text contains a NUL character."),
    ('{"title": "half', "Not valid JSON: Unterminated string"),
    ("[1, 2]", "The line is not a JSON object but a list."),
]
GOOD_LINES = [
    (line(id="good-1", text="Ministers met in Lima.", author="A. Writer"), "imported"),
    (line(id="good-2", text="Ministers met in Quito."), "imported"),
]


@pytest.fixture
def bad_file(tmp_path) -> bytes:
    """Every bad line, the good ones, a binary line and a Windows-1252 line, in one file."""
    lines = [text.encode() for text, _ in BAD_LINES + GOOD_LINES]
    lines.append(b"\x00\x01binary\x00")
    lines.append(line(id="good-3", text="Ministros reunidos en Bogot\u00e1.").encode("cp1252"))
    return b"\n".join(lines) + b"\n"


@pytest.fixture
def stored(db):
    """An article already stored (its extraction never queued), to check that nothing
    touches it."""
    from articles.imports import article_import_record

    article = article_import_record(record=record(99, text="Ministers met in Lisbon."))
    return Article.objects.values().get(pk=article.pk)


def expected_report() -> list[tuple[int, str, str]]:
    rows = [(n, "invalid", message) for n, (_, message) in enumerate(BAD_LINES, 1)]
    first_good = len(BAD_LINES) + 1
    rows += [(first_good, "imported", "Unknown keys ignored: 'author'.")]
    rows += [(first_good + 1, "imported", "Imported as article")]
    rows += [(first_good + 2, "invalid", "The line holds NUL bytes: binary data, not text.")]
    rows += [(first_good + 3, "imported", "Imported as article")]
    return rows


def assert_report(report: dict[int, tuple[str, str]]) -> None:
    expected = expected_report()
    assert sorted(report) == [number for number, _, _ in expected]
    for number, status, message in expected:
        assert report[number][0] == status, (number, report[number])
        assert message.lower() in report[number][1].lower(), (number, report[number])


def assert_only_good_lines_stored(stored: dict) -> None:
    assert Article.objects.values().get(pk=stored["id"]) == stored
    assert sorted(Article.objects.values_list("external_id", flat=True)) == [
        "good-1",
        "good-2",
        "good-3",
        "wire-99",
    ]
    assert Article.objects.get(external_id="good-3").body == "Ministros reunidos en Bogotá."


def test_the_command_reports_every_bad_line_and_imports_the_rest(bad_file, stored, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(bad_file)
    out, err = StringIO(), StringIO()

    call_command("import_articles", str(path), stdout=out, stderr=err)

    report = {}
    for text in (out.getvalue() + err.getvalue()).splitlines():
        if text.startswith("bad.jsonl:"):
            _, number, status, message = text.split(":", 3)
            report[int(number)] = (status.strip(), message.strip())
    assert_report(report)
    assert out.getvalue().endswith(f"3 imported, 0 duplicate, {len(BAD_LINES) + 1} invalid.\n")
    assert_only_good_lines_stored(stored)


def test_the_web_import_reports_every_bad_line_and_imports_the_rest(
    bad_file, stored, editor_client, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("articles:article-import"), {"files": [upload("bad.jsonl", bad_file)]}
        )
    assert response.status_code == 302

    run_worker()

    batch = ImportBatch.objects.get()
    assert batch.status == "done"
    report = {item.position: (item.status, item.message) for item in ImportItem.objects.all()}
    assert_report(report)
    assert_only_good_lines_stored(stored)
    page = editor_client.get(response["Location"])
    assert page.status_code == 200
    assert "holds a lone surrogate (\\ud800)" in page.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig", "cp1252"])
def test_files_in_every_encoding_we_read_are_imported(codec, tmp_path, db):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(jsonl_bytes(record(1, title="Réunion à Genève"), encoding=codec))

    out = StringIO()
    call_command("import_articles", str(path), stdout=out)

    assert out.getvalue().endswith("1 imported, 0 duplicate, 0 invalid.\n")
    assert Article.objects.get().title == "Réunion à Genève"


def test_the_command_refuses_a_binary_file_before_importing_anything(tmp_path, db):
    good = tmp_path / "good.jsonl"
    good.write_bytes(jsonl_bytes(record(1)))
    binary = tmp_path / "report.jsonl"
    binary.write_bytes(pdf_bytes("A report."))

    with pytest.raises(Exception, match=r"report\.jsonl cannot be imported: it is a PDF document"):
        call_command("import_articles", str(good), str(binary))

    assert not Article.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_command_prints_no_traceback_in_a_real_process(bad_file, stored, tmp_path):
    needs_postgresql()
    path = tmp_path / "bad.jsonl"
    path.write_bytes(bad_file)

    process = manage_py("import_articles", str(path))
    out, err = process.communicate(timeout=120)

    assert process.returncode == 0, err
    assert "Traceback" not in out + err
    assert "bad.jsonl:1: invalid: 'text' holds a lone surrogate (\\ud800)" in err
    assert out.endswith(f"3 imported, 0 duplicate, {len(BAD_LINES) + 1} invalid.\n")


# --- One article through the web -------------------------------------------------------------

UPLOAD = reverse("articles:article-create")


def form_data(**changes) -> dict:
    return {
        "title": "Ministers meet in Lima",
        "source": "",
        "url": "",
        "published_on": "2026-01-28",
        "language": "",
        "text": "The foreign ministers of Chile and Peru met in Lima on Monday.",
        **changes,
    }


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"text": ""}, "text", "Paste the article's text or choose a file."),
        ({"text": " \n\t "}, "text", "Paste the article's text or choose a file."),
        ({"text": "x" * 200_001}, "text", "The text is longer than 200,000 characters."),
        ({"published_on": "0001-01-01"}, "published_on", "0001-01-01 is outside 1900"),
        ({"published_on": "9999-12-31"}, "published_on", "9999-12-31 is outside 1900"),
        ({"published_on": "31/02/2026"}, "published_on", "Enter a valid date."),
        ({"url": "javascript:alert(1)"}, "url", "Enter a valid URL."),
    ],
)
def test_a_refused_form_names_the_problem(editor_client, stored, changes, field, message):
    response = editor_client.post(UPLOAD, form_data(**changes))

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert list(Article.objects.values()) == [stored]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scan.txt", pdf_bytes("A scanned page."), "it is a PDF document, not text"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "it is a PNG image, not text"),
        ("noise.txt", bytes(range(256)) * 64, "binary data, not text"),
        ("wide.txt", "Talks in Lima.".encode("utf-16-le"), "UTF-16 without its byte-order mark"),
        ("huge.txt", b"a" * (50 * 1024 * 1024), "“huge.txt” is larger than 10 MB."),
        ("empty.txt", b"", "The submitted file is empty."),
    ],
)
def test_a_file_that_is_no_text_is_refused(editor_client, stored, name, data, message):
    response = editor_client.post(UPLOAD, form_data(text="", file=upload(name, data)))

    assert response.status_code == 200
    assert message in " ".join(response.context["file_form"].errors["file"])
    assert response.context["form"]["title"].value() == "Ministers meet in Lima"
    assert list(Article.objects.values()) == [stored]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Réunion à l'Élysée, “enfin”.".encode("cp1252"), "Réunion à l'Élysée, “enfin”."),
        ("Réunion à Genève.".encode("latin-1"), "Réunion à Genève."),
        (codecs.BOM_UTF8 + "Встреча в Москве.".encode(), "Встреча в Москве."),
        ("Встреча в Москве.".encode("utf-16"), "Встреча в Москве."),
    ],
)
def test_text_files_in_legacy_encodings_are_read(editor_client, data, text):
    response = editor_client.post(UPLOAD, form_data(text="", file=upload("a.txt", data)))

    assert response.context["form"]["text"].value() == text


def test_html_with_scripts_and_handlers_keeps_only_its_text(editor_client):
    page = b"""<html><head><script>fetch("/steal?c=" + document.cookie)</script></head>
<body onload="steal()"><p>Ministers met in <b onclick="steal()">Lima</b>.</p>
<p>Write &lt;script&gt;alert(1)&lt;/script&gt; to test a site.</p>
<img src=x onerror="steal()"><a href="javascript:steal()">link</a>
<iframe src="https://evil.example/"></iframe></body></html>"""

    read = editor_client.post(UPLOAD, form_data(text="", file=upload("page.html", page)))
    text = read.context["form"]["text"].value()
    assert "steal" not in text and "cookie" not in text and "evil" not in text
    assert "Ministers met in Lima." in text

    saved = editor_client.post(UPLOAD, form_data(text=text))
    article = Article.objects.get()
    shown = editor_client.get(saved["Location"]).text
    assert "<script>alert(1)" not in shown  # the article's own words are shown escaped
    assert "&lt;script&gt;alert(1)" in shown
    assert article.body == text


def test_a_jsonl_import_over_50_mb_is_refused_and_one_at_the_limit_stored(editor_client, db):
    url = reverse("articles:article-import")
    limit = 50 * 1024 * 1024
    padding = json.dumps(record(1))

    too_big = editor_client.post(url, {"files": [upload("big.jsonl", b" " * (limit + 1))]})
    at_limit = editor_client.post(
        url, {"files": [upload("big.jsonl", padding.encode() + b" " * (limit - len(padding)))]}
    )

    assert too_big.status_code == 200
    assert "“big.jsonl” is larger than 50 MB" in too_big.text
    assert at_limit.status_code == 302
    assert len(ImportBatch.objects.get().data) == limit


# --- Duplicates uploaded at the same moment ---------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_same_article_uploaded_twice_at_once_is_stored_once(editor_user, monkeypatch):
    """Both requests pass the duplicate check before either stores: the database's unique
    constraint decides, and the loser is told the article is already stored."""
    needs_postgresql()
    from events.extraction import language

    both_checked = threading.Barrier(2, timeout=10)
    detect = language.detect

    def detect_after_both_checked(text: str):
        both_checked.wait()  # language detection runs between the check and the insert
        return detect(text)

    monkeypatch.setattr(language, "detect", detect_after_both_checked)

    def upload_once():
        client = Client()
        client.force_login(editor_user)
        return client.post(UPLOAD, form_data())

    responses = run_in_threads(upload_once)

    assert sorted(response.status_code for response in responses) == [200, 302]
    refused = next(response for response in responses if response.status_code == 200)
    assert "This article is already stored" in refused.text
    assert Article.objects.count() == 1
