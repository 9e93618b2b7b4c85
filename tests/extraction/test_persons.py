"""Officials in an article: find_people on a document read as engine.extract reads it.

Each case names some persons the article mentions and what should be known of them: their
country, whether they count as officials (only officials take part in meetings), the known
actor they resolve to, and every mention of them (by full name, part of it, or a title alone).
"""

import datetime as dt

import pytest

from events.extraction.annotate import annotate
from events.extraction.dateline import read_dateline
from events.extraction.document import read
from events.extraction.persons import People, Person, find_people
from events.extraction.resources import for_language

PUBLISHED = dt.date(2026, 1, 30)
JAKARTA = "Jakarta, CNN Indonesia -- "


def find(language: str, title: str, body: str, actors):
    """The document and its people, built the way engine.extract builds them."""
    resources = for_language(language)
    doc = read(title, body, resources.lexicon["meta"]["spacy"])
    annotations = annotate(doc, resources)
    dateline = read_dateline(doc, resources, PUBLISHED)
    return doc, find_people(
        doc, annotations, resources, actors, dateline.country, dateline.reference
    )


def describe(doc, people: People) -> str:
    return "\n".join(
        f"{p.name!r} country={p.country} title={p.title!r} rank={p.rank} official={p.official} "
        f"known={p.known.key if p.known else None} "
        f"mentions={[doc.span_text(m.start, m.end) for m in p.mentions]}"
        for p in people.persons
    )


def person(doc, people: People, name: str) -> Person:
    """The one person whose name contains `name`."""
    found = [p for p in people.persons if name in p.name]
    assert len(found) == 1, f"{name!r} in:\n{describe(doc, people)}"
    return found[0]


def summary(doc, p: Person, expected: dict) -> dict:
    found = {
        "name": p.name,
        "country": p.country,
        "official": p.official,
        "rank": p.rank,
        "known": p.known.key if p.known else None,
        "mentions": [
            doc.span_text(m.start, m.end) for m in sorted(p.mentions, key=lambda m: m.start)
        ],
    }
    return {key: found[key] for key in expected}


