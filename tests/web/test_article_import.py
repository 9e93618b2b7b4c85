"""Importing many articles: the upload stores a batch and leads to its live progress page."""

import datetime as dt

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles.models import Article, ImportBatch, ImportItem
from tests.files import docx_bytes, jsonl_bytes, pdf_bytes, record, upload

URL = reverse("articles:article-import")


def progress_url(batch: ImportBatch) -> str:
    return reverse("articles:import-progress", args=[batch.pk])


@pytest.fixture
def post_import(editor_client, django_capture_on_commit_callbacks):
    """Post the import form as a browser does, with the task enqueued on commit."""

    def post(*files, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return editor_client.post(URL, {"files": list(files), **fields})

    return post


@pytest.fixture
def run_imports(run_worker, django_capture_on_commit_callbacks):
    """Run the worker: the import tasks, then the extraction tasks they enqueued on commit
    (inside a test's transaction, on-commit work waits for the capture to end)."""

    def run() -> None:
        with django_capture_on_commit_callbacks(execute=True):
            run_worker()
        run_worker()

    return run


def test_the_upload_only_stores_the_file_and_queues_its_import(post_import, editor_user):
    data = jsonl_bytes(record(1), record(2))

    response = post_import(upload("articles.jsonl", data))

    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("articles:import-detail", args=[batch.pk])
    assert (batch.kind, batch.name, batch.status) == ("jsonl", "articles.jsonl", "queued")
    assert bytes(batch.data) == data
    assert batch.created_by == editor_user
    assert not Article.objects.exists()
    task = DBTaskResult.objects.get()
    assert (task.task_path, task.args_kwargs["args"]) == ("articles.tasks.import_batch", [batch.pk])
    assert batch.task_id == str(task.id)


def test_the_worker_imports_every_line_and_the_page_reports_each(
    post_import, editor_client, run_imports, editor_user
):
    post_import(
        upload(
            "articles.jsonl",
            jsonl_bytes(
                record(1),
                record(2),
                "",
                record(1),  # the same id again
                "{not json",
                record(3, text=""),
                record(4, published="28/01/2026"),
                record(5, author="Ann Other", tags=["talks"]),
            ),
        )
    )
    batch = ImportBatch.objects.get()

    run_imports()

    batch.refresh_from_db()
    assert batch.status == "done" and batch.finished_at and batch.data == b""
    first = Article.objects.get(external_id="wire-1")
    assert first.uploaded_by == editor_user
    assert sorted(Article.objects.values_list("external_id", flat=True)) == [
        "wire-1",
        "wire-2",
        "wire-5",
    ]
    response = editor_client.get(reverse("articles:import-detail", args=[batch.pk]))
    states = [(item.position, item.state) for item in response.context["page"].object_list]
    # The worker ran the extraction tasks too: imported lines show their article's state.
    assert states == [
        (1, "done"),
        (2, "done"),
        (4, "duplicate"),
        (5, "invalid"),
        (6, "invalid"),
        (7, "invalid"),
        (8, "done"),
    ]
    totals = response.context["totals"]
    assert (totals["total"], totals["done"], totals["duplicate"], totals["invalid"]) == (7, 3, 1, 3)
    assert totals["pending"] == 0
    html = response.text
    assert "Already stored: id wire-1 is already stored." in html
    assert "Not valid JSON" in html
    assert "Missing &#x27;text&#x27;." in html
    assert "is not a date written YYYY-MM-DD" in html
    assert "Unknown keys ignored: &#x27;author&#x27;, &#x27;tags&#x27;." in html
    assert f'href="{reverse("articles:article-detail", args=[first.pk])}"' in html
    assert 'hx-trigger="every 1s"' not in html  # nothing left to watch


def test_the_progress_polls_while_anything_is_pending_then_stops(
    post_import, editor_client, run_imports
):
    post_import(upload("articles.jsonl", jsonl_bytes(record(1))))
    batch = ImportBatch.objects.get()

    waiting = editor_client.get(progress_url(batch), headers={"HX-Request": "true"})

    assert waiting.status_code == 200
    assert 'hx-trigger="every 1s"' in waiting.text
    assert "Waiting for the worker" in waiting.text

    run_imports()
    finished = editor_client.get(progress_url(batch), headers={"HX-Request": "true"})

    assert finished.status_code == 286  # htmx stops polling
    assert "Finished." in finished.text
    assert "<html" not in finished.text  # only the partial


def test_imported_articles_waiting_for_extraction_keep_the_page_live(
    post_import, editor_client, run_imports
):
    post_import(upload("articles.jsonl", jsonl_bytes(record(1))))
    batch = ImportBatch.objects.get()
    from articles.batches import import_batch_run

    import_batch_run(batch_id=batch.pk)  # the import, without the extraction tasks

    response = editor_client.get(progress_url(batch), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "extraction is under way" in response.text
    assert [item.state for item in response.context["page"].object_list] == ["queued"]


def test_several_files_are_imported_with_their_metadata(post_import, editor_client, run_imports):
    files = [
        upload(
            "lima.docx",
            docx_bytes(
                "Minister Ana Lima arrived in Oslo on Monday for talks with her counterpart.",
                title="Lima in Oslo",
                created=dt.datetime(2025, 3, 4),
            ),
        ),
        upload("talks.pdf", pdf_bytes("The foreign ministers of Chile and Peru met in Lima.")),
        upload(
            "note.txt",
            b"Ministers meet in Quito\nThe ministers of Ecuador and Colombia met in Quito.",
        ),
        upload("renamed.txt", pdf_bytes("Hello.")),
    ]

    response = post_import(*files, published_on="2025-05-01", source="Desk", language="")

    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert (batch.kind, batch.name, batch.default_published_on) == (
        "files",
        "4 files",
        dt.date(2025, 5, 1),
    )
    assert list(batch.items.values_list("position", "name", "status")) == [
        (1, "lima.docx", "queued"),
        (2, "talks.pdf", "queued"),
        (3, "note.txt", "queued"),
        (4, "renamed.txt", "queued"),
    ]
    run_imports()

    lima = Article.objects.get(title="Lima in Oslo")
    assert lima.published_on == dt.date(2025, 3, 4)  # the file's own date wins
    assert lima.source == "Desk"
    talks = Article.objects.get(title="talks")  # no title stated: the file's name
    assert talks.published_on == dt.date(2025, 5, 1)
    note = Article.objects.get(title="Ministers meet in Quito")  # a text file's headline
    assert note.body == "The ministers of Ecuador and Colombia met in Quito."
    renamed = ImportItem.objects.get(name="renamed.txt")
    assert renamed.status == "invalid"
    assert "it is a PDF document, not text" in renamed.message
    page = editor_client.get(reverse("articles:import-detail", args=[batch.pk]))
    assert "From the file: title, published." in page.text


def test_a_file_without_a_date_is_refused_unless_the_import_gives_one(post_import, run_imports):
    post_import(upload("note.txt", b"Leaders met\nThe two leaders met in Paris."))

    run_imports()

    item = ImportItem.objects.get()
    assert item.status == "invalid"
    assert item.message.startswith("No publication date: the file states none")
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([], "Choose a JSONL file, or the article files to import."),
        (
            [upload("a.jsonl", b"{}\n"), upload("b.txt", b"text")],
            "Import a JSONL file on its own, not with other files.",
        ),
        ([upload("a.csv", b"title,text\n")], "only .docx, .htm, .html, .pdf, .txt files"),
        ([upload("a.jsonl", pdf_bytes("x"))], "“a.jsonl” cannot be imported: it is a PDF"),
        ([upload("a.jsonl", "{}".encode("utf-16-le"))], "UTF-16 without its byte-order mark"),
        (
            [upload(f"{number}.txt", b"text") for number in range(101)],
            "101 files: import at most 100 at once.",
        ),
    ],
)
def test_what_cannot_be_imported_is_refused_on_the_form(post_import, files, message):
    response = post_import(*files)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["files"])
    assert not ImportBatch.objects.exists()


def test_the_import_page_lists_recent_imports(post_import, editor_client):
    post_import(upload("monday.jsonl", jsonl_bytes(record(1))))
    batch = ImportBatch.objects.get()

    response = editor_client.get(URL)

    assert f'href="{reverse("articles:import-detail", args=[batch.pk])}">monday.jsonl' in (
        response.text
    )


def test_problems_only(post_import, editor_client, run_imports):
    post_import(upload("a.jsonl", jsonl_bytes(record(1), "nonsense", record(2, lang="xx"))))
    run_imports()
    batch = ImportBatch.objects.get()

    response = editor_client.get(
        reverse("articles:import-detail", args=[batch.pk]), {"show": "problems"}
    )

    assert [item.position for item in response.context["page"].object_list] == [2, 3]


def test_an_unknown_import_is_not_found(editor_client, db):
    assert editor_client.get(reverse("articles:import-detail", args=[999])).status_code == 404


def test_analysts_cannot_see_imports(analyst_client, editor_user):
    batch = ImportBatch.objects.create(kind="jsonl", name="a.jsonl", created_by=editor_user)

    for url in [URL, reverse("articles:import-detail", args=[batch.pk]), progress_url(batch)]:
        assert analyst_client.get(url).status_code == 403
