# French and Russian text: the ’ and the Cyrillic letters are meant.
"""The French and Russian lexicons (`lexicons/fr.toml`, `lexicons/ru.toml`).

Well-formed and shaped like the English lexicon, and read by the engine's own classes as
intended: dates, titles, meeting words and status cues found in sentences written here.
"""

import datetime as dt
import tomllib
from functools import cache
from pathlib import Path

import pytest

from events.extraction.names import fold

LEXICON_DIR = Path(__file__).resolve().parents[2] / "events" / "extraction" / "lexicons"
LANGUAGES = ("fr", "ru")
RANKS = {
    "head",
    "minister",
    "deputy",
    "diplomat",
    "military",
    "royal",
    "legislator",
    "party",
    "organisation",
    "courtesy",
    "other",
}
# Tables whose keys are settings (the same in every language), not words.
SCHEMA_TABLES = ("meta", "dates", "triggers", "cues", "people", "places")
NEEDS_LISTS = ("call_needs_person", "needs_person_object", "needs_place")
REFERENCE = dt.date(2018, 7, 10)  # a Tuesday


@cache
def raw(language: str) -> dict:
    with (LEXICON_DIR / f"{language}.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def tokenizer(language: str):
    import spacy

    return spacy.blank(language).tokenizer


def joined_keys(language: str, phrase: str) -> str:
    """A phrase as the engine writes a matched trigger: folded tokens joined by spaces."""
    return " ".join(fold(token.text) for token in tokenizer(language)(phrase))


# --- shape ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_has_every_table_and_setting_of_the_english_lexicon(language):
    english, data = raw("en"), raw(language)
    assert set(english) <= set(data), f"{language} lacks {set(english) - set(data)}"
    for table in SCHEMA_TABLES:
        missing = set(english.get(table, {})) - set(data[table])
        assert not missing, f"{language} [{table}] lacks {sorted(missing)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_meta_describes_the_language(language):
    meta = raw(language)["meta"]
    assert meta["spacy"] == language
    assert meta["capitalized_adjectives"] is False
    assert meta.get("script") == ("cyrillic" if language == "ru" else None)
    assert raw(language)["dates"]["weekdays_capitalized"] is False
    assert raw(language)["dates"]["months_capitalized"] is False
    assert raw(language)["dates"]["numeric_order"] == "dmy"


@pytest.mark.parametrize("language", LANGUAGES)
def test_titles_have_known_ranks(language):
    titles = raw(language)["titles"]
    assert len(titles) > 50
    bad = {title: rank for title, rank in titles.items() if rank not in RANKS}
    assert not bad, bad


@pytest.mark.parametrize("language", LANGUAGES)
def test_months_and_weekdays_cover_the_calendar(language):
    data = raw(language)
    assert set(data["months"].values()) == set(range(1, 13))
    assert set(data["weekdays"].values()) == set(range(7))
    assert all(isinstance(value, int) for value in data["numbers"].values())
    assert all(1 < value <= 10 for value in data["numbers"].values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_relative_dates_are_well_formed(language):
    for phrase, spec in raw(language)["relative"].items():
        unit, offset = spec.split(":")
        assert unit in {"day", "week", "weekend", "month", "year"}, phrase
        int(offset)


@pytest.mark.parametrize("language", LANGUAGES)
def test_restricted_triggers_name_listed_triggers(language):
    """needs_place & co. name triggers, compared as the engine tokenizes both."""
    triggers = raw(language)["triggers"]
    written = {
        joined_keys(language, phrase)
        for kind in ("visit", "meeting", "call", "multilateral")
        for phrase in triggers[kind]
    }
    for name in NEEDS_LISTS:
        strays = {entry for entry in triggers[name] if joined_keys(language, entry) not in written}
        assert not strays, f"{language} triggers.{name}: {strays} match no trigger as tokenized"


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_have_no_blank_or_duplicate_entries(language):
    data = raw(language)
    for table in ("triggers", "cues", "people", "places", "dates"):
        for name, value in data[table].items():
            if not isinstance(value, list):
                continue
            assert all(isinstance(v, str) and v == v.strip() and v for v in value), (table, name)
            duplicates = {v for v in value if value.count(v) > 1}
            assert not duplicates, f"{language} [{table}].{name} repeats {duplicates}"


# --- through the engine -----------------------------------------------------------------------


@cache
def engine(language: str):
    try:
        from events.extraction.resources import for_language

        return for_language(language)
    except Exception as error:  # the places files are another helper's work
        pytest.skip(f"{language} resources cannot be built yet: {error!r}")


def has_places_file(language: str) -> bool:
    return (LEXICON_DIR / f"{language}.places.toml").exists()


def read(language: str, text: str):
    from events.extraction.annotate import annotate
    from events.extraction.document import read as read_document

    resources = engine(language)
    doc = read_document("", text, resources.lexicon["meta"]["spacy"])
    return resources, doc, annotate(doc, resources)


def dates_in(language: str, text: str, tense=None):
    resources, doc, _ = read(language, text)
    found = resources.dates.find(doc, 0, len(doc.tokens))
    return [
        (
            doc.span_text(expression.start, expression.end),
            resources.dates.is_event_date(doc, expression),
            resources.dates.resolve(expression, reference=REFERENCE, tense=tense),
        )
        for expression in found
    ]


@pytest.mark.parametrize(
    ("written", "plain"),
    [("le 15 août 2025", "le 15 aout 2025"), ("l’année dernière", "l'annee derniere")],
)
def test_french_date_words_are_read_whatever_their_accents_and_apostrophes(written, plain):
    found = [resolved for _, _, resolved in dates_in("fr", written)]
    assert found, written
    assert found == [resolved for _, _, resolved in dates_in("fr", plain)]


def only_date(language: str, text: str, tense=None):
    found = dates_in(language, text, tense)
    assert len(found) == 1, found
    return found[0]


def labels(mentions) -> list[tuple[str, str]]:
    return [(mention.text, mention.label) for mention in mentions]


LEAD = {"fr": "Selon le", "ru": "Как сказал"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_title_holds_a_place_name(language):
    """The engine drops a title that overlaps a place ("Sri" in "Sri Lanka"): a title with a
    country or an organisation in it ("председатель КНР") would never be found."""
    resources = engine(language)
    from events.extraction.annotate import annotate
    from events.extraction.document import read as read_document

    def as_news(title: str) -> str:  # proper nouns are capitalised in running text
        words = title.split()
        return " ".join(word[:1].upper() + word[1:] if len(word) > 3 else word for word in words)

    holding = []
    for title in resources.lexicon["titles"]:
        doc = read_document("", f"{LEAD[language]} {as_news(title)} .", language)
        ann = annotate(doc, resources)
        if any(place.label != "city" for place in ann.places):
            holding.append(title)
    assert not holding, holding


def test_french_visit_announcement():
    resources, doc, ann = read(
        "fr",
        "La ministre des Affaires étrangères, Catherine Vautrin, est attendue à Alger "
        "le 16 juillet prochain.",
    )
    assert ("est attendue", "visit") in labels(ann.triggers)
    assert ("ministre des affaires etrangeres", "minister") in labels(ann.titles)
    assert ("attendue", "planned") in labels(ann.cues)
    assert ("prochain", "planned") in labels(ann.cues)
    [date] = resources.dates.find(doc, 0, len(doc.tokens))
    assert doc.span_text(date.start, date.end) == "16 juillet"
    resolved = resources.dates.resolve(date, reference=REFERENCE, tense="future")
    assert resolved.start == dt.date(2018, 7, 16)
    assert resources.dates.is_event_date(doc, date)
    assert "est attendue" in resources.needs_place


def test_french_titles_and_counterparts():
    _, _, ann = read(
        "fr",
        "Le Premier ministre indien et le chef de l’État français ont reçu M. Dupont, "
        "ambassadeur, et le secrétaire général de l'ONU.",
    )
    found = labels(ann.titles)
    assert ("premier ministre", "head") in found
    assert ("chef de l' etat", "head") in found
    assert ("m.", "courtesy") in found
    assert ("ambassadeur", "diplomat") in found
    assert ("secretaire general", "organisation") in found
    assert "homologue" in engine("fr").counterpart


def test_french_triggers_by_kind():
    _, _, ann = read(
        "fr",
        "Il s’est rendu à Moscou. Elle s'est entretenue par téléphone avec lui. "
        "Le sommet du G20 s’ouvre, et en marge du sommet une rencontre est prévue.",
    )
    found = labels(ann.triggers)
    assert ("s' est rendu", "visit") in found
    assert ("s' est entretenue", "meeting") in found
    assert ("par telephone", "call") in found
    assert ("sommet", "multilateral") in found
    assert ("rencontre", "meeting") in found
    assert labels(ann.sidelines) == [("en marge", "sidelines")]
    assert "s' est rendu" in engine("fr").needs_place  # tokens: s' | est | rendu


def test_french_phrases_that_are_no_encounter():
    _, _, ann = read(
        "fr",
        "Lors d’une conférence de presse, il a lancé un appel au calme. Il se rend compte "
        "que le parti est arrivé en tête. Les deux pays se rencontreront à nouveau.",
    )
    assert labels(ann.triggers) == [("se rencontreront", "meeting")]
    resources, doc, _ = read("fr", "Ils se reverront à nouveau.")
    keys, texts = [t.key for t in doc.tokens], [t.text for t in doc.tokens]
    assert [(m.start, m.end) for m in resources.repeat.find(keys, texts)] == [(3, 5)]
    assert "pays" in resources.many_countries
    assert {"et", "mais"} <= resources.dates.clause_breaks


def test_french_status_cues():
    _, _, ann = read(
        "fr",
        "La visite a été annulée. La réunion n’a pas eu lieu. Une éventuelle rencontre. "
        "Le sommet s'est tenu à Paris. Il est actuellement en visite.",
    )
    cues = labels(ann.cues)
    assert ("annulee", "cancelled") in cues
    assert ("n' a pas eu lieu", "cancelled") in cues
    assert ("eventuelle", "hypothetical") in cues
    assert ("s' est tenu", "past") in cues
    assert ("actuellement", "present") in cues


def test_french_dates():
    text, event, resolved = only_date("fr", "Ils se verront du 14 au 16 août.")
    assert text == "14 au 16 août" and event
    assert (resolved.start, resolved.end) == (dt.date(2018, 8, 14), dt.date(2018, 8, 16))

    _, event, _ = only_date("fr", "Il est en poste depuis le 3 mai.")
    assert not event

    text, _, resolved = only_date("fr", "Il viendra à la mi-juillet.")
    assert text == "mi-juillet" and resolved.precision == "month"
    assert resolved.start == dt.date(2018, 7, 1)

    _, _, resolved = only_date("fr", "Ils se sont vus la semaine dernière.")
    assert resolved.start == dt.date(2018, 7, 2) and resolved.end == dt.date(2018, 7, 8)

    _, _, resolved = only_date("fr", "Elle l’a reçu l’année dernière.")
    assert (resolved.start, resolved.precision) == (dt.date(2017, 1, 1), "year")

    _, _, resolved = only_date("fr", "Ils se parlent aujourd'hui.")
    assert resolved.start == REFERENCE

    _, _, resolved = only_date("fr", "Ils se sont parlé vendredi dernier.")
    assert resolved.start == dt.date(2018, 7, 6)

    _, _, resolved = only_date("fr", "Rencontre le 1er février 2019.")
    assert resolved.start == dt.date(2019, 2, 1)

    resources, doc, _ = read("fr", "une visite officielle de trois jours")
    assert resources.dates.durations(doc, 0, len(doc.tokens)) == 3


def test_russian_meeting_announcement():
    resources, doc, ann = read(
        "ru",
        "Президент Франции Эмманюэль Макрон проведет встречу с премьер-министром Японии "
        "Фумио Кисидой 13 июля.",
    )
    assert ("проведет встречу", "meeting") in labels(ann.triggers)
    assert labels(ann.titles) == [("президент", "head"), ("премьер - министром", "head")]
    assert ("проведет", "planned") in labels(ann.cues)
    [date] = resources.dates.find(doc, 0, len(doc.tokens))
    assert doc.span_text(date.start, date.end) == "13 июля"
    resolved = resources.dates.resolve(date, reference=REFERENCE, tense=None)
    assert resolved.start == dt.date(2018, 7, 13) and resolved.precision == "day"
    if has_places_file("ru"):
        places = [mention.place.country for mention in ann.places]
        assert places == ["FR", "JP"]


def test_russian_titles_are_declined():
    _, _, ann = read(
        "ru",
        "Министру иностранных дел, главой МИД, госсекретарем, генсеком ООН, королевой, "
        "заместителем министра обороны, послом, председателем КНР, г-жой, г-н.",
    )
    found = labels(ann.titles)
    assert ("министру иностранных дел", "minister") in found
    assert ("главои мид", "minister") in found
    assert ("госсекретарем", "minister") in found
    assert ("генсеком", "organisation") in found
    assert ("королевои", "royal") in found
    assert ("заместителем министра обороны", "deputy") in found
    assert ("послом", "diplomat") in found
    assert ("председателем", "head") in found  # "председателем КНР": КНР is the place
    assert ("г-н", "courtesy") in found
    assert ("г - жои", "courtesy") in found
    titles = raw("ru")["titles"]
    assert "после" not in titles  # "after", not the prepositional of "посол"


def test_russian_triggers_by_kind():
    _, _, ann = read(
        "ru",
        "Он прибыл в Пекин с визитом. Они провели телефонный разговор. На полях саммита "
        "состоялись переговоры, а также встреча министров.",
    )
    found = labels(ann.triggers)
    assert ("прибыл", "visit") in found
    assert ("с визитом", "visit") in found
    assert ("телефонныи разговор", "call") in found
    assert ("саммита", "multilateral") in found
    assert ("переговоры", "meeting") in found
    assert ("встреча министров", "multilateral") in found
    assert labels(ann.sidelines) == [("на полях", "sidelines")]
    resources = engine("ru")
    assert "прибыл" in resources.needs_place
    assert "принял" in resources.needs_person_object


def test_russian_phrases_that_are_no_encounter():
    _, _, ann = read(
        "ru",
        "На пресс-конференции он заявил, что примет участие в форуме и принял решение. "
        "Встреча с журналистами прошла вчера.",
    )
    found = labels(ann.triggers)
    assert ("форуме", "multilateral") in found
    assert all(text not in {"конференции", "примет", "принял", "встреча"} for text, _ in found)
    resources = engine("ru")
    assert {"стран", "государств"} <= resources.many_countries
    assert {"и", "но"} <= resources.dates.clause_breaks


def test_russian_status_cues():
    _, _, ann = read(
        "ru",
        "Визит был отложен. Встреча не состоялась. Возможная встреча. Переговоры "
        "запланированы. Сейчас он находится с визитом. Саммит состоялся ранее.",
    )
    cues = labels(ann.cues)
    assert ("отложен", "postponed") in cues
    assert ("не состоялась", "cancelled") in cues
    assert ("возможная", "hypothetical") in cues
    assert ("запланированы", "planned") in cues
    assert ("сеичас", "present") in cues
    assert ("состоялся", "past") in cues


def test_russian_dates():
    text, event, resolved = only_date("ru", "Переговоры пройдут с 16 по 18 мая 2019 года.")
    assert text == "16 по 18 мая 2019" and event
    assert (resolved.start, resolved.end) == (dt.date(2019, 5, 16), dt.date(2019, 5, 18))

    _, event, _ = only_date("ru", "Срок продлен до 15 января.")
    assert not event

    _, _, resolved = only_date("ru", "Встреча прошла в прошлую пятницу.")
    assert resolved.start == dt.date(2018, 7, 6)

    _, _, resolved = only_date("ru", "Он приедет в среду.", tense="future")
    assert resolved.start == dt.date(2018, 7, 11)

    _, _, resolved = only_date("ru", "Они встречались на прошлой неделе.")
    assert resolved.start == dt.date(2018, 7, 2)

    _, _, resolved = only_date("ru", "Саммит пройдет в мае.", tense="future")
    assert (resolved.start, resolved.precision) == (dt.date(2019, 5, 1), "month")

    _, _, resolved = only_date("ru", "Визит состоялся накануне.")
    assert resolved.start == dt.date(2018, 7, 9)

    resources, doc, _ = read("ru", "визит продолжительностью три дня")
    assert resources.dates.durations(doc, 0, len(doc.tokens)) == 3
    resources, doc, _ = read("ru", "двух-дневный визит")
    assert resources.dates.durations(doc, 0, len(doc.tokens)) == 2


def test_russian_counterpart_and_pronouns():
    resources = engine("ru")
    assert {"коллегои", "визави"} <= resources.counterpart
    assert {"он", "еи"} <= resources.pronouns