CASES = [
    # --- English ---
    pytest.param(
        "en",
        "",
        "Russian President Vladimir Putin met Indonesian President Prabowo Subianto in Moscow. "
        "Putin praised the Indonesian leader for his country's neutrality.",
        {
            "Vladimir Putin": {
                "country": "RU",
                "official": True,
                "rank": "head",
                "mentions": ["Vladimir Putin", "Putin"],
            },
            "Prabowo": {
                "name": "Prabowo Subianto",
                "country": "ID",
                "known": "prabowo-subianto",
                "mentions": ["Prabowo Subianto", "Indonesian leader"],
            },
        },
        id="en-title-surname-and-the-leader",
    ),
    pytest.param(
        "en",
        "",
        "Abbas Araghchi, Iran's foreign minister, met his Indian counterpart Subrahmanyam "
        "Jaishankar in New Delhi. Araghchi later met Indian Prime Minister Narendra Modi.",
        {
            "Araghchi": {
                "name": "Abbas Araghchi",
                "country": "IR",
                "official": True,
                "mentions": ["Abbas Araghchi", "Araghchi"],
            },
            "Jaishankar": {"country": "IN", "official": True},
            "Modi": {"country": "IN", "official": True, "rank": "head"},
        },
        id="en-apposition-and-counterpart",
    ),
    pytest.param(
        "en",
        "",
        "King Salman of Saudi Arabia received Pakistani Prime Minister Shehbaz Sharif in Riyadh. "
        "Sharif thanked the Saudi leader for his support.",
        {
            "Salman": {"country": "SA", "official": True, "mentions": ["Salman", "Saudi leader"]},
            "Sharif": {
                "name": "Shehbaz Sharif",
                "country": "PK",
                "mentions": ["Shehbaz Sharif", "Sharif"],
            },
        },
        id="en-king-of-country-and-the-saudi-leader",
    ),
    pytest.param(
        "en",
        "",
        "Turkish President Erdogan received Xi in Ankara on Tuesday.",
        {
            "Erdo": {
                "name": "Recep Tayyip Erdoğan",
                "country": "TR",
                "known": "recep-tayyip-erdogan",
            },
            "Xi": {"name": "Xi Jinping", "country": "CN", "known": "xi-jinping"},
        },
        id="en-known-actors-by-alias-without-diacritics",
    ),
    pytest.param(
        "en",
        "",
        "Syria's President Ahmad al-Sharaa arrived in Ankara on Monday. Turkish President "
        "Recep Tayyip Erdoğan welcomed Sharaa at the airport.",
        {
            "Sharaa": {
                "country": "SY",
                "known": "ahmed-al-sharaa",
                "mentions": ["Ahmad al-Sharaa", "Sharaa"],
            },
        },
        id="en-known-actor-transliterated",
    ),
    pytest.param(
        "en",
        "ERDOGAN WELCOMES SYRIA'S AL-SHARAA IN ANKARA",
        "Turkish President Recep Tayyip Erdoğan welcomed Syrian President Ahmed al-Sharaa in "
        "Ankara on Monday.",
        {
            "Erdo": {
                "known": "recep-tayyip-erdogan",
                "mentions": ["ERDOGAN", "Recep Tayyip Erdoğan"],
            },
            "Sharaa": {"known": "ahmed-al-sharaa", "mentions": ["SHARAA", "Ahmed al-Sharaa"]},
        },
        id="en-surnames-in-a-shouted-headline",
    ),
    pytest.param(
        "en",
        "",
        "Sri Lanka's Foreign Minister Vijitha Herath met U.S. Secretary of State Marco Rubio in "
        "Washington. Rubio praised the reforms.",
        {
            "Herath": {"name": "Vijitha Herath", "country": "LK", "official": True},
            "Rubio": {
                "name": "Marco Rubio",
                "country": "US",
                "official": True,
                "mentions": ["Marco Rubio", "Rubio"],
            },
        },
        id="en-Sri-Lanka-and-Marco-Rubio",
    ),
    pytest.param(
        "en",
        "",
        "U.S. Treasury Secretary Scott Bessent met Chinese Vice Premier He Lifeng in Geneva.",
        {"Lifeng": {"name": "He Lifeng", "country": "CN", "official": True}},
        id="en-surname-He",
    ),
    pytest.param(
        "en",
        "",
        "Turkish Foreign Minister Hakan Fidan met his Greek and Cypriot counterparts, Giorgos "
        "Gerapetritis and Constantinos Kombos, in Brussels.",
        {
            "Gerapetritis": {"country": "GR", "official": True},
            "Kombos": {"country": "CY", "official": True},
        },
        id="en-counterparts-in-order",
    ),
    pytest.param(
        "en",
        "",
        "UAE President Mohamed bin Zayed and Foreign Minister Abdullah bin Zayed arrived in Paris "
        "on Monday.",
        {
            "Mohamed bin Zayed": {"country": "AE", "official": True},
            "Abdullah bin Zayed": {"country": "AE", "official": True},
        },
        id="en-delegation-shares-a-country",
    ),
    pytest.param(
        "en",
        "",
        "NEW DELHI, Jan 29 (Reuters) - Prime Minister Narendra Modi met Japanese Foreign "
        "Minister Takeshi Iwaya on Thursday.",
        {
            "Modi": {"country": "IN", "official": True},
            "Iwaya": {"country": "JP", "official": True},
        },
        id="en-home-country-from-the-dateline",
    ),
    pytest.param(
        "en",
        "",
        "Nvidia chief executive Jensen Huang met Indian Prime Minister Narendra Modi. Foreign "
        "ministry spokesman Randhir Jaiswal said the talks were fruitful.",
        {
            "Huang": {"official": False},
            "Jaiswal": {"official": False},
            "Modi": {"official": True},
        },
        id="en-company-chief-and-spokesman-are-not-officials",
    ),
    pytest.param(
        "en",
        "",
        "UN Secretary-General Antonio Guterres met Egyptian President Abdel Fattah el-Sisi in "
        "Cairo.",
        {"Guterres": {"official": False}, "Sisi": {"country": "EG", "official": True}},
        id="en-organisation-official",
    ),
    # --- Indonesian ---
    pytest.param(
        "id",
        "",
        "Presiden Rusia Vladimir Putin menerima Presiden Prabowo Subianto di Kremlin. Pemimpin "
        "Rusia itu memuji Indonesia sebagai mitra penting.",
        {
            "Putin": {
                "name": "Vladimir Putin",
                "country": "RU",
                "rank": "head",
                "mentions": ["Vladimir Putin", "Pemimpin Rusia"],
            },
            "Prabowo": {"country": "ID", "known": "prabowo-subianto"},
        },
        id="id-Presiden-Rusia-and-Pemimpin-Rusia-itu",
    ),
    pytest.param(
        "id",
        "",
        JAKARTA + "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Jepang Yoko "
        "Kamikawa di Tokyo. Menlu Retno menyampaikan undangan Presiden Joko Widodo.",
        {
            "Retno": {
                "name": "Retno Marsudi",
                "country": "ID",
                "official": True,
                "mentions": ["Retno Marsudi", "Retno"],
            },
            "Kamikawa": {"country": "JP", "official": True},
            "Joko Widodo": {"country": "ID", "official": True},
        },
        id="id-Menlu-Retno-and-home-country",
    ),
    pytest.param(
        "id",
        "",
        "Perdana Menteri Malaysia Najib Razak tiba di Jakarta. PM Najib disambut Presiden Joko "
        "Widodo di Istana Merdeka.",
        {
            "Najib": {
                "name": "Najib Razak",
                "country": "MY",
                "rank": "head",
                "mentions": ["Najib Razak", "Najib"],
            }
        },
        id="id-PM-Najib",
    ),
    pytest.param(
        "id",
        "",
        "Presiden Suriah Ahmed al-Sharaa tiba di Ankara. Presiden Turki Recep Tayyip Erdogan "
        "menyambut Al-Sharaa di bandara.",
        {
            "Sharaa": {
                "country": "SY",
                "known": "ahmed-al-sharaa",
                "mentions": ["Ahmed al-Sharaa", "Al-Sharaa"],
            },
            "Erdo": {"country": "TR", "known": "recep-tayyip-erdogan"},
        },
        id="id-known-actors-and-later-mention",
    ),
    pytest.param(
        "id",
        "",
        "Presiden Turki Recep Tayyip Erdoğan menerima Presiden Suriah Ahmad al-Sharaa di Ankara.",
        {"Sharaa": {"country": "SY", "known": "ahmed-al-sharaa"}},
        id="id-known-actor-transliterated",
    ),
    pytest.param(
        "id",
        "",
        JAKARTA + "Menteri Luar Negeri Sugiono bertemu mitranya dari Jepang, Takeshi Iwaya, di "
        "Tokyo.",
        {
            "Sugiono": {"country": "ID", "official": True},
            "Iwaya": {"name": "Takeshi Iwaya", "country": "JP", "official": True},
        },
        id="id-mitranya-dari-Jepang",
    ),
    pytest.param(
        "id",
        "",
        JAKARTA + "Juru bicara Kementerian Luar Negeri Rolliansyah Soemirat mengatakan Menlu "
        "Sugiono akan bertemu Menlu Singapura Vivian Balakrishnan.",
        {
            "Soemirat": {"official": False},
            "Sugiono": {"country": "ID", "official": True},
            "Balakrishnan": {"country": "SG", "official": True},
        },
        id="id-juru-bicara-is-not-an-official",
    ),
]


