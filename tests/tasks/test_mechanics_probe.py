import datetime as dt

from articles.models import Article
from articles.services import article_create


def test_probe(run_worker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = article_create(title="T", body="Hello world text", published_on=dt.date(2026, 1, 1), language="en")
    run_worker()
    article.refresh_from_db()
    print(article.extraction_status, article.extraction_error, article.extraction_task_id)
    assert article.extraction_status == "done"
