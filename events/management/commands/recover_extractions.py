from django.core.management.base import BaseCommand

from events.extraction_runs import extractions_recover_stalled


class Command(BaseCommand):
    help = (
        "Requeue extractions left behind by a worker that stopped mid-task "
        "(run it from cron, or rely on db_worker doing it when it starts)."
    )

    def handle(self, *args, **options) -> None:
        recovered = extractions_recover_stalled()
        self.stdout.write(f"Requeued {len(recovered)} stalled extraction(s).")
