"""Writers committing at once on PostgreSQL each raise the data version: none is lost."""

import threading

from django.db import connection, transaction

from events.models import DataVersion
from tests.factories import make_meeting

THREADS = 4
COMMITS = 10


def test_concurrent_writers_each_raise_the_version(committed_db):
    DataVersion.objects.get_or_create(pk=1)
    before = DataVersion.objects.get(pk=1).number
    start = threading.Barrier(THREADS)
    failures = []

    def write(number: int) -> None:
        try:
            start.wait()
            for commit in range(COMMITS):
                with transaction.atomic():
                    make_meeting(title=f"Talks {number}-{commit}")
                    make_meeting(title=f"More talks {number}-{commit}")
        except Exception as error:  # reported below: a thread's exception is otherwise lost
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert DataVersion.objects.get(pk=1).number == before + THREADS * COMMITS
