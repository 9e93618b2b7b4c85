from django.core.management.base import BaseCommand

from events.models import Meeting
from events.search import meeting_refresh_search


class Command(BaseCommand):
    help = (
        "Recompute every meeting's search document and timeline date. Run it once after "
        "upgrading to a version that adds them, and after renaming countries."
    )

    def handle(self, *args, **options) -> None:
        count = meeting_refresh_search(meetings=Meeting.objects.all())
        self.stdout.write(f"{count} meetings refreshed.")
