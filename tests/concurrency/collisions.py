"""A collision set written for these tests: pairs of short invented reports, each pair telling
of the same new meeting between two people nobody knew. Read by several workers at once, the
two reports of a pair race to create the same actors and the same meeting."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

# (country, demonym, capital) the English lexicon knows.
PLACES = [
    ("Chile", "Chilean", "Santiago"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Norway", "Norwegian", "Oslo"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Peru", "Peruvian", "Lima"),
    ("Ghana", "Ghanaian", "Accra"),
    ("Poland", "Polish", "Warsaw"),
    ("Thailand", "Thai", "Bangkok"),
    ("Morocco", "Moroccan", "Rabat"),
    ("Austria", "Austrian", "Vienna"),
]
FIRST = ["Tomas", "Ilse", "Marek", "Amara", "Oskar", "Lena", "Rafael", "Nadia", "Pavel", "Sena"]
LAST = [
    "Brevik",
    "Okonjo",
    "Hallberg",
    "Quintero",
    "Varga",
    "Mbeki",
    "Lindqvist",
    "Sorensen",
    "Castaldo",
    "Ferreira",
    "Novak",
    "Adeyemi",
]


def _person(index: int) -> str:
    return f"{FIRST[index % len(FIRST)]} {LAST[(index * 7) % len(LAST)]}{'ski' * (index // 60)}"


def collision_records(pairs: int = 60) -> list[dict]:
    """Two records per pair; pair i is a visit of a new minister of one country to another."""
    records = []
    for pair in range(pairs):
        guest_country, guest_demonym, _ = PLACES[pair % len(PLACES)]
        host_country, host_demonym, capital = PLACES[(pair + 3) % len(PLACES)]
        guest, host = _person(2 * pair), _person(2 * pair + 1)
        day = dt.date(2025, 1, 6) + dt.timedelta(days=3 * pair)
        when = f"{day.day} {day:%B} {day.year}"
        published = (day + dt.timedelta(days=1)).isoformat()
        records.append(
            {
                "id": f"collide-{pair:02d}-a",
                "lang": "en",
                "title": f"{guest_demonym} minister visits {capital}",
                "published": published,
                "source": "Collision Wire",
                "text": (
                    f"{guest_demonym} Foreign Minister {guest} arrived in {capital} on {when} "
                    f"for talks with {host_demonym} Foreign Minister {host}. The two ministers "
                    "discussed trade and fisheries."
                ),
            }
        )
        records.append(
            {
                "id": f"collide-{pair:02d}-b",
                "lang": "en",
                "title": f"{host_demonym} minister receives {guest_demonym} guest",
                "published": published,
                "source": "Collision Post",
                "text": (
                    f"{host_demonym} Foreign Minister {host} received {guest_demonym} Foreign "
                    f"Minister {guest} in {capital} on {when}. Their meeting covered trade, "
                    f"according to the {host_country} foreign ministry, and {guest_country} "
                    "called it useful."
                ),
            }
        )
    return records


def write_collisions(path: Path, pairs: int = 60) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in collision_records(pairs):
            out.write(json.dumps(record) + "\n")
    return path
