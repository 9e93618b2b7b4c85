"""Why a meeting's fields are what they are: the source whose claim decided each, with the
engine's rule, cue words and sentence (shown beside the fields on the meeting page and in the
review queue)."""

from __future__ import annotations

from dataclasses import dataclass

from articles.models import Article
from events.models import Meeting


@dataclass(frozen=True)
class Decision:
    """Which article's claim decided a field of a meeting, and the engine's reason."""

    article: Article
    rule: str
    cues: list[str]
    sentence: str


def meeting_decisions(*, meeting: Meeting) -> dict[str, Decision]:
    """For each field recomputed from the sources, the claim that decided it (by field name:
    kind, status, date, venue, participants). None for an edited meeting: its editor did."""
    if meeting.edited:
        return {}
    sources = {source.article_id: source for source in meeting.sources.all()}
    decisions = {}
    for name, article_id in meeting.decided_by.items():
        source = sources.get(article_id)
        if source is None:
            continue
        reason = source.claim.get("reasons", {}).get(name) or {}
        decisions[name] = Decision(
            article=source.article,
            rule=reason.get("rule", ""),
            cues=reason.get("cues", []),
            sentence=(reason.get("sentence") or {}).get("text", ""),
        )
    return decisions
