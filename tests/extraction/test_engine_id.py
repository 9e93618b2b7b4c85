"""The engine on Indonesian news: places, people, meetings, dates, status and evidence.

Each case is a short article written for the test (publication date Friday 30 January 2026
unless given), most with the dateline Indonesian news opens with ("Jakarta, CNN Indonesia --"),
and the facts a labeller would record for it under the labelling guidelines
(/work/shared/eval/GUIDELINES.md). Only the fields a case names are compared.
"""

import pytest

from events.extraction.types import ExtractionResult, MeetingFinding

PUBLISHED = "2026-01-30"  # a Friday (Jumat)
JAKARTA = "Jakarta, CNN Indonesia -- "


def describe(result: ExtractionResult) -> str:
    """A compact account of what the engine found, for failure messages."""
    if not result.meetings:
        return "no meetings"
    lines = []
    for m in result.meetings:
        people = ", ".join(f"{p.name} ({p.country}, {p.role})" for p in m.participants)
        lines.append(
            f"{m.kind}/{m.status} {m.start}..{m.end} [{m.precision}] at {m.city}/{m.venue_country}"
            f" countries={m.countries} people=[{people}]"
        )
    return "\n".join(lines)


def facts(meeting: MeetingFinding, expected: dict) -> dict:
    """The meeting's fields named in `expected`, shaped like it.

    participants: {name: (country, role)} for every participant;
    includes: {name: (country, role)} for some of them; known: {known_key: role};
    roles: {country: role} of the participants; dates as ISO strings; countries as a set.
    """
    people = {p.name: (p.country, p.role) for p in meeting.participants}
    found = {
        "kind": meeting.kind,
        "status": meeting.status,
        "start": meeting.start.isoformat() if meeting.start else None,
        "end": meeting.end.isoformat() if meeting.end else None,
        "precision": meeting.precision,
        "city": meeting.city,
        "venue": meeting.venue_country,
        "countries": set(meeting.countries),
        "participants": people,
        "includes": {name: people.get(name) for name in expected.get("includes", {})},
        "known": {p.known_key: p.role for p in meeting.participants if p.known_key},
        "roles": {p.country: p.role for p in meeting.participants if p.country},
    }
    return {key: found[key] for key in expected}


def single(result: ExtractionResult) -> MeetingFinding:
    assert len(result.meetings) == 1, describe(result)
    return result.meetings[0]


def check_single(result: ExtractionResult, expected: dict) -> None:
    meeting = single(result)
    assert facts(meeting, expected) == expected, describe(result)


def case(title, body, expected, id, published=PUBLISHED):
    return pytest.param(title, body, published, expected, id=id)


# --- places ----------------------------------------------------------------------------------

