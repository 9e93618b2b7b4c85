"""build_extraction_cache fills the engine's disk cache, which a fresh worker then reads."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from events.extraction import resource_cache

MANAGE = Path(settings.BASE_DIR) / "manage.py"


def _build(cache: Path, *args: str) -> subprocess.CompletedProcess:
    # A process of its own: this one's resources are already built in memory.
    environment = {**os.environ, "EXTRACTION_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, str(MANAGE), "build_extraction_cache", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )


def test_the_cache_is_built_once_and_then_read(tmp_path):
    cache = tmp_path / "cache"

    first = _build(cache, "--language", "ru")
    assert first.returncode == 0, first.stderr
    assert "ru: ready in" in first.stdout
    assert f"Resources are cached in {cache}." in first.stdout
    built = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert {name.split("-")[0] for name in built} == {"resources", "cities", "city"}, built
    assert any(name.startswith("resources-ru-") for name in built), built

    again = _build(cache, "--language", "ru")
    assert again.returncode == 0, again.stderr
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == built


def test_an_unsupported_language_is_refused_by_name(tmp_path):
    answer = _build(tmp_path / "cache", "--language", "xx")
    assert answer.returncode != 0
    assert "invalid choice: 'xx'" in answer.stderr


def test_without_a_cache_directory_it_says_so():
    previous = resource_cache.directory()
    resource_cache.configure(None)
    try:
        with pytest.raises(CommandError, match="EXTRACTION_CACHE_DIR is empty"):
            call_command("build_extraction_cache")
    finally:
        resource_cache.configure(previous)
