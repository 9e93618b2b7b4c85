"""The actors extraction created, for a reader to check (`manage.py actor_report`).

Extraction creates an unverified actor for every official it has not seen before. This lists
them with the titles they were seen holding, their country, and one sentence where they were
seen, so that a reader can tell at a glance whether each is a real person with a clean name.
"""

from __future__ import annotations

from dataclasses import dataclass

from events.extraction.names import normalize_name
from events.models import Actor, Evidence


@dataclass(frozen=True)
class ReportedActor:
    name: str
    kind: str
    country: str | None
    titles: tuple[str, ...]
    article: str  # the article's import id, or its database id
    sentence: str  # a sentence where the actor was seen; "" when no meeting cites one


def unverified_actors_report() -> list[ReportedActor]:
    """Every unverified actor, by name, with what tells a reader who they are."""
    actors = (
        Actor.objects.filter(verified=False)
        .select_related("country")
        .prefetch_related("roles", "aliases")
        .order_by("name", "id")
    )
    return [_reported(actor) for actor in actors]


def _reported(actor: Actor) -> ReportedActor:
    evidence = list(
        Evidence.objects.filter(meeting__participants__actor=actor)
        .select_related("article")
        .order_by("article_id", "-field", "start_char")
        .distinct()
    )
    names = [normalize_name(alias.name) for alias in actor.aliases.all()] or [
        normalize_name(actor.name)
    ]
    seen = next(
        (item for item in evidence if any(name in normalize_name(item.text) for name in names)),
        evidence[0] if evidence else None,
    )
    titles = tuple(
        dict.fromkeys(role.title for role in sorted(actor.roles.all(), key=lambda r: r.title))
    )
    article = ""
    if seen is not None:
        article = seen.article.external_id or f"#{seen.article.pk}"
    return ReportedActor(
        name=actor.name,
        kind=actor.kind,
        country=actor.country_id,
        titles=titles,
        article=article,
        sentence=" ".join(seen.text.split()) if seen else "",
    )