PLACES = [
    case(
        "Sugiono bertemu Bessent",
        JAKARTA + "Menteri Luar Negeri Sugiono bertemu Menteri Keuangan Amerika Serikat Scott "
        "Bessent di Washington, Selasa (27/1).",
        {
            "kind": "visit",
            "city": "Washington",
            "venue": "US",
            "countries": {"ID", "US"},
            "participants": {"Sugiono": ("ID", "visitor"), "Scott Bessent": ("US", "host")},
        },
        id="Amerika-Serikat",
    ),
    case(
        "Menteri Perdagangan AS ke Jakarta",
        JAKARTA + "Menteri Perdagangan AS Howard Lutnick tiba di Jakarta, Senin (26/1), untuk "
        "bertemu Menteri Koordinator Bidang Perekonomian Airlangga Hartarto.",
        {
            "kind": "visit",
            "city": "Jakarta",
            "venue": "ID",
            "countries": {"ID", "US"},
            "participants": {
                "Howard Lutnick": ("US", "visitor"),
                "Airlangga Hartarto": ("ID", "host"),
            },
        },
        id="AS",
    ),
    case(
        "Prabowo ke Korsel",
        JAKARTA + "Presiden Prabowo Subianto melakukan kunjungan kenegaraan ke Korsel pada 14-17 "
        "Januari 2026. Prabowo bertemu Presiden Korsel Lee Jae-myung di Seoul.",
        {
            "kind": "visit",
            "city": "Seoul",
            "venue": "KR",
            "countries": {"ID", "KR"},
            "participants": {
                "Prabowo Subianto": ("ID", "visitor"),
                "Lee Jae-myung": ("KR", "host"),
            },
        },
        id="Korsel",
    ),
    case(
        "Menlu Inggris ke Jakarta",
        JAKARTA + "Menteri Luar Negeri Inggris Yvette Cooper tiba di Jakarta, Senin (26/1), untuk "
        "bertemu Menlu Sugiono.",
        {
            "kind": "visit",
            "city": "Jakarta",
            "countries": {"GB", "ID"},
            "participants": {"Yvette Cooper": ("GB", "visitor"), "Sugiono": ("ID", "host")},
        },
        id="Inggris",
    ),
    case(
        "Prabowo tiba di Doha",
        JAKARTA + "Presiden Prabowo Subianto tiba di Doha, Rabu (28/1), untuk bertemu Emir Qatar "
        "Sheikh Tamim bin Hamad Al Thani.",
        {
            "kind": "visit",
            "city": "Doha",
            "venue": "QA",
            "countries": {"ID", "QA"},
            "roles": {"ID": "visitor", "QA": "host"},
        },
        id="tiba-di-Doha",
    ),
    case(
        "Putin terima Prabowo",
        JAKARTA + "Presiden Rusia Vladimir Putin menerima Presiden Prabowo Subianto di ibu kota "
        "Rusia, Kamis (29/1).",
        {
            "kind": "visit",
            "city": "Moscow",
            "venue": "RU",
            "countries": {"ID", "RU"},
            "participants": {
                "Vladimir Putin": ("RU", "host"),
                "Prabowo Subianto": ("ID", "visitor"),
            },
        },
        id="ibu-kota-Rusia",
    ),
    case(
        "Prabowo tiba di Moskow",
        JAKARTA + "Presiden Prabowo Subianto tiba di Moskow, Rabu (28/1), untuk bertemu Presiden "
        "Rusia Vladimir Putin.",
        {"kind": "visit", "city": "Moscow", "venue": "RU", "countries": {"ID", "RU"}},
        id="Moskow",
    ),
    case(
        "Menlu Sugiono ke Damaskus",
        JAKARTA + "Menteri Luar Negeri Sugiono mengunjungi Damaskus pada Senin (26/1) dan bertemu "
        "Presiden Suriah Ahmed al-Sharaa.",
        {
            "kind": "visit",
            "city": "Damascus",
            "venue": "SY",
            "countries": {"ID", "SY"},
            "roles": {"ID": "visitor", "SY": "host"},
        },
        id="Damaskus",
    ),
    case(
        "Sugiono bertemu Abdelatty",
        JAKARTA + "Menlu Sugiono bertemu Menlu Mesir Badr Abdelatty di Kairo, Kamis (29/1).",
        {
            "kind": "visit",
            "city": "Cairo",
            "venue": "EG",
            "countries": {"ID", "EG"},
            "participants": {"Sugiono": ("ID", "visitor"), "Badr Abdelatty": ("EG", "host")},
        },
        id="Kairo",
    ),
    case(
        "Putin terima Prabowo di Kremlin",
        JAKARTA + "Presiden Rusia Vladimir Putin menerima Presiden Prabowo Subianto di Kremlin, "
        "Kamis (29/1).",
        {
            "kind": "visit",
            "city": "Moscow",
            "venue": "RU",
            "participants": {
                "Vladimir Putin": ("RU", "host"),
                "Prabowo Subianto": ("ID", "visitor"),
            },
        },
        id="di-Kremlin-is-Moscow",
    ),
    case(
        "Jokowi terima Najib",
        "Presiden Joko Widodo menerima Perdana Menteri Malaysia Najib Razak di Istana Bogor, "
        "Kamis (30/11/2017).",
        {
            "kind": "visit",
            "city": "Bogor",
            "venue": "ID",
            "countries": {"ID", "MY"},
            "includes": {"Najib Razak": ("MY", "visitor")},
        },
        id="di-Istana-Bogor",
        published="2017-12-01",
    ),
    case(
        "KTT ASEAN",
        JAKARTA + "Presiden Prabowo Subianto, Perdana Menteri Malaysia Anwar Ibrahim dan Perdana "
        "Menteri Thailand Anutin Charnvirakul menghadiri KTT ASEAN di Kuala Lumpur pada Minggu "
        "(25/1).",
        {
            "kind": "multilateral",
            "start": "2026-01-25",
            "city": "Kuala Lumpur",
            "venue": "MY",
            "countries": {"ID", "MY", "TH"},
            "participants": {
                "Prabowo Subianto": ("ID", "participant"),
                "Anwar Ibrahim": ("MY", "participant"),
                "Anutin Charnvirakul": ("TH", "participant"),
            },
        },
        id="KTT-ASEAN",
    ),
    case(
        "KTT APEC",
        JAKARTA + "Presiden Prabowo Subianto dan Presiden China Xi Jinping menghadiri KTT APEC di "
        "Gyeongju, Korea Selatan, Sabtu (24/1).",
        {
            "kind": "multilateral",
            "start": "2026-01-24",
            "city": "Gyeongju",
            "venue": "KR",
            "countries": {"CN", "ID", "KR"},
        },
        id="KTT-APEC",
    ),
]


