"""The engine's entry point: an article in, meetings out.

read the text (tokens, sentences)  -> document.read
find places, titles, meeting words -> annotate.annotate
find the dateline                  -> dateline.read_dateline
find officials and their mentions  -> persons.find_people
find and merge encounters          -> meetings.MeetingFinder
settle kind, roles, date, status   -> findings.FindingBuilder
"""

from __future__ import annotations

from events.extraction import language as languages
from events.extraction.annotate import annotate
from events.extraction.dateline import read_dateline
from events.extraction.document import read
from events.extraction.findings import FindingBuilder
from events.extraction.meetings import MeetingFinder
from events.extraction.people import ActorDirectory
from events.extraction.persons import find_people
from events.extraction.resources import for_language
from events.extraction.types import ArticleInput, ExtractionResult

VERSION = "2.0"


def extract(article: ArticleInput, actors: ActorDirectory | None = None) -> ExtractionResult:
    code = (article.language or "").lower()
    detected = False
    if not code:
        code = languages.detect(f"{article.title}\n{article.body}") or ""
        detected = True
    if not languages.is_supported(code):
        return ExtractionResult(language=code, language_detected=detected, supported=False)

    resources = for_language(code)
    doc = read(article.title, article.body, resources.lexicon["meta"]["spacy"])
    annotations = annotate(doc, resources)
    dateline = read_dateline(doc, resources, article.published)
    people = find_people(
        doc,
        annotations,
        resources,
        actors or ActorDirectory(),
        dateline.country,
        dateline.reference,
    )
    finder = MeetingFinder(doc, annotations, people, resources, dateline.reference)
    encounters = finder.encounters()
    sequences = {mention.sentence: True for mention in annotations.referrings}
    findings = FindingBuilder(doc, people, dateline.reference, dateline, sequences).build(
        encounters
    )
    return ExtractionResult(
        language=code, language_detected=detected, supported=True, meetings=findings
    )


def warm_up(language: str) -> None:
    """Build a language's resources ahead of the first article (they take a second or two)."""
    for_language(language)
