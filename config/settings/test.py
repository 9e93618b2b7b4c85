"""The test suite: PostgreSQL from DATABASE_URL in CI (`make test`), SQLite otherwise."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# Tests run without collectstatic: look static files up per request instead of at start-up.
WHITENOISE_AUTOREFRESH = True
# Tests change verified actors and read an article at once: the directory must see it.
ACTOR_DIRECTORY_CHECK_SECONDS = 0
# Tests that render a page, change data and render it again must see the change: no page cache
# unless a test turns it on (tests/events/test_page_cache.py), and the data version read always.
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}  # noqa: F405
DATA_VERSION_CHECK_SECONDS = 0
