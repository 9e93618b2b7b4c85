"""Claims from the engine's findings: what one article says of each encounter it reports.

Participants are resolved to stored actors here (events.actors), so a claim names actors by
id. The finding's reasons and evidence travel with the claim: the meeting page shows why each
field is what it is, and uncurated meetings' evidence rows are the claims' evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from events.actors import actor_name_keys, actors_resolve
from events.extraction.types import MeetingFinding, Reason
from events.locks import ACTOR_NAMES, lock_keys
from events.merging import Claim


def _reason_json(reason: Reason) -> dict:
    return {
        "rule": reason.rule,
        "cues": list(reason.cues),
        "sentence": asdict(reason.sentence) if reason.sentence else None,
    }


def claims_from_findings(
    *, article_id: int, published: dt.date, findings: list[MeetingFinding]
) -> list[Claim]:
    """The article's claims, one per finding, with every person resolved to an actor.

    Takes the locks on every name the findings give, in one sorted batch, before looking
    any of them up (see events.locks).
    """
    lock_keys(
        ACTOR_NAMES,
        {
            key
            for finding in findings
            for person in finding.participants
            for key in actor_name_keys(person)
        },
    )
    people = [person for finding in findings for person in finding.participants]
    resolved = iter(actors_resolve(people=people, seen_on=published))
    claims = []
    for ordinal, finding in enumerate(findings):
        roles: dict[int, str] = {}
        for person in finding.participants:
            actor = next(resolved)
            if actor is not None:
                roles.setdefault(actor.pk, person.role)
        claims.append(
            Claim(
                article=article_id,
                ordinal=ordinal,
                published=published,
                kind=finding.kind,
                status=finding.status,
                start=finding.start,
                end=finding.end,
                precision=finding.precision if finding.start else "unknown",
                city=finding.city or "",
                country=finding.venue_country or None,
                countries=frozenset(finding.countries),
                participants=tuple(sorted(roles.items())),
                reasons={name: _reason_json(reason) for name, reason in finding.reasons.items()},
                evidence=tuple(
                    (span.field, span.start, span.end, span.text) for span in finding.evidence
                ),
            )
        )
    return claims
