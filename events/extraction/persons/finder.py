"""Officials named in an article, with their country and title, and every mention of them.

The steps, each in its own module: name runs (`spans`), the titles around them (`titles`), who
each described run is (`cast`), countries the words around a name do not give (`countries`),
later mentions (`mentions`) and who is out of office (`office`).
"""

from __future__ import annotations

import datetime as dt

from events.extraction.annotate import Annotations
from events.extraction.document import Document
from events.extraction.people import ActorDirectory
from events.extraction.persons.cast import Cast
from events.extraction.persons.countries import Countries
from events.extraction.persons.mentions import Mentions
from events.extraction.persons.model import People, Person, TitleGroup
from events.extraction.persons.office import mark_out_of_office
from events.extraction.persons.spans import NameSpans, Run
from events.extraction.persons.titles import TitleGroups
from events.extraction.resources import Resources


def find_people(
    doc: Document,
    annotations: Annotations,
    resources: Resources,
    directory: ActorDirectory,
    home_country: str | None,
    reference: dt.date,
) -> People:
    spans = NameSpans(doc, annotations, resources, directory)
    titles = TitleGroups(spans)
    cast = Cast(spans, reference)
    countries = Countries(spans, cast)
    mentions = Mentions(spans, titles, cast)

    runs = spans.runs()
    titles.know_runs(runs)
    described, undescribed = _described(runs, titles, cast)
    countries.counterparts(runs, described)
    mentions.undescribed([run for run in undescribed if run not in described])
    countries.inherit()
    mentions.nominals(runs)
    mentions.in_headlines()
    mentions.surnames_that_are_towns()
    mark_out_of_office(spans, cast)
    countries.home(home_country)
    cast.mentions.sort(key=lambda mention: mention.start)
    return People([person for person in cast.persons if person.mentions], cast.mentions)


def _described(
    runs: list[Run], titles: TitleGroups, cast: Cast
) -> tuple[dict[Run, Person], list[Run]]:
    """Runs that a title, an apposition, "of" a country or the directory describe, as people;
    and the others (offices' fields are neither)."""
    described: dict[Run, Person] = {}
    undescribed: list[Run] = []
    for run in runs:
        if titles.office_run(run):
            continue
        person = _describe(run, titles, cast)
        if person is None:
            undescribed.append(run)
        else:
            described[run] = person
    return described, undescribed


def _describe(run: Run, titles: TitleGroups, cast: Cast) -> Person | None:
    start, end = run
    group = titles.before(start) or titles.apposition_before(start)
    if group is not None and _named_before(run, group, cast):
        return None  # "Besides Malaysia's defence minister, Prabowo": a later mention
    after = titles.country_after(end)
    apposition = titles.apposition_after(end) if group is None or group.country is None else None
    title = titles.spans.title(start - 1) if start > 0 else None
    title_start = title.start if title is not None and group is not None else None
    known_span = cast.known_span(start, end, title_start)
    if group is None and apposition is None and after is None and known_span is None:
        return None
    if known_span and group is None:
        _, start, end = known_span
    country, source = None, ""
    if group and group.country:
        country, source = group.country, "explicit"
    elif after:
        country, source = after, "explicit"
    elif apposition and apposition.country:
        country, source = apposition.country, "apposition"
    return cast.name(start, end, group or apposition, country, source, title_start=title_start)


def _named_before(run: Run, group: TitleGroup, cast: Cast) -> bool:
    """A name after a comma that is part of someone's already named with another country: the
    title before the comma is someone else's."""
    start, _ = run
    if start == 0 or cast.tokens[start - 1].text != ",":
        return False
    words = cast.words(cast.spans.name_text(*run))
    person = cast.match(words, None)
    return person is not None and group.country is not None and person.country != group.country
