from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self) -> None:
        # Extraction hears of new and deleted articles; history rows learn who changed what.
        from events import history, receivers  # noqa: F401
