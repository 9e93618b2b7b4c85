"""Who may become a new actor: only spans that show they are a person's name, cut clean.

Every sentence here is invented. Names are checked as the cast holds them; `names` lists every
person found, so a junk span ("Food", "Siber") shows up as an extra name.
"""

import pytest

from events.extraction.people import ActorDirectory
from events.extraction.types import KnownActor
from tests.extraction.test_persons import describe, find

DIRECTORY = ActorDirectory(
    (
        KnownActor(key="fahd", name="Fahd bin Abdulaziz", country="SA", aliases=("King Fahd",)),
        KnownActor(key="roe", name="Jane Q. R. Roe", country="CA"),
        KnownActor(key="austin", name="Lloyd Austin", country="US"),
        KnownActor(key="prabowo", name="Prabowo Subianto", country="ID", aliases=("Prabowo",)),
    )
)


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        pytest.param(
            "en",
            "Ghana's Minister of Food Security, Fisheries and Rural Development Kwame Asante "
            "met Chinese Commerce Minister Liu Peng in Accra.",
            {"Kwame Asante": ("GH", None), "Liu Peng": ("CN", None)},
            id="portfolio-words-belong-to-the-office",
        ),
        pytest.param(
            "en",
            "Kenya's Minister of Foreign AffairsAmos Kiprono flew to Oslo to meet Norwegian "
            "Foreign Minister Ingrid Dahl.",
            {"Amos Kiprono": ("KE", None), "Ingrid Dahl": ("NO", None)},
            id="a-word-glued-to-the-front-of-a-name",
        ),
        pytest.param(
            "en",
            "Chilean Foreign Minister Alberto arrived in Lima on Tuesday for talks with Peruvian "
            "Foreign Minister Rosa Quispe.",
            {"Rosa Quispe": ("PE", None)},
            id="a-bare-given-name-is-no-new-person",
        ),
        pytest.param(
            "en",
            "Chilean Foreign Minister Alberto Vargas arrived in Lima. Foreign Minister Alberto "
            "then met Peruvian Foreign Minister Rosa Quispe.",
            {"Alberto Vargas": ("CL", None), "Rosa Quispe": ("PE", None)},
            id="a-bare-given-name-resolves-to-the-full-name",
        ),
        pytest.param(
            "en",
            "Saudi Arabia's King Fahd received Jordan's Prince Hamid in Riyadh on Sunday.",
            {"Fahd bin Abdulaziz": ("SA", "fahd"), "Prince Hamid": ("JO", None)},
            id="royals-go-by-one-name-and-title",
        ),
        pytest.param(
            "en",
            "Canadian Foreign Minister Jane QR Roe met Chinese Defence Minister Wei Jun in "
            "Singapore on Friday.",
            {"Jane Q. R. Roe": ("CA", "roe"), "Wei Jun": ("CN", None)},
            id="initials-and-a-month-named-surname",
        ),
        pytest.param(
            "en",
            "U.S. Defense Secretary Lloyd Austin met Japanese Defence Minister Taro Kono.",
            {"Lloyd Austin": ("US", "austin"), "Taro Kono": ("JP", None)},
            id="a-town-that-is-a-surname",
        ),
        pytest.param(
            "en",
            "Visitors included Pedro Alves, Brazilian Deputy Minister Ana Souza, and Mexican "
            "Senator Luis Ortega.",
            {"Ana Souza": ("BR", None), "Luis Ortega": ("MX", None)},
            id="an-apposition-title-that-introduces-the-next-name",
        ),
        pytest.param(
            "id",
            "Menteri Pendidikan Dasar dan Menengah Singapura Tan Wei Ming bertemu Menteri "
            "Perindustrian Agus Wirawan di Jakarta.",
            {"Tan Wei Ming": ("SG", None), "Agus Wirawan": (None, None)},
            id="id-portfolio-words-and-a-possessive-country",
        ),
        pytest.param(
            "id",
            "Panglima TNI Jenderal Agus Wirawan bertemu Kepala Staf Gabungan Jepang Jenderal "
            "Kenji Sato di Tokyo.",
            {"Agus Wirawan": (None, None), "Kenji Sato": ("JP", None)},
            id="id-an-acronym-after-a-title-belongs-to-the-office",
        ),
        pytest.param(
            "id",
            "Duta Besar Keamanan Siber Jepang Kenji Sato bertemu Menteri Luar Negeri Sugiarto "
            "di Jakarta.",
            {"Kenji Sato": ("JP", None), "Sugiarto": (None, None)},
            id="id-an-office-field-before-a-country-and-a-one-word-name",
        ),
        pytest.param(
            "id",
            "Presiden Prabowo Subianto tiba di Kuala Lumpur. Selain Menhan Malaysia, Prabowo "
            "juga disambut Dato Seri Ahmad Zaki.",
            {"Prabowo Subianto": ("ID", "prabowo"), "Ahmad Zaki": (None, None)},
            id="id-a-title-across-a-comma-is-someone-elses",
        ),
        pytest.param(
            "id",
            "Setelahnya, Menteri Luar Negeri Australia Jane Cole tiba di Jakarta.",
            {"Jane Cole": ("AU", None)},
            id="id-a-sentences-first-word-is-no-one-word-name",
        ),
        pytest.param(
            "en",
            "Talks in Oslo brought together the Kenyan Ambassador to Norway Amos Kiprono and "
            "the Danish High Commissioner to Ghana HE Lars Holm.",
            {"Amos Kiprono": ("KE", None), "Lars Holm": ("DK", None)},
            id="a-diplomats-posting-is-not-their-country",
        ),
        pytest.param(
            "id",
            "Duta Besar Jepang untuk Indonesia Kenji Sato bertemu Menteri Luar Negeri Sugiarto.",
            {"Kenji Sato": ("JP", None), "Sugiarto": (None, None)},
            id="id-a-diplomats-posting-is-not-their-country",
        ),
        pytest.param(
            "en",
            "Chilean Foreign Minister Rosa Quispe met the vice-chairman of the Peruvian Coastal "
            "Fisheries Conference in Lima, then prayed at the Sultan Harun Grand Mosque.",
            {"Rosa Quispe": ("CL", None)},
            id="words-before-a-body-or-building-word-are-no-person",
        ),
        pytest.param(
            "id",
            "Ketua Umum Partai Maju Sejahtera bertemu Menteri Sains di Jakarta. Ia membahas "
            "sains dan teknologi bersama Menteri Luar Negeri Hanif.",
            {"Hanif": (None, None)},
            id="id-one-word-names-need-more-than-a-title",
        ),
        pytest.param(
            "en",
            "Britain's Minister for the Caribbean, Catherine West, flew to Kingston on Monday.",
            {"Catherine West": ("GB", None)},
            id="an-everyday-word-as-surname-after-a-given-name",
        ),
        pytest.param(
            "en",
            "Canada's Minister of Trade, Tourism and Co-operative Development Paul Girard met "
            "the global trade envoy. Global Paul Girard said little.",
            {"Paul Girard": ("CA", None)},
            id="a-list-of-portfolios-and-an-everyday-word-before-a-given-name",
        ),
    ],
)
def test_only_person_names_become_people(language, body, expected):
    doc, people = find(language, "", body, DIRECTORY)
    found = {p.name: (p.country, p.known.key if p.known else None) for p in people.persons}
    assert found == expected, describe(doc, people)


def test_the_chair_of_a_countrys_own_body_is_an_official():
    _, people = find(
        "en",
        "",
        "President Rosa Quispe met Li Wenhua, vice-chairperson of the Chinese National Water "
        "Council, and Amos Kiprono, commissioner of the regional trade bloc.",
        DIRECTORY,
    )
    found = {p.name: (p.country, p.official) for p in people.persons}
    assert found["Li Wenhua"] == ("CN", True)
    assert found["Amos Kiprono"] == (None, False)


def test_an_indonesian_reporter_abroad_still_writes_of_indonesian_ministers():
    _, people = find(
        "id",
        "",
        "Tokyo (ANTARA) - Menteri Perdagangan Agus Wirawan bertemu Menteri Luar Negeri Jepang "
        "Kenji Sato di Tokyo, Senin.",
        DIRECTORY,
    )
    found = {p.name: p.country for p in people.persons}
    assert found == {"Agus Wirawan": "ID", "Kenji Sato": "JP"}
