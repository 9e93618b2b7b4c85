"""The seed directory of known political actors (events/data/known_actors.toml), verified.

Actors already stored under the same name and country are left alone, so running it on a
database that has them changes nothing. Reversing leaves the actors in place: editors may
have linked them to meetings since.
"""

from django.db import migrations

from events.known_actors import known_actors_install


def load_known_actors(apps, schema_editor):
    known_actors_install(
        actor_model=apps.get_model("events", "Actor"),
        alias_model=apps.get_model("events", "ActorAlias"),
        role_model=apps.get_model("events", "ActorRole"),
        country_model=apps.get_model("events", "Country"),
    )


class Migration(migrations.Migration):
    dependencies = [("events", "0002_load_countries")]
    operations = [migrations.RunPython(load_known_actors, migrations.RunPython.noop)]
