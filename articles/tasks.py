from django.tasks import task

from articles import batches, services


@task()
def extract_article(article_id: int) -> None:
    """Extract the meetings of one article (see articles.services.article_run_extraction)."""
    services.article_run_extraction(article_id=article_id)


@task()
def import_batch(batch_id: int) -> None:
    """Import what is left of an uploaded batch (see articles.batches.import_batch_run)."""
    batches.import_batch_run(batch_id=batch_id)
