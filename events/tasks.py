from django.tasks import task

from events import extraction_runs


@task()
def extract_article(article_id: int) -> None:
    """Extract the meetings of one article (see events.extraction_runs.article_run_extraction)."""
    extraction_runs.article_run_extraction(article_id=article_id)
