from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self) -> None:
        # Extraction hears of new and deleted articles; history rows learn who changed what; the
        # data version hears of every change to what the timeline shows.
        from django.conf import settings

        from events import history, receivers  # noqa: F401
        from events.data_version import connect_receivers
        from events.extraction import resource_cache

        connect_receivers()
        resource_cache.configure(settings.EXTRACTION_CACHE_DIR or None)
