from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self) -> None:
        # Extraction hears of new and deleted articles; history rows learn who changed what.
        from django.conf import settings

        from events import history, receivers  # noqa: F401
        from events.extraction import resource_cache

        resource_cache.configure(settings.EXTRACTION_CACHE_DIR or None)