@pytest.mark.parametrize(("title", "body", "published", "expected"), PLACES)
def test_places(extract_id, title, body, published, expected):
    check_single(extract_id(title, body, published), expected)


# --- people ----------------------------------------------------------------------------------

PEOPLE = [
    case(
        "Erdogan terima al-Sharaa",
        JAKARTA + "Presiden Turki Recep Tayyip Erdogan menerima Presiden Suriah Ahmad al-Sharaa di "
        "Ankara, Senin (26/1).",
        {"known": {"recep-tayyip-erdogan": "host", "ahmed-al-sharaa": "visitor"}},
        id="known-actors-by-variant-spellings",
    ),
    case(
        "Menlu Retno ke Tokyo",
        JAKARTA + "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Jepang Yoko "
        "Kamikawa di Tokyo, Selasa (27/1). Menlu Retno menyampaikan undangan Presiden Joko Widodo.",
        {
            "participants": {
                "Retno Marsudi": ("ID", "visitor"),
                "Yoko Kamikawa": ("JP", "host"),
            }
        },
        id="Menlu-Retno-later-mention",
    ),
    case(
        "Jokowi terima PM Najib",
        "Bogor, CNN Indonesia -- Presiden Joko Widodo menerima kunjungan PM Malaysia Najib Razak "
        "di Istana Bogor, Senin (23/10). PM Najib tiba di Bogor pada Minggu.",
        {
            "city": "Bogor",
            "participants": {
                "Joko Widodo": ("ID", "host"),
                "Najib Razak": ("MY", "visitor"),
            },
        },
        id="PM-Najib",
        published="2017-10-25",
    ),
    case(
        "Sugiono bertemu mitranya",
        JAKARTA + "Menteri Luar Negeri Sugiono bertemu mitranya dari Jepang, Takeshi Iwaya, di "
        "Tokyo, Selasa (27/1).",
        {
            "kind": "visit",
            "participants": {"Sugiono": ("ID", "visitor"), "Takeshi Iwaya": ("JP", "host")},
        },
        id="mitranya-dari-Jepang",
    ),
    case(
        "Sugiono bertemu Iwaya",
        JAKARTA + "Menlu Sugiono bertemu Menlu Jepang Takeshi Iwaya di Tokyo, Selasa (27/1), kata "
        "juru bicara Kementerian Luar Negeri Rolliansyah Soemirat.",
        {"participants": {"Sugiono": ("ID", "visitor"), "Takeshi Iwaya": ("JP", "host")}},
        id="juru-bicara-is-not-a-participant",
    ),
]


@pytest.mark.parametrize(("title", "body", "published", "expected"), PEOPLE)
def test_people(extract_id, title, body, published, expected):
    check_single(extract_id(title, body, published), expected)


def test_a_company_chief_meeting_the_president_is_no_meeting(extract_id):
    result = extract_id(
        "Prabowo terima CEO Nvidia",
        JAKARTA + "CEO Nvidia Jensen Huang bertemu Presiden Prabowo Subianto di Jakarta, Rabu "
        "(28/1).",
    )
    assert result.meetings == [], describe(result)


# --- kinds of meetings -----------------------------------------------------------------------

