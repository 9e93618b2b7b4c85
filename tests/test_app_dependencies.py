"""The two apps depend one way: events reads articles, articles imports nothing of events."""

import ast
from pathlib import Path

from django.conf import settings

ARTICLES = Path(settings.BASE_DIR) / "articles"


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def test_articles_imports_nothing_from_events():
    offenders = {
        str(path.relative_to(ARTICLES.parent)): sorted(
            module for module in imported_modules(path) if module.split(".")[0] == "events"
        )
        for path in ARTICLES.rglob("*.py")
    }
    assert {path: modules for path, modules in offenders.items() if modules} == {}


def test_the_check_sees_an_import_of_events(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from events.store import meetings_replace_for_article\n")
    assert "events.store" in imported_modules(sample)
