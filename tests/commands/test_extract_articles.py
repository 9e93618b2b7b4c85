"""extract_articles queues extraction again, by id, import id or --all, and says how many."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from articles.models import ExtractionStatus
from tests.factories import make_article


def extract_articles(*args) -> str:
    out = StringIO()
    call_command("extract_articles", *args, stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def articles(db):
    return [make_article(external_id="wire-1"), make_article(), make_article()]


def test_by_id_and_import_id(articles, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        output = extract_articles("wire-1", str(articles[2].pk))

    assert output == "Queued 2 article(s) for extraction."
    queued = {task.args_kwargs["args"][0] for task in DBTaskResult.objects.all()}
    assert queued == {articles[0].pk, articles[2].pk}
    articles[1].refresh_from_db()
    assert articles[1].extraction_status == ExtractionStatus.DONE


def test_all_then_again_queues_nothing_twice(articles, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert extract_articles("--all") == "Queued 3 article(s) for extraction."
    with django_capture_on_commit_callbacks(execute=True):
        assert extract_articles("--all") == "Queued 0 article(s) for extraction."
    assert DBTaskResult.objects.count() == 3


def test_the_worker_reads_them_again(articles, django_capture_on_commit_callbacks, run_worker):
    with django_capture_on_commit_callbacks(execute=True):
        extract_articles("--all")
    run_worker()
    assert all(
        article.extraction_status == ExtractionStatus.DONE
        for article in type(articles[0]).objects.all()
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [((), "Give article ids, or --all"), (("nope", "999"), "No article with the id nope, 999")],
)
def test_bad_arguments_are_refused_with_a_message(articles, args, message):
    with pytest.raises(CommandError, match=message):
        extract_articles(*args)
    assert not DBTaskResult.objects.exists()