KINDS = [
    pytest.param(
        "Prabowo bertemu Albanese",
        JAKARTA + "Presiden Prabowo Subianto bertemu Perdana Menteri Australia Anthony Albanese di "
        "sela-sela KTT G20 di Johannesburg, Sabtu (24/1).",
        {
            "kind": "meeting",
            "start": "2026-01-24",
            "city": "Johannesburg",
            "venue": "ZA",
            "countries": {"AU", "ID", "ZA"},
            "participants": {
                "Prabowo Subianto": ("ID", "participant"),
                "Anthony Albanese": ("AU", "participant"),
            },
        },
        id="di-sela-sela-KTT",
    ),
    pytest.param(
        "Erdogan telepon Prabowo",
        JAKARTA + "Presiden Turki Recep Tayyip Erdogan melakukan percakapan telepon dengan "
        "Presiden Prabowo Subianto pada Rabu (28/1).",
        {
            "kind": "call",
            "start": "2026-01-28",
            "venue": None,
            "countries": {"ID", "TR"},
            "known": {"recep-tayyip-erdogan": "participant", "prabowo-subianto": "participant"},
        },
        id="percakapan-telepon",
    ),
    pytest.param(
        "Prabowo telepon Trump",
        JAKARTA + "Presiden Prabowo Subianto berbicara melalui telepon dengan Presiden Amerika "
        "Serikat Donald Trump, Selasa (27/1).",
        {
            "kind": "call",
            "start": "2026-01-27",
            "venue": None,
            "participants": {
                "Prabowo Subianto": ("ID", "participant"),
                "Donald Trump": ("US", "participant"),
            },
        },
        id="berbicara-melalui-telepon",
    ),
    pytest.param(
        "Prabowo terima Wong",
        JAKARTA + "Presiden Prabowo Subianto menerima Perdana Menteri Singapura Lawrence Wong di "
        "Istana Merdeka, Rabu (28/1).",
        {
            "kind": "visit",
            "city": "Jakarta",
            "venue": "ID",
            "participants": {
                "Prabowo Subianto": ("ID", "host"),
                "Lawrence Wong": ("SG", "visitor"),
            },
        },
        id="menerima-at-the-palace-is-a-visit",
    ),
]


@pytest.mark.parametrize(("title", "body", "expected"), KINDS)
def test_kinds(extract_id, title, body, expected):
    check_single(extract_id(title, body), expected)


def test_multi_country_tour_gives_one_visit_per_country(extract_id):
    result = extract_id(
        "Sugiono keliling Asia Tenggara",
        JAKARTA + "Menteri Luar Negeri Sugiono mengunjungi Vietnam, Malaysia dan Kamboja pekan "
        "lalu.",
    )
    assert sorted(m.venue_country for m in result.meetings) == ["KH", "MY", "VN"], describe(result)
    for meeting in result.meetings:
        assert meeting.kind == "visit"
        assert set(meeting.countries) == {"ID", meeting.venue_country}
        assert (meeting.start.isoformat(), meeting.end.isoformat()) == ("2026-01-19", "2026-01-25")


@pytest.mark.parametrize(
    ("title", "body"),
    [
        pytest.param(
            "Prabowo bahas anggaran",
            JAKARTA + "Presiden Prabowo Subianto bertemu Menteri Keuangan Purbaya Yudhi Sadewa di "
            "Istana Merdeka, Rabu (28/1), untuk membahas anggaran.",
            id="domestic-meeting",
        ),
        pytest.param(
            "Menlu desak Israel",
            JAKARTA + "Menteri Luar Negeri Sugiono mendesak Israel menghentikan serangan di Gaza "
            "dalam konferensi pers di Jakarta, Kamis (29/1).",
            id="konferensi-pers",
        ),
        pytest.param(
            "Indonesia dan Jepang",
            JAKARTA + "Indonesia dan Jepang memiliki hubungan yang erat, kata Menteri Luar Negeri "
            "Sugiono dalam pernyataan tertulis, Kamis (29/1).",
            id="statement-on-relations",
        ),
    ],
)
def test_no_meeting(extract_id, title, body):
    result = extract_id(title, body)
    assert result.meetings == [], describe(result)


# --- one encounter, one record ---------------------------------------------------------------

