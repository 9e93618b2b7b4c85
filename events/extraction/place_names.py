"""Every name the engine knows a city by, for search: "Moskow", "Moscou" and "Москва" are Moscow.

Read-only use of the gazetteer's data (GeoNames' other names of capitals and big cities, and
the lexicons' local names), so that search and extraction agree on what names a city has.
"""

from __future__ import annotations

from functools import cache

from events.extraction import lexicon, resource_cache
from events.extraction.places import _cities


@cache
def _names_by_city() -> dict[str, frozenset[str]]:
    # Reading GeoNames' cities takes a worker's (or a web process's) first search refresh
    # half a second; the result is kept with the engine's resources.
    return resource_cache.load_or_build(
        "city-names", resource_cache.lexicons_key(), _build_names_by_city
    )


def _build_names_by_city() -> dict[str, frozenset[str]]:
    by_city: dict[str, set[str]] = {}
    places, alternates = _cities()
    for alternate, owners in alternates.items():
        for owner, _rank in owners:
            by_city.setdefault(places[owner].name, set()).add(alternate)
    for language in lexicon.available_languages():
        for local, english in lexicon.load(language).get("city_names", {}).items():
            by_city.setdefault(english, set()).add(local)
    return {city: frozenset(names) for city, names in by_city.items()}


def city_names(city: str) -> frozenset[str]:
    """The other names of a city given by its English name (empty when none are known)."""
    return _names_by_city().get(city, frozenset())
