from django.tasks import task

from events import export_jobs, extraction_runs


@task()
def extract_article(article_id: int) -> None:
    """Extract the meetings of one article (see events.extraction_runs.article_run_extraction)."""
    extraction_runs.article_run_extraction(article_id=article_id)


@task()
def run_export(job_id: int) -> None:
    """Write a large export's file (see events.export_jobs.export_job_run)."""
    export_jobs.export_job_run(job_id=job_id)
