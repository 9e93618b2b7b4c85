"""The seed directory of known actors: the file, its validation and migration 0003."""

import datetime as dt
from collections import Counter

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from events.extraction.names import name_tokens, normalize_name
from events.known_actors import (
    KnownActorsError,
    known_actors_install,
    load_known_actors,
    parse_role_date,
    valid_country_codes,
)
from events.models import Actor, ActorAlias, ActorRole, Country


@pytest.fixture(scope="module")
def known():
    return load_known_actors()


def _actors_named(alias: str) -> set[str]:
    """Actors an alias finds through ActorAlias.normalized, as the directory keys them."""
    keys = {normalize_name(alias), " ".join(name_tokens(alias))}
    found = set()
    for name, normalized in ActorAlias.objects.values_list("actor__name", "normalized"):
        if normalized in keys or " ".join(name_tokens(normalized)) in keys:
            found.add(name)
    return found


# --- The file --------------------------------------------------------------------------------


def test_the_file_loads_and_validates(known):
    assert 700 <= len(known) <= 2500
    codes = valid_country_codes()
    for actor in known:
        assert actor["name"].strip() == actor["name"]
        assert actor["country"] in codes
        assert actor["kind"] in ("person", "organisation")
        assert all(isinstance(alias, str) and alias.strip() for alias in actor["aliases"])
        for role in actor["roles"]:
            assert role["title"]
            assert role["country"] is None or role["country"] in codes
            if role["start"] and role["end"]:
                assert role["start"] <= role["end"]


def test_names_are_unique_per_country(known):
    keys = Counter((normalize_name(actor["name"]), actor["country"]) for actor in known)
    assert [key for key, count in keys.items() if count > 1] == []


def test_no_alias_key_is_shared_by_two_actors(known):
    """An alias must name one actor: a key two actors share would make lookups ambiguous."""
    owners: dict[str, set[str]] = {}
    for actor in known:
        for text in [actor["name"], *actor["aliases"]]:
            for key in {normalize_name(text), " ".join(name_tokens(text))}:
                owners.setdefault(key, set()).add(f"{actor['name']} ({actor['country']})")
    assert {key: who for key, who in owners.items() if len(who) > 1} == {}


def test_scope_covers_leaders_old_and_new(known):
    by_name = {actor["name"]: actor for actor in known}
    for name in [
        "Vladimir Putin",
        "Joko Widodo",
        "Recep Tayyip Erdoğan",
        "Ahmed al-Sharaa",
        "Mikhail Gorbachev",
        "Erich Honecker",
        "Josip Broz Tito",
        "António Guterres",
        "Kao Kim Hourn",
    ]:
        assert name in by_name
    assert by_name["Mikhail Gorbachev"]["country"] == "SU"
    assert by_name["Erich Honecker"]["country"] == "DD"
    assert by_name["Helmut Kohl"]["country"] == "DE"
    assert by_name["António Guterres"]["country"] == "PT"  # heads of organisations: nationality
    president = next(r for r in by_name["Vladimir Putin"]["roles"] if r["title"] == "President")
    assert president == {
        "title": "President",
        "country": "RU",
        "start": dt.date(2000, 1, 1),
        "end": None,
    }
    assert {"Jokowi", "Джокови"} <= set(by_name["Joko Widodo"]["aliases"])


def test_role_dates_take_years_months_and_days():
    assert parse_role_date("2012") == dt.date(2012, 1, 1)
    assert parse_role_date("2012", end=True) == dt.date(2012, 12, 31)
    assert parse_role_date("2024-02", end=True) == dt.date(2024, 2, 29)
    assert parse_role_date("2012-05-07") == dt.date(2012, 5, 7)
    assert parse_role_date(dt.date(2012, 5, 7), end=True) == dt.date(2012, 5, 7)
    assert parse_role_date(None) is None
    with pytest.raises(ValueError):
        parse_role_date("May 2012")


