"""django-tasks-db's worker, which first recovers work a dead worker left behind."""

from django_tasks_db.management.commands.db_worker import Command as BaseWorkerCommand

from articles.batches import import_batches_recover_stalled
from events.extraction_runs import extractions_recover_stalled


class Command(BaseWorkerCommand):
    help = BaseWorkerCommand.help + " (recovering stalled extractions first)"

    def handle(self, *args, **options) -> None:
        recovered = extractions_recover_stalled()
        if recovered:
            self.stdout.write(f"Requeued {len(recovered)} stalled extraction(s).")
        resumed = import_batches_recover_stalled()
        if resumed:
            self.stdout.write(f"Resumed {len(resumed)} stalled import(s).")
        super().handle(*args, **options)
