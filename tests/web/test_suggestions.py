"""The pickers' autocomplete: a few actors or countries for what was typed, never a list of all."""

import re

from django.urls import reverse

from tests.factories import make_actor

ACTORS = reverse("events:actor-suggestions")
COUNTRIES = reverse("events:country-suggestions")


def options(response) -> list[str]:
    return re.findall(r'data-label="([^"]+)"', response.text)


def test_actor_suggestions_match_names_and_aliases_names_beginning_with_it_first(
    analyst_client, db
):
    make_actor("Quillon Rubadek", country="US")
    make_actor("Rubadek Ostra", country="BD")
    oleg = make_actor("Oleg Zvyagintsevsky", country="RU")
    oleg.aliases.create(name="Олег Звягинцевский")

    found = options(analyst_client.get(ACTORS, {"term": "rubadek"}))
    assert found == ["Rubadek Ostra", "Quillon Rubadek"]
    assert options(analyst_client.get(ACTORS, {"term": "Звягинц"})) == ["Oleg Zvyagintsevsky"]


def test_actor_suggestions_are_few_and_carry_the_id(analyst_client, db):
    actors = [make_actor(f"Envoyzz Number {number:02}") for number in range(25)]

    response = analyst_client.get(ACTORS, {"term": "envoyzz"})

    assert len(options(response)) == 10
    assert f'data-value="{actors[0].pk}"' in response.text
    assert 'role="option"' in response.text


def test_nothing_typed_suggests_nothing(analyst_client, db):
    make_actor("Someone")

    assert analyst_client.get(ACTORS, {"term": "  "}).text.strip() == ""
    assert "Nothing found" in analyst_client.get(ACTORS, {"term": "zzz"}).text


def test_country_suggestions_know_names_in_other_languages_and_codes(analyst_client, db):
    assert options(analyst_client.get(COUNTRIES, {"term": "Россия"})) == ["Russia"]
    assert options(analyst_client.get(COUNTRIES, {"term": "de"}))[0] == "Germany"
    assert "Indonesia" in options(analyst_client.get(COUNTRIES, {"term": "indon"}))


def test_suggestions_need_the_right_to_read(nobody_client, db):
    assert nobody_client.get(ACTORS, {"term": "a"}).status_code == 403