def test_validation_reports_every_problem(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(
        """
[[actor]]
name = "Jane Doe"
country = "ZZ"

[[actor]]
name = "John Roe"
country = "FR"
aliases = ["J. Roe", 7]

[[actor]]
name = "John  Roe"
country = "FR"

[[actor]]
name = "Ann Poe"
country = "SU"
nickname = "Annie"
roles = [{ title = "Premier", start = "1990", end = "1980" }]
""",
        encoding="utf-8",
    )
    with pytest.raises(KnownActorsError) as raised:
        load_known_actors(path)
    message = str(raised.value)
    assert "unknown country code 'ZZ'" in message
    assert "alias 7" in message
    assert "a second actor of that name in FR" in message
    assert "unknown keys ['nickname']" in message
    assert "starts after it ends" in message


def test_aliases_spelt_alike_collapse(tmp_path):
    path = tmp_path / "ok.toml"
    path.write_text(
        '[[actor]]\nname = "Recep Tayyip Erdoğan"\ncountry = "TR"\n'
        'aliases = ["Recep Tayyip Erdogan", "Erdoğan", "ERDOGAN", "Эрдоган"]\n',
        encoding="utf-8",
    )
    (actor,) = load_known_actors(path)
    assert actor["aliases"] == ["Erdoğan", "Эрдоган"]


# --- The database (migration 0003 has run) ---------------------------------------------------


def test_every_country_code_is_in_the_country_table(db, known):
    stored = set(Country.objects.values_list("code", flat=True))
    used = {actor["country"] for actor in known} | {
        role["country"] for actor in known for role in actor["roles"] if role["country"]
    }
    assert used - stored == set()


def test_the_migration_installed_the_directory(db, known):
    assert Actor.objects.filter(verified=True).count() == len(known)
    putin = Actor.objects.get(name="Vladimir Putin", country="RU")
    assert putin.verified and putin.kind == "person"
    assert set(putin.roles.values_list("title", "country_id")) >= {
        ("President", "RU"),
        ("Prime Minister", "RU"),
    }
    # Every alias row has its key, including the actor's own name.
    assert not ActorAlias.objects.filter(normalized="").exists()
    assert putin.aliases.filter(normalized=normalize_name("Vladimir Putin")).exists()
    assert ActorAlias.objects.count() == sum(1 + len(actor["aliases"]) for actor in known)


def test_install_is_idempotent(db, known):
    counts = (Actor.objects.count(), ActorAlias.objects.count(), ActorRole.objects.count())
    created = known_actors_install(
        actor_model=Actor, alias_model=ActorAlias, role_model=ActorRole, country_model=Country
    )
    assert created == 0
    assert (Actor.objects.count(), ActorAlias.objects.count(), ActorRole.objects.count()) == counts


def test_the_migration_install_is_idempotent_with_historical_models(db):
    apps = (
        MigrationExecutor(connection)
        .loader.project_state(("events", "0003_load_known_actors"))
        .apps
    )
    count = Actor.objects.count()
    created = known_actors_install(
        actor_model=apps.get_model("events", "Actor"),
        alias_model=apps.get_model("events", "ActorAlias"),
        role_model=apps.get_model("events", "ActorRole"),
        country_model=apps.get_model("events", "Country"),
    )
    assert created == 0
    assert Actor.objects.count() == count


def test_install_leaves_edited_actors_alone_and_adds_missing_ones(db):
    putin = Actor.objects.get(name="Vladimir Putin", country="RU")
    putin.aliases.all().delete()
    Actor.objects.filter(name="Joko Widodo").delete()
    created = known_actors_install(
        actor_model=Actor, alias_model=ActorAlias, role_model=ActorRole, country_model=Country
    )
    assert created == 1
    assert not putin.aliases.exists()  # an editor's removal stands
    jokowi = Actor.objects.get(name="Joko Widodo", country="ID")
    assert jokowi.verified
    assert jokowi.aliases.filter(normalized="jokowi").exists()
    assert jokowi.roles.filter(title="President", country="ID").exists()


def test_transliterations_find_the_same_actor(db):
    assert _actors_named("Ahmed al-Sharaa") == {"Ahmed al-Sharaa"}
    assert _actors_named("Ahmad al-Sharaa") == {"Ahmed al-Sharaa"}
    assert _actors_named("Abu Mohammed al-Jolani") == {"Ahmed al-Sharaa"}
    assert _actors_named("Ahmad Al Sharaa") == {"Ahmed al-Sharaa"}  # case and punctuation
    assert _actors_named("Zelenskiy") == _actors_named("Zelenskyy") == {"Volodymyr Zelenskyy"}
    assert _actors_named("Weizsaecker") == _actors_named("Weizsäcker")


def test_cyrillic_aliases_find_putin(db):
    assert _actors_named("Путин") == {"Vladimir Putin"}
    assert _actors_named("Владимир Путин") == {"Vladimir Putin"}
    key = normalize_name("ВЛАДИМИР ПУТИН")
    assert ActorAlias.objects.get(normalized=key).actor.name == "Vladimir Putin"


def test_the_engine_directory_sees_the_seed(db):
    from events.actors import actor_directory

    directory = actor_directory()
    (sharaa,) = directory.lookup("Ahmad al-Sharaa")
    assert sharaa.name == "Ahmed al-Sharaa" and sharaa.country == "SY"
    (putin,) = directory.lookup("Путин")
    assert putin.name == "Vladimir Putin"
    assert [actor.name for actor in directory.lookup("Jokowi")] == ["Joko Widodo"]
