"""Queries and time of extracting one article against a large database (the load test's): the
last N articles (default 5) are extracted again one after another, the first one only to load
the engine's resources; for each of the others it prints the queries, the wall time and the
time the database took, then the statements run most often.

    DATABASE_URL="postgres:///entente_load?host=/var/run/postgresql" N=5 \
        .venv/bin/python scripts/store_at_scale.py

It writes what extraction writes (the articles' meetings are replaced by the same ones), as an
editor's "extract again" would.
"""

import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
import django

django.setup()
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import Article  # noqa: E402
from events.extraction_runs import article_extract_meetings  # noqa: E402


def main() -> None:
    count = int(os.environ.get("N", "5"))
    articles = list(Article.objects.order_by("-pk")[:count])
    if len(articles) < 2:
        sys.exit("Needs at least two articles in the database.")
    article_extract_meetings(article=articles[0])  # loads the resources
    statements: Counter[str] = Counter()
    for article in articles[1:]:
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            article_extract_meetings(article=article)
        took = time.perf_counter() - started
        database = sum(float(query["time"]) for query in queries)
        print(
            f"article {article.pk}: {len(queries)} queries, {took:.3f} s, database {database:.3f} s"
        )
        statements.update(re.sub(r"\d+", "N", query["sql"])[:120] for query in queries)
    print("Most run statements:")
    for sql, times in statements.most_common(5):
        print(f"  {times:5d}  {sql}")


if __name__ == "__main__":
    main()
