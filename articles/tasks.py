from django.tasks import task

from articles import batches


@task()
def import_batch(batch_id: int) -> None:
    """Import what is left of an uploaded batch (see articles.batches.import_batch_run)."""
    batches.import_batch_run(batch_id=batch_id)
