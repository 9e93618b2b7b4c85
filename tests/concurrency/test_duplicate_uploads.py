"""Two uploads of the same article at the same moment: one is stored, the other is told it is
a duplicate (never an IntegrityError)."""

import datetime as dt
import threading

import pytest

from articles import services
from articles.models import Article
from tests.concurrency.conftest import finish, in_thread


@pytest.mark.parametrize("external_id", [None, "wire-7"])
def test_the_second_of_two_simultaneous_uploads_is_a_duplicate(
    committed_db, monkeypatch, external_id
):
    both_checked = threading.Barrier(2, timeout=30)
    check = services._refuse_duplicate

    def check_then_wait(**kwargs):
        check(**kwargs)
        # Both uploads have found nothing stored before either inserts.
        if threading.current_thread() is not threading.main_thread():
            both_checked.wait()

    monkeypatch.setattr(services, "_refuse_duplicate", check_then_wait)

    def upload(title: str):
        try:
            return services.article_create(
                title=title,
                body="Ministers of two invented states met on a quiet Tuesday.",
                published_on=dt.date(2026, 1, 6),
                external_id=external_id,
            )
        except services.DuplicateArticle as duplicate:
            return duplicate

    outcomes = [finish(thread) for thread in [in_thread(upload, "A"), in_thread(upload, "B")]]

    [stored] = Article.objects.all()
    assert sorted(type(outcome).__name__ for outcome in outcomes) == [
        "Article",
        "DuplicateArticle",
    ]
    [duplicate] = [o for o in outcomes if isinstance(o, services.DuplicateArticle)]
    assert duplicate.existing == stored