@pytest.mark.parametrize(("language", "title", "body", "expected"), CASES)
def test_people(actors, language, title, body, expected):
    doc, people = find(language, title, body, actors)
    for name, wanted in expected.items():
        found = person(doc, people, name)
        assert summary(doc, found, wanted) == wanted, describe(doc, people)


@pytest.mark.parametrize(
    ("language", "body", "name"),
    [
        pytest.param(
            "en",
            "Nvidia chief executive Jensen Huang visited Beijing and met Chinese Vice Premier "
            "He Lifeng.",
            "Huang",
            id="en-chief-executive",
        ),
        pytest.param(
            "id",
            JAKARTA + "CEO Nvidia Jensen Huang bertemu Presiden Prabowo Subianto di Jakarta.",
            "Huang",
            id="id-CEO",
        ),
    ],
)
def test_company_chief_is_no_official(actors, language, body, name):
    doc, people = find(language, "", body, actors)
    assert not any(name in p.name and p.official for p in people.persons), describe(doc, people)


def test_mentions_point_into_the_text(actors):
    title = "Erdogan hosts Syrian leader"
    body = (
        "Turkish President Recep Tayyip Erdoğan hosted Syrian President Ahmed al-Sharaa in "
        "Ankara. Erdogan said the Syrian leader was welcome."
    )
    doc, people = find("en", title, body, actors)
    for p in people.persons:
        for mention in p.mentions:
            assert doc.span_text(mention.start, mention.end).strip()
            assert doc.tokens[mention.start].sentence == mention.sentence
    sharaa = person(doc, people, "Sharaa")
    assert "Syrian leader" in [doc.span_text(m.start, m.end) for m in sharaa.mentions]


def test_a_title_before_and_belongs_to_the_name_before_it(extract_en):
    result = extract_en(
        "Talks in Muscat",
        "The talks in Muscat on April 12 involved Abbas Araghchi, Iran's foreign minister, and "
        "Steve Witkoff, the US special envoy.",
        published="2025-04-15",
    )
    people = {p.name: p.country for m in result.meetings for p in m.participants}
    assert people == {"Abbas Araghchi": "IR", "Steve Witkoff": "US"}
