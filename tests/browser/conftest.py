"""Browser tests: Playwright's sync API driving a headless Chromium against `live_server`.

Run them with `make test-browser` (or `pytest -m browser`). They need Debian's chromium
package at /usr/bin/chromium; Playwright's own browser downloads are not used.
"""

import importlib
import os
import threading
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

# Playwright's sync API keeps an asyncio loop in this thread, which Django takes for async
# code; the tests' ORM calls are really synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server on SQLite: the test database is in memory, one connection that every
    request thread shares, and two requests on it at once (a page and the histogram it loads)
    can deadlock inside sqlite3. Requests are served one after another; connections stay
    open, as a browser keeps them."""

    def set_app(self, application) -> None:
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                response = application(environ, start_response)
                try:
                    return list(response)
                finally:
                    if hasattr(response, "close"):
                        response.close()

        super().set_app(one_at_a_time)


if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    LiveServerThread.server_class = OneRequestAtATimeServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(5_000)
    yield page
    context.close()


@pytest.fixture
def log_in(page, live_server):
    """Log in through the login form; returns the page, on the timeline."""

    def log_in_as(username: str, password: str):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("User name").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    return log_in_as


@pytest.fixture(autouse=True)
def countries(transactional_db):
    """live_server needs committed data, so these tests empty every table when they finish;
    the countries (loaded by a data migration) are put back first."""
    from events.models import Country

    if not Country.objects.exists():
        migration = importlib.import_module("events.migrations.0002_load_countries")
        migration.load_countries(apps, None)
