"""The engine's entry point: an article in, meetings out."""

from __future__ import annotations

from events.extraction import language as languages
from events.extraction.people import ActorDirectory
from events.extraction.types import ArticleInput, ExtractionResult

VERSION = "0.1"


def extract(article: ArticleInput, actors: ActorDirectory | None = None) -> ExtractionResult:
    code = article.language
    detected = False
    if not code:
        code = languages.detect(f"{article.title}\n{article.body}") or ""
        detected = True
    if not languages.is_supported(code):
        return ExtractionResult(language=code, language_detected=detected, supported=False)
    return ExtractionResult(language=code, language_detected=detected, supported=True)
