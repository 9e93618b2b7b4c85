"""A generated data set for trying the timeline at scale: `manage.py generate_data`.

Invented officials of about sixty countries (names from data/generated_names.toml, with aliases,
some in Cyrillic), meetings over four decades (more in recent years, stored in the order they
happened) with two to four participants (summits more), venues at
capitals, dates known to the day, month or year or not at all, a few planned, cancelled,
verified and rejected; and articles reporting them, each with one evidence sentence. The same
seed gives the same data. Rows are bulk-inserted a batch at a time, so memory stays flat, and
the search documents and sort dates are derived at the end as the services derive them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction

from articles.models import Article, ExtractionStatus
from articles.services import article_content_hash
from events.extraction.gazetteer import capital
from events.extraction.names import normalize_name
from events.models import (
    Actor,
    ActorAlias,
    Country,
    DatePrecision,
    Evidence,
    Meeting,
    MeetingKind,
    MeetingSearch,
    MeetingSource,
    MeetingStatus,
    Participant,
    ParticipantRole,
    ReviewState,
    TextPart,
)
from events.search import meeting_refresh_search
from events.titles import compose_title

BATCH = 2000  # meetings per batch, with their participants, articles, sources and evidence

NAMES_FILE = Path(__file__).parent / "data" / "generated_names.toml"

CYRILLIC_COUNTRIES = {"RU", "UA", "BY", "KZ", "RS", "BG"}  # their officials get a Cyrillic alias
# Big powers meet more often.
COUNTRY_WEIGHT = {"US": 8, "CN": 7, "RU": 7, "FR": 4, "GB": 4, "DE": 4, "IN": 4, "JP": 3}
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "King",
          "Chancellor", "Vice President", "Trade Minister"]  # fmt: skip
SOURCES = ["Reuters", "AFP", "AP", "TASS", "Xinhua", "Antara", "Kyodo", "Al Jazeera", "BBC"]
KINDS = [MeetingKind.VISIT] * 45 + [MeetingKind.MEETING] * 35 + [MeetingKind.CALL] * 12
KINDS += [MeetingKind.MULTILATERAL] * 8
STATUSES = [MeetingStatus.OCCURRED] * 84 + [MeetingStatus.PLANNED] * 11
STATUSES += [MeetingStatus.CANCELLED] * 5
PRECISIONS = [DatePrecision.DAY] * 78 + [DatePrecision.MONTH] * 10 + [DatePrecision.YEAR] * 4
PRECISIONS += [DatePrecision.UNKNOWN] * 8
REVIEWS = [ReviewState.EXTRACTED] * 87 + [ReviewState.VERIFIED] * 10 + [ReviewState.REJECTED] * 3
FIRST_YEAR, LAST_YEAR = 1985, 2026
# More news in recent years: a year's weight grows with it.
_YEARS = list(range(FIRST_YEAR, LAST_YEAR + 1))
_YEAR_WEIGHTS = list(itertools.accumulate(year - FIRST_YEAR + 3 for year in _YEARS))
_CYRILLIC = dict(zip("abvgdezijklmnoprstufhcy", "абвгдезийклмнопрстуфхцы", strict=True))


GENERATED_MODELS = (
    Actor,
    ActorAlias,
    Meeting,
    Participant,
    Article,
    MeetingSource,
    Evidence,
    MeetingSearch,
)


class GenerateError(Exception):
    """The data cannot be generated as asked; the message says why."""


@dataclass(frozen=True)
class _Official:
    pk: int
    name: str
    country: str


def _cyrillic(name: str) -> str:
    """A rough Cyrillic spelling, as Russian news would write a Slavic name."""
    text = name.lower()
    for latin, cyrillic in (("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"),
                            ("ya", "я"), ("yu", "ю"), ("ts", "ц"), ("ei", "ей")):  # fmt: skip
        text = text.replace(latin, cyrillic)
    word = "".join(_CYRILLIC.get(char, char) for char in text)
    return " ".join(part.capitalize() for part in word.split())


def generate_data(
    *,
    meetings: int,
    articles: int,
    actors: int,
    seed: int,
    progress: Callable[[str], None] = lambda message: None,
) -> None:
    """Add this many meetings, articles and actors to the database, the same for a seed."""
    if min(meetings, articles, actors) < 0:
        raise GenerateError("Counts cannot be negative.")
    if meetings and actors < 2:
        raise GenerateError("Meetings need at least 2 actors.")
    rng = random.Random(seed)
    countries = _countries()
    officials = _create_actors(rng, actors, countries)
    progress(f"{len(officials)} actors")
    by_country: dict[str, list[_Official]] = {}
    for official in officials:
        by_country.setdefault(official.country, []).append(official)
    country_codes = sorted(by_country)
    weights = list(itertools.accumulate(COUNTRY_WEIGHT.get(code, 1) for code in country_codes))
    sources_per_meeting = _spread(rng, articles, meetings)
    # Meetings come in the order they happened, as an archive grows: ids follow the dates.
    days = sorted(_day(rng) for _ in range(meetings))
    article_number = 0
    created: list[int] = []
    for start in range(0, meetings, BATCH):
        count = min(BATCH, meetings - start)
        with transaction.atomic():
            batch = [
                _meeting_plan(rng, day, country_codes, weights, by_country, countries)
                for day in days[start : start + count]
            ]
            stored = Meeting.objects.bulk_create([plan.meeting for plan in batch])
            Participant.objects.bulk_create(
                Participant(meeting=meeting, actor_id=official.pk, role=role)
                for meeting, plan in zip(stored, batch, strict=True)
                for official, role in plan.participants
            )
            reports = []
            for meeting, plan, sources in zip(
                stored, batch, sources_per_meeting[start : start + count], strict=True
            ):
                for _ in range(sources):
                    article_number += 1
                    reports.append((meeting, _article(rng, plan, article_number, seed)))
            Article.objects.bulk_create(article for _, article in reports)
            MeetingSource.objects.bulk_create(
                MeetingSource(meeting=meeting, article=article) for meeting, article in reports
            )
            Evidence.objects.bulk_create(
                Evidence(
                    meeting=meeting,
                    article=article,
                    field=TextPart.BODY,
                    text=article.body.split(". ")[0] + ".",
                    start_char=0,
                    end_char=len(article.body.split(". ")[0]) + 1,
                )
                for meeting, article in reports
            )
        created.extend(meeting.pk for meeting in stored)
        progress(f"{start + count} meetings, {article_number} articles")
    # Articles beyond the meetings' sources (only when there are no meetings to report).
    extra = [
        _article(rng, None, article_number + number, seed)
        for number in range(1, articles - article_number + 1)
    ]
    Article.objects.bulk_create(extra, batch_size=BATCH)
    progress("search documents and timeline dates")
    step = BATCH * 5
    for start in range(0, len(created), step):
        chunk = created[start : start + step]
        meeting_refresh_search(meetings=Meeting.objects.filter(pk__in=chunk))
        progress(f"{start + len(chunk)} meetings made searchable")
    if connection.vendor == "postgresql":
        # Fresh statistics and visibility maps after a bulk load, as autovacuum would give
        # them later (inside a transaction, as in tests, VACUUM cannot run: statistics only).
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        with connection.cursor() as cursor:
            for model in GENERATED_MODELS:
                cursor.execute(f"{command} {model._meta.db_table}")


def _regions() -> dict[str, dict[str, list[str]]]:
    with NAMES_FILE.open("rb") as names:
        return tomllib.load(names)


def _countries() -> dict[str, Country]:
    wanted = {code for region in _regions().values() for code in region["countries"]}
    found = {country.code: country for country in Country.objects.filter(code__in=wanted)}
    if not found:
        raise GenerateError("No countries in the database: run migrate first.")
    return found


def _spread(rng: random.Random, total: int, buckets: int) -> list[int]:
    """`total` split over `buckets`, unevenly (some meetings are reported far more)."""
    if not buckets:
        return []
    counts = [0] * buckets
    weights = [rng.paretovariate(2.0) for _ in range(buckets)]
    scale = total / sum(weights)
    remainder = total
    for index, weight in enumerate(weights):
        counts[index] = min(int(weight * scale), remainder)
        remainder -= counts[index]
    for index in rng.choices(range(buckets), k=remainder):
        counts[index] += 1
    return counts


def _create_actors(
    rng: random.Random, count: int, countries: dict[str, Country]
) -> list[_Official]:
    regions = [
        (region["given"], region["family"], [c for c in region["countries"] if c in countries])
        for region in _regions().values()
    ]
    rows = []
    for _ in range(count):
        first, last, codes = rng.choice(regions)
        name = f"{rng.choice(first)} {rng.choice(last)}"
        rows.append(Actor(name=name, country_id=rng.choice(codes), verified=rng.random() < 0.3))
    stored = Actor.objects.bulk_create(rows, batch_size=BATCH)
    aliases = []
    for actor in stored:
        if actor.country_id in CYRILLIC_COUNTRIES:
            aliases.append(ActorAlias(actor=actor, name=_cyrillic(actor.name)))
        elif rng.random() < 0.15:
            given, family = actor.name.split(" ", 1)
            aliases.append(ActorAlias(actor=actor, name=f"{given[0]}. {family}"))
    for alias in aliases:
        alias.normalized = normalize_name(alias.name)  # as ActorAlias.save() would
    ActorAlias.objects.bulk_create(aliases, batch_size=BATCH, ignore_conflicts=True)
    return [_Official(actor.pk, actor.name, actor.country_id) for actor in stored]


@dataclass
class _Plan:
    meeting: Meeting
    participants: list[tuple[_Official, str]]
    published: dt.date


def _day(rng: random.Random) -> dt.date:
    year = rng.choices(_YEARS, cum_weights=_YEAR_WEIGHTS)[0]
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


def _meeting_plan(
    rng: random.Random,
    day: dt.date,
    codes: list[str],
    weights: list[int],  # cumulative
    by_country: dict[str, list[_Official]],
    countries: dict[str, Country],
) -> _Plan:
    kind = rng.choice(KINDS)
    size = rng.randint(3, 9) if kind == MeetingKind.MULTILATERAL else rng.choice([2, 2, 2, 3, 4])
    sides: list[str] = []
    while len(sides) < min(size, len(codes)):
        code = rng.choices(codes, cum_weights=weights)[0]
        if code not in sides:
            sides.append(code)
    people = [rng.choice(by_country[code]) for code in sides]
    if kind == MeetingKind.CALL:
        venue = None
    elif kind == MeetingKind.MULTILATERAL or rng.random() < 0.1:
        venue = rng.choices(codes, cum_weights=weights)[0]
    else:
        venue = sides[1] if kind == MeetingKind.VISIT else rng.choice(sides)
    city = capital(venue).name if venue and capital(venue) else ""
    if kind == MeetingKind.VISIT:
        roles = [
            ParticipantRole.HOST if official.country == venue else ParticipantRole.VISITOR
            for official in people
        ]
    else:
        roles = [ParticipantRole.PARTICIPANT] * len(people)
    precision = rng.choice(PRECISIONS)
    start = end = None
    if precision == DatePrecision.DAY:
        start = day
        if kind == MeetingKind.VISIT and rng.random() < 0.3:
            end = day + dt.timedelta(days=rng.randint(1, 3))
    elif precision == DatePrecision.MONTH:
        start = day.replace(day=1)
    elif precision == DatePrecision.YEAR:
        start = day.replace(month=1, day=1)
    names = [official.name for official in people]
    title = compose_title(
        kind=kind,
        place=city or (countries[venue].name if venue in countries else ""),
        visitors=[n for n, r in zip(names, roles, strict=True) if r == ParticipantRole.VISITOR],
        hosts=[n for n, r in zip(names, roles, strict=True) if r == ParticipantRole.HOST],
        everyone=names,
    )
    meeting = Meeting(
        title=title,
        kind=kind,
        status=rng.choice(STATUSES),
        start_date=start,
        end_date=end,
        date_precision=precision,
        city=city,
        country_id=venue,
        review_state=rng.choice(REVIEWS),
    )
    return _Plan(meeting, list(zip(people, roles, strict=True)), day)


def _article(rng: random.Random, plan: _Plan | None, number: int, seed: int) -> Article:
    if plan is None:
        published = _day(rng)
        title = f"Diplomatic briefing {number}"
        body = f"Officials gave a briefing on regional affairs (item {number})."
    else:
        published = plan.published + dt.timedelta(days=rng.randint(0, 4))
        names = [official.name for official, _ in plan.participants]
        place = plan.meeting.city or "a call"
        verb = {
            MeetingKind.VISIT: "arrived for a visit in",
            MeetingKind.CALL: "spoke by telephone in",
            MeetingKind.MULTILATERAL: "joined the summit in",
        }.get(plan.meeting.kind, "held talks in")
        title = plan.meeting.title
        body = (
            f"{' and '.join(names[:3])} {verb} {place}. "
            f"{rng.choice(TITLES)} {names[0].split()[-1]} said the talks covered trade, "
            f"energy and security. Report {number}."
        )
    source = rng.choice(SOURCES)
    return Article(
        title=title[:500],
        body=body,
        source=source,
        url=f"https://news.example/{source.lower().replace(' ', '-')}/{seed}/{number}",
        external_id=f"gen-{seed}-{number}",
        published_on=published,
        language="en",
        content_hash=article_content_hash(body=body),
        extraction_status=ExtractionStatus.DONE,
    )
