"""The import page in a browser: files dropped together, then the progress page updating live."""

import re

import pytest

from articles.models import Article, ImportBatch

pytestmark = [
    pytest.mark.browser,
    # live_server needs committed data (see the countries fixture in conftest.py).
    pytest.mark.django_db(transaction=True),
]

DROP_TWO_FILES = """() => {
  const files = new DataTransfer();
  files.items.add(new File(
    ["Ministers meet in Lima\\nThe foreign ministers of Chile and Peru met in Lima on Monday."],
    "lima.txt", {type: "text/plain"}));
  files.items.add(new File(
    ["Ministers meet in Quito\\nThe ministers of Ecuador and Colombia met in Quito on Monday."],
    "quito.txt", {type: "text/plain"}));
  return files;
}"""


def test_drop_files_then_watch_their_import_finish(live_server, log_in, editor_user, run_worker):
    from playwright.sync_api import expect

    page = log_in("edith", "edith-password")
    page.goto(f"{live_server.url}/articles/import/")
    drop_zone = page.locator("[data-drop-zone]")
    expect(page.get_by_text("…or drop the files here.")).to_be_visible()

    dropped = page.evaluate_handle(DROP_TWO_FILES)
    page.dispatch_event("[data-drop-zone]", "drop", {"dataTransfer": dropped})

    expect(drop_zone.locator(".drop-list li")).to_have_text(["lima.txt (1 KB)", "quito.txt (1 KB)"])
    page.get_by_label("Publication date").fill("2026-01-26")
    page.get_by_role("button", name="Import").click()

    batch = ImportBatch.objects.get()
    expect(page).to_have_url(re.compile(rf"/articles/imports/{batch.pk}/$"))
    progress = page.locator("#import-progress")
    expect(progress).to_contain_text("Waiting for the worker")
    page.evaluate("window.stillTheSamePage = true")

    run_worker()

    expect(progress.locator(".import-state")).to_contain_text("Finished.")
    rows = progress.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("lima.txt")
    expect(rows.nth(0).locator(".badge")).to_have_text("Done")
    expect(rows.nth(1).locator("a")).to_have_text("Ministers meet in Quito")
    expect(progress).not_to_have_attribute("hx-trigger", re.compile("every"))
    assert page.evaluate("window.stillTheSamePage") is True
    assert sorted(Article.objects.values_list("title", flat=True)) == [
        "Ministers meet in Lima",
        "Ministers meet in Quito",
    ]
