from django.core.management.base import BaseCommand

from articles.batches import import_batches_recover_stalled
from events.extraction_runs import extractions_recover_stalled


class Command(BaseCommand):
    help = (
        "Requeue extractions and imports left behind by a worker that stopped mid-task "
        "(run it from cron, or rely on db_worker doing it when it starts)."
    )

    def handle(self, *args, **options) -> None:
        recovered = extractions_recover_stalled()
        self.stdout.write(f"Requeued {len(recovered)} stalled extraction(s).")
        resumed = import_batches_recover_stalled()
        if resumed:
            self.stdout.write(f"Resumed {len(resumed)} stalled import(s).")