PRABOWO_IN_TOKYO = (
    "Prabowo Tiba di Tokyo",
    JAKARTA + "Presiden Prabowo Subianto tiba di Tokyo, Jepang, Rabu (28/1), untuk kunjungan "
    "kenegaraan selama dua hari.\n\nPrabowo dijadwalkan bertemu Perdana Menteri Jepang Sanae "
    "Takaichi pada Kamis (29/1).\n\nKunjungan ini bertujuan mempererat kerja sama ekonomi kedua "
    "negara.",
)


def test_headline_lead_and_later_paragraphs_make_one_visit(extract_id):
    title, body = PRABOWO_IN_TOKYO
    meeting = single(extract_id(title, body, "2026-01-28"))
    expected = {
        "kind": "visit",
        "status": "occurred",
        "start": "2026-01-28",
        "city": "Tokyo",
        "participants": {
            "Prabowo Subianto": ("ID", "visitor"),
            "Sanae Takaichi": ("JP", "host"),
        },
    }
    assert facts(meeting, expected) == expected
    assert [span.field for span in meeting.evidence] == ["title", "body", "body", "body"]
    assert meeting.evidence[-1].text == (
        "Kunjungan ini bertujuan mempererat kerja sama ekonomi kedua negara."
    )


def test_kunjungan_ini_adds_evidence_to_the_visit(extract_id):
    result = extract_id(
        "Albanese ke Jakarta",
        JAKARTA + "Perdana Menteri Australia Anthony Albanese tiba di Jakarta, Rabu (28/1), untuk "
        "bertemu Presiden Prabowo Subianto. Kunjungan ini bertujuan mempererat kerja sama kedua "
        "negara.",
    )
    meeting = single(result)
    assert meeting.venue_country == "ID"
    assert "Kunjungan ini bertujuan mempererat kerja sama kedua negara." in [
        span.text for span in meeting.evidence
    ]


@pytest.mark.parametrize(
    ("title", "body", "current", "background"),
    [
        pytest.param(
            "Albanese ke Jakarta",
            JAKARTA + "Perdana Menteri Australia Anthony Albanese tiba di Jakarta, Rabu (28/1), "
            "untuk bertemu Presiden Prabowo Subianto. Albanese dan Prabowo terakhir bertemu di "
            "Canberra tahun lalu.",
            {"start": "2026-01-28", "city": "Jakarta", "roles": {"AU": "visitor", "ID": "host"}},
            {
                "kind": "visit",
                "status": "occurred",
                "start": "2025-01-01",
                "precision": "year",
                "city": "Canberra",
                "roles": {"AU": "host", "ID": "visitor"},
            },
            id="bertemu-tahun-lalu",
        ),
        pytest.param(
            "Menlu Wong ke Jakarta",
            JAKARTA
            + "Menteri Luar Negeri Australia Penny Wong tiba di Jakarta, Kamis (29/1), untuk "
            "bertemu Menlu Sugiono. Keduanya sebelumnya bertemu di Kuala Lumpur pada Oktober lalu.",
            {"start": "2026-01-29", "city": "Jakarta", "roles": {"AU": "visitor", "ID": "host"}},
            {
                "kind": "meeting",
                "status": "occurred",
                "start": "2025-10-01",
                "precision": "month",
                "city": "Kuala Lumpur",
                "countries": {"AU", "ID", "MY"},
            },
            id="keduanya-bertemu-Oktober-lalu",
        ),
    ],
)
def test_background_meeting_is_a_separate_meeting(extract_id, title, body, current, background):
    result = extract_id(title, body)
    assert len(result.meetings) == 2, describe(result)
    recent, earlier = sorted(result.meetings, key=lambda m: m.start.isoformat(), reverse=True)
    assert facts(recent, current) == current, describe(result)
    assert facts(earlier, background) == background, describe(result)


# --- dates -----------------------------------------------------------------------------------

