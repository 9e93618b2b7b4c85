from django.core.management.base import BaseCommand

from events.export_jobs import export_jobs_delete_expired


class Command(BaseCommand):
    help = (
        "Delete the large exports (and their files) older than EXPORT_KEEP_SECONDS; running "
        "workers do it too, every WORKER_RECOVERY_SECONDS."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"Deleted {export_jobs_delete_expired()} expired export(s).")
