from django.tasks import task

from articles import services


@task()
def extract_article(article_id: int) -> None:
    """Extract the meetings of one article (see articles.services.article_run_extraction)."""
    services.article_run_extraction(article_id=article_id)