DATES = [
    pytest.param(
        "Jokowi terima Najib",
        "Bogor, CNN Indonesia -- Presiden Joko Widodo menerima Perdana Menteri Malaysia Najib "
        "Razak di Istana Bogor, Senin (23/10).",
        "2017-10-25",
        {"start": "2017-10-23", "precision": "day", "status": "occurred"},
        id="Senin-(23/10)",
    ),
    pytest.param(
        "Jokowi terima Najib",
        JAKARTA + "Presiden Joko Widodo menerima Perdana Menteri Malaysia Najib Razak di Istana "
        "Merdeka, Kamis (30/11/2017).",
        "2017-12-01",
        {"start": "2017-11-30", "precision": "day", "status": "occurred"},
        id="Kamis-(30/11/2017)",
    ),
    pytest.param(
        "Prabowo dan Xi",
        JAKARTA
        + "Presiden Prabowo Subianto dan Presiden China Xi Jinping bertemu di Beijing tahun "
        "lalu.",
        PUBLISHED,
        {"start": "2025-01-01", "precision": "year", "status": "occurred"},
        id="tahun-lalu",
    ),
    pytest.param(
        "Lee ke Jakarta",
        JAKARTA + "Presiden Korsel Lee Jae-myung akan berkunjung ke Jakarta pekan depan.",
        PUBLISHED,
        {"start": "2026-02-02", "end": "2026-02-08", "precision": "day", "status": "planned"},
        id="pekan-depan",
    ),
    pytest.param(
        "Sugiono di New Delhi",
        JAKARTA + "Menlu Sugiono bertemu Menlu India Subrahmanyam Jaishankar di New Delhi kemarin.",
        PUBLISHED,
        {"start": "2026-01-29", "precision": "day", "status": "occurred"},
        id="kemarin",
    ),
    pytest.param(
        "Prabowo ke Korsel",
        JAKARTA + "Presiden Prabowo Subianto melakukan kunjungan kenegaraan ke Korsel pada 14-17 "
        "Januari 2026.",
        PUBLISHED,
        {"start": "2026-01-14", "end": "2026-01-17", "precision": "day", "status": "occurred"},
        id="14-17-Januari-2026",
    ),
    pytest.param(
        "Prabowo ke India",
        JAKARTA + "Presiden Prabowo Subianto dijadwalkan berkunjung ke India pada 14-17 Januari.",
        "2026-01-10",
        {"start": "2026-01-14", "end": "2026-01-17", "precision": "day", "status": "planned"},
        id="14-17-Januari-ahead",
    ),
    pytest.param(
        "Prabowo ke Jepang",
        JAKARTA + "Presiden Prabowo Subianto akan melakukan kunjungan kenegaraan tiga hari ke "
        "Jepang mulai Senin (2/2).",
        PUBLISHED,
        {"start": "2026-02-02", "end": "2026-02-04", "precision": "day", "status": "planned"},
        id="kunjungan-tiga-hari-mulai-Senin",
    ),
    pytest.param(
        "Prabowo ke Paris",
        JAKARTA + "Presiden Prabowo Subianto dijadwalkan berkunjung ke Paris pada Maret.",
        PUBLISHED,
        {"start": "2026-03-01", "end": None, "precision": "month", "status": "planned"},
        id="pada-Maret",
    ),
    pytest.param(
        "Sugiono ke Canberra",
        JAKARTA + "Menlu Sugiono akan bertemu Menlu Australia Penny Wong di Canberra pada Senin.",
        PUBLISHED,
        {"start": "2026-02-02", "precision": "day", "status": "planned"},
        id="akan-pada-Senin",
    ),
    pytest.param(
        "Sugiono ke Canberra",
        JAKARTA + "Menlu Sugiono bertemu Menlu Australia Penny Wong di Canberra, Rabu lalu.",
        PUBLISHED,
        {"start": "2026-01-28", "precision": "day", "status": "occurred"},
        id="Rabu-lalu",
    ),
    pytest.param(
        "Prabowo di Moskow",
        "Presiden Prabowo Subianto bertemu Presiden Rusia Vladimir Putin di Moskow, kunjungan "
        "pertama presiden Indonesia ke Rusia sejak 2015.",
        PUBLISHED,
        {"start": None, "precision": "unknown"},
        id="sejak-2015-is-not-the-date",
    ),
    pytest.param(
        "Prabowo dan Macron",
        JAKARTA + "Presiden Prabowo Subianto telah bertemu Presiden Prancis Emmanuel Macron di "
        "Paris pada Oktober.",
        PUBLISHED,
        {"start": "2025-10-01", "precision": "month", "status": "occurred"},
        id="telah-pada-Oktober",
    ),
]


