"""Web processes start without spaCy: only a worker reads articles, and importing spaCy and the
engine costs every web process seconds of start-up and hundreds of megabytes it never uses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)

# What a web process loads: the settings, the URLs (and through them every view), the admin
# (django.setup() autodiscovers it) and the WSGI application.
PROBE = """
import importlib, json, os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
import django
django.setup()
for module in sys.argv[1:]:
    importlib.import_module(module)
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] == "spacy")[:3]))
"""


def web_modules() -> list[str]:
    """config.urls, config.wsgi, every admin module and every views module of the apps."""
    paths = [
        *BASE_DIR.glob("*/admin.py"),
        *BASE_DIR.glob("*/admin/*.py"),
        *BASE_DIR.glob("*/*views.py"),
        *BASE_DIR.glob("*/api.py"),
    ]
    modules = [
        ".".join(path.relative_to(BASE_DIR).with_suffix("").parts).removesuffix(".__init__")
        for path in paths
        if not path.parts[len(BASE_DIR.parts)].startswith((".", "tests"))
    ]
    return ["config.urls", "config.wsgi", *sorted(modules)]


def spacy_modules_after_importing(*modules: str) -> list[str]:
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, *modules],
        cwd=BASE_DIR,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": "sqlite:///:memory:"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_the_web_modules_are_all_found():
    modules = web_modules()
    assert {"events.views", "articles.views", "events.admin", "articles.admin"} <= set(modules)
    assert "events.review_views" in modules


def test_a_web_process_never_imports_spacy():
    assert spacy_modules_after_importing(*web_modules()) == []


def test_the_probe_sees_spacy_when_the_engine_is_imported():
    assert spacy_modules_after_importing("events.extraction.engine") != []
