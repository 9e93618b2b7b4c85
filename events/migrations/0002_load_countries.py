"""Every ISO 3166 country (pycountry), a few former states news archives still name, and
each country's name in several languages (CLDR, through Babel)."""

import re

import pycountry
from babel import Locale
from django.db import migrations

NAME_LANGUAGES = ("en", "id", "fr", "ru", "de", "es", "pt", "ar", "zh", "ja")
FORMER_STATES = {
    # code: (alpha-3, English name)
    "SU": ("SUN", "Soviet Union"),
    "YU": ("YUG", "Yugoslavia"),
    "DD": ("DDR", "East Germany"),
    "CS": ("CSK", "Czechoslovakia"),
}
EXTRA_STATES = {"XK": ("XKX", "Kosovo")}


def english_name(code: str, fallback: str) -> str:
    name = Locale("en").territories.get(code) or fallback
    return re.sub(r"\s*\(.*\)$", "", name)  # "Myanmar (Burma)" -> "Myanmar"


def load_countries(apps, schema_editor):
    Country = apps.get_model("events", "Country")
    locales = {language: Locale(language) for language in NAME_LANGUAGES}
    rows = []
    for country in pycountry.countries:
        code = country.alpha_2
        fallback = getattr(country, "common_name", None) or country.name
        names = {
            language: locale.territories[code]
            for language, locale in locales.items()
            if code in locale.territories
        }
        rows.append(
            Country(code=code, alpha3=country.alpha_3, name=english_name(code, fallback), names=names)
        )
    for code, (alpha3, name) in {**FORMER_STATES, **EXTRA_STATES}.items():
        names = {
            language: locale.territories[code]
            for language, locale in locales.items()
            if code in locale.territories
        }
        names.setdefault("en", name)
        rows.append(Country(code=code, alpha3=alpha3, name=english_name(code, name), names=names))
    existing = set(Country.objects.values_list("code", flat=True))
    Country.objects.bulk_create([row for row in rows if row.code not in existing])


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [migrations.RunPython(load_countries, migrations.RunPython.noop)]