@pytest.mark.parametrize(("title", "body", "published", "expected"), DATES)
def test_dates(extract_id, title, body, published, expected):
    check_single(extract_id(title, body, published), expected)


# --- status ----------------------------------------------------------------------------------

STATUS = [
    pytest.param(
        JAKARTA + "Presiden Prabowo Subianto dijadwalkan mengunjungi Beijing pada 5 Maret untuk "
        "bertemu Presiden China Xi Jinping.",
        "planned",
        id="dijadwalkan",
    ),
    pytest.param(
        JAKARTA + "Menteri Luar Negeri AS Antony Blinken akan berkunjung ke Jakarta bulan depan.",
        "planned",
        id="akan",
    ),
    pytest.param(
        JAKARTA + "Presiden Prabowo Subianto berencana mengunjungi Beijing bulan depan.",
        "planned",
        id="berencana",
    ),
    pytest.param(
        JAKARTA + "Rencananya, Presiden Prabowo Subianto akan bertemu Presiden Prancis Emmanuel "
        "Macron di Paris pada Maret.",
        "planned",
        id="rencananya",
    ),
    pytest.param(
        JAKARTA + "Presiden Prabowo Subianto telah bertemu Presiden Prancis Emmanuel Macron di "
        "Paris.",
        "occurred",
        id="telah",
    ),
    pytest.param(
        JAKARTA + "Kunjungan Perdana Menteri Jepang Sanae Takaichi ke Jakarta yang dijadwalkan "
        "pekan depan dibatalkan.",
        "cancelled",
        id="dibatalkan",
    ),
    pytest.param(
        JAKARTA + "Kunjungan Presiden Prabowo Subianto ke Tokyo ditunda.",
        "cancelled",
        id="ditunda",
    ),
    pytest.param(
        JAKARTA + "Presiden Prabowo Subianto menunda kunjungannya ke Tokyo yang semula "
        "dijadwalkan bulan depan.",
        "cancelled",
        id="menunda",
    ),
    pytest.param(
        JAKARTA + "Kunjungan Presiden Prabowo Subianto ke Tokyo ditunda hingga 20 Maret.",
        "planned",
        id="ditunda-hingga-a-new-date-is-planned-again",
    ),
    pytest.param(
        JAKARTA + "Presiden Prabowo Subianto akan bertemu Perdana Menteri Jepang Sanae Takaichi "
        "di Tokyo, Jumat (30/1).",
        "occurred",
        id="akan-on-the-publication-day-is-under-way",
    ),
]


@pytest.mark.parametrize(("body", "status"), STATUS)
def test_status(extract_id, body, status):
    check_single(extract_id("Berita diplomasi", body), {"status": status})


# --- evidence --------------------------------------------------------------------------------

EVIDENCE = [
    PRABOWO_IN_TOKYO,
    (
        "Albanese ke Jakarta",
        JAKARTA + "Perdana Menteri Australia Anthony Albanese tiba di Jakarta, Rabu (28/1), untuk "
        "bertemu Presiden Prabowo Subianto. Albanese dan Prabowo terakhir bertemu di Canberra "
        "tahun lalu.",
    ),
    (
        "Sugiono keliling Asia Tenggara",
        JAKARTA + "Menteri Luar Negeri Sugiono mengunjungi Vietnam, Malaysia dan Kamboja pekan "
        "lalu.",
    ),
    (
        "",
        "Presiden Prabowo Subianto tiba di Doha, Rabu (28/1), untuk bertemu Emir Qatar Sheikh "
        "Tamim bin Hamad Al Thani.",
    ),
]


@pytest.mark.parametrize(
    ("title", "body"), EVIDENCE, ids=["headline-and-paragraphs", "two-meetings", "tour", "no-title"]
)
def test_evidence_offsets_slice_their_field(extract_id, title, body):
    result = extract_id(title, body)
    assert result.meetings, describe(result)
    for meeting in result.meetings:
        assert meeting.evidence
        for span in meeting.evidence:
            source = {"title": title, "body": body}[span.field]
            assert 0 <= span.start < span.end <= len(source), span
            assert source[span.start : span.end] == span.text, span
