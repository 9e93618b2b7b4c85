"""Error classes found on articles the engine was not written for (issue 7), one rule each.

Every text is written for the test. Only the fields a case cares about are compared.
"""

import datetime as dt

import pytest

from events.extraction.annotate import annotate
from events.extraction.document import read
from events.extraction.resources import for_language


def dated(result) -> list[tuple]:
    return sorted((m.kind, m.status, str(m.start), m.precision) for m in result.meetings)


def placed(result) -> list[tuple]:
    return sorted((m.kind, m.city or "", m.venue_country or "") for m in result.meetings)


# --- dates told across sentences -------------------------------------------------------------


def test_a_meeting_takes_the_date_the_paragraph_set_before_it(extract_en):
    # Published on Friday 30 January 2026: "on Tuesday" is the 27th.
    result = extract_en(
        "Trade row deepens",
        "Late on Tuesday, the Turkish president Recep Tayyip Erdoğan told reporters that the "
        "tariffs would stay. He spoke after a telephone call with Chinese President Xi Jinping.",
    )
    assert dated(result) == [("call", "occurred", "2026-01-27", "day")]
    assert result.meetings[0].reasons["date"].rule == "date_of_the_narrative_before"


def test_the_date_of_another_paragraph_dates_nothing(extract_en):
    result = extract_en(
        "Trade row deepens",
        "Late on Tuesday, the ministry said the tariffs would stay.\n\n"
        "Turkish President Recep Tayyip Erdoğan had a telephone call with Chinese President "
        "Xi Jinping about trade.",
    )
    assert dated(result) == [("call", "occurred", "None", "unknown")]


def test_the_date_of_a_sentence_about_another_meeting_stays_with_it(extract_en):
    result = extract_en(
        "Busy week for Ankara",
        "On Tuesday, Turkish President Recep Tayyip Erdoğan visited Berlin. "
        "Later he had a telephone call with Chinese President Xi Jinping.",
    )
    calls = [m for m in result.meetings if m.kind == "call"]
    assert [(str(m.start), m.precision) for m in calls] == [("None", "unknown")]
    assert result.meetings and dt.date(2026, 1, 27) in [m.start for m in result.meetings]


# --- city-states named in the language's own words -------------------------------------------


def test_a_visit_to_a_city_state_named_in_indonesian_is_in_its_city(extract_id):
    result = extract_id(
        "Presiden bertolak ke Singapura",
        "Jakarta, CNN Indonesia -- Presiden Prabowo Subianto melakukan kunjungan kerja ke "
        "Singapura pada Rabu (28/1) untuk membahas investasi.",
    )
    assert placed(result) == [("visit", "Singapore", "SG")]


def test_a_visit_to_a_country_whose_capital_is_named_otherwise_has_no_city(extract_id):
    result = extract_id(
        "Presiden bertolak ke Jepang",
        "Jakarta, CNN Indonesia -- Presiden Prabowo Subianto melakukan kunjungan kerja ke "
        "Jepang pada Rabu (28/1) untuk membahas investasi.",
    )
    assert placed(result) == [("visit", "", "JP")]


# --- a state of a federation is its country, not a namesake town abroad ----------------------


def test_a_visit_to_a_us_state_is_in_the_united_states(extract_id):
    result = extract_id(
        "Perdana menteri ke Florida",
        "Jakarta, CNN Indonesia -- Presiden Prabowo Subianto tiba di Florida pada Rabu (28/1) "
        "untuk bertemu Presiden Donald Trump di resor miliknya.",
    )
    assert [(m.kind, m.city, m.venue_country, tuple(m.countries)) for m in result.meetings] == [
        ("visit", None, "US", ("ID", "US"))
    ]


def test_an_english_visit_to_a_us_state_names_no_foreign_town(extract_en):
    result = extract_en(
        "Leaders meet in Montana",
        "Turkish President Recep Tayyip Erdoğan travelled to Montana on Wednesday for talks "
        "with Chinese President Xi Jinping.",
    )
    assert result.meetings
    assert {country for m in result.meetings for country in m.countries} <= {"TR", "CN", "US"}
    assert all(m.city is None for m in result.meetings)


# --- "bilateral" that describes trade or ties ------------------------------------------------


def meeting_words(language: str, text: str) -> list[str]:
    resources = for_language(language)
    doc = read("", text, resources.lexicon["meta"]["spacy"])
    return [mention.text for mention in annotate(doc, resources).triggers]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("id", "Nilai perdagangan bilateral antara kedua negara naik tajam pada 2024."),
        ("id", "Hubungan bilateral kedua negara sudah terjalin sejak lama."),
        ("en", "Bilateral trade between the two countries grew sharply in 2024."),
        ("en", "The bilateral relationship has been strained since the election."),
    ],
)
def test_bilateral_trade_or_ties_are_no_meeting_word(language, text):
    assert meeting_words(language, text) == []


def test_bilateral_talks_are_still_a_meeting(extract_id):
    result = extract_id(
        "Dua presiden bertemu",
        "JAKARTA, KOMPAS.com - Presiden Prabowo Subianto menggelar pertemuan bilateral dengan "
        "Presiden Tiongkok Xi Jinping di Beijing pada Rabu (28/1/2026).",
    )
    assert [(m.city, str(m.start)) for m in result.meetings] == [("Beijing", "2026-01-28")]


# --- a summit and the visit told beside it, each with its own venue --------------------------


def test_a_summit_keeps_its_venue_beside_the_visit_that_follows_it(extract_id):
    result = extract_id(
        "Presiden di Tokyo",
        "JAKARTA, KOMPAS.com - Lawatan Presiden Prabowo di Tokyo merupakan kelanjutan dari "
        "kehadiran Indonesia pada Konferensi Tingkat Tinggi (KTT) G20 ke-14 di Kota Osaka pada "
        "Senin (26/1/2026).",
    )
    venues = {m.kind: m.city for m in result.meetings}
    assert venues == {"visit": "Tokyo", "multilateral": "Osaka"}


def test_a_meeting_on_the_sidelines_is_where_the_summit_is(extract_id):
    result = extract_id(
        "Menlu bertemu",
        "JAKARTA, KOMPAS.com - Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Jepang "
        "Takeshi Iwaya di sela KTT ASEAN di Kuala Lumpur, Senin (26/1/2026).",
    )
    assert result.meetings
    assert all(m.city == "Kuala Lumpur" for m in result.meetings)


# --- Indonesian call verbs ---------------------------------------------------------------------


def test_indonesian_call_verbs(extract_id):
    spoke = extract_id(
        "Dua presiden bicara",
        "JAKARTA, KOMPAS.com - Hal itu disampaikan Presiden Prabowo Subianto saat bertelepon "
        "dengan Presiden Tiongkok Xi Jinping pada Rabu (28/1/2026).",
    )
    contacted = extract_id(
        "Dua presiden bicara",
        "JAKARTA, KOMPAS.com - Presiden Prabowo Subianto menghubungi Presiden Tiongkok "
        "Xi Jinping pada Rabu (28/1/2026).",
    )
    assert dated(spoke) == [("call", "occurred", "2026-01-28", "day")]
    assert dated(contacted) == [("call", "occurred", "2026-01-28", "day")]


def test_contacting_no_one_named_is_no_call(extract_id):
    result = extract_id(
        "Warga diminta melapor",
        "JAKARTA, KOMPAS.com - Presiden Prabowo Subianto meminta warga menghubungi kantor polisi "
        "terdekat pada Rabu (28/1/2026).",
    )
    assert result.meetings == []


# --- "rapat", the everyday Indonesian word for a meeting ---------------------------------------


def test_a_rapat_between_two_countries_leaders_is_a_meeting(extract_id):
    result = extract_id(
        "Dua pemimpin bertemu",
        "JAKARTA, KOMPAS.com - Presiden Prabowo Subianto menggelar rapat dengan Presiden "
        "Tiongkok Xi Jinping di Beijing pada Rabu (28/1/2026).",
    )
    assert [(m.city, str(m.start)) for m in result.meetings] == [("Beijing", "2026-01-28")]


def test_a_cabinet_rapat_at_home_is_no_meeting(extract_id):
    result = extract_id(
        "Rapat kabinet",
        "JAKARTA, KOMPAS.com - Presiden Prabowo Subianto memimpin rapat kabinet di Istana "
        "Merdeka, Jakarta, pada Rabu (28/1/2026).",
    )
    assert result.meetings == []


# --- talks with a foreign envoy in the country of their posting --------------------------------


def test_talks_with_an_envoy_in_the_posting_country_are_in_its_capital(extract_en):
    result = extract_en(
        "Minister briefs envoy",
        "After a meeting with the British High Commissioner to India Lindy Cameron, Indian "
        "Foreign Minister Subrahmanyam Jaishankar said trade was discussed.",
    )
    assert placed(result) == [("meeting", "New Delhi", "IN")]
    assert result.meetings[0].reasons["venue"].rule == "envoys_serve_in_the_capital"


def test_a_city_given_for_talks_with_an_envoy_stays(extract_en):
    result = extract_en(
        "Minister briefs envoy",
        "Indian Foreign Minister Subrahmanyam Jaishankar met the British High Commissioner to "
        "India Lindy Cameron in Mumbai on Wednesday.",
    )
    assert [m.city for m in result.meetings] == ["Mumbai"]


# --- a meeting word that points back to the encounter told just before ----------------------


def test_talks_that_point_back_to_a_call_are_that_call(extract_id):
    result = extract_id(
        "Dua presiden bicara",
        "JAKARTA, KOMPAS.com - Presiden Prabowo Subianto menghubungi Presiden Tiongkok "
        "Xi Jinping pada Rabu (28/1/2026). Pembicaraan ini merupakan yang pertama bagi kedua "
        "pemimpin sejak awal tahun.",
    )
    [call] = result.meetings
    assert (call.kind, str(call.start), len(call.evidence)) == ("call", "2026-01-28", 2)


# --- "dialog" alone names a forum or a wish, not a meeting -----------------------------------


def test_a_business_dialogue_in_indonesian_is_not_a_meeting(extract_id):
    result = extract_id(
        "Forum usaha digelar",
        "Jakarta, CNN Indonesia -- Presiden Prabowo Subianto membuka dialog bisnis tentang "
        "perdagangan dengan Presiden Xi Jinping di Jakarta pada Rabu (28/1).",
    )
    assert result.meetings == []


def test_a_standing_strategic_dialogue_in_indonesian_is_still_a_meeting(extract_id):
    result = extract_id(
        "Dialog strategis digelar",
        "Jakarta, CNN Indonesia -- Presiden Prabowo Subianto dan Presiden Xi Jinping menggelar "
        "dialog strategis di Jakarta pada Rabu (28/1).",
    )
    # Xi Jinping in Jakarta: the encounter is his visit.
    assert [m.kind for m in result.meetings] == ["visit"]


# --- an envoy "for" a country serves there, and is not from it --------------------------------


def test_an_envoy_for_a_country_is_not_from_it(extract_en):
    result = extract_en(
        "Envoy in Damascus",
        "On Tuesday, the American Special Envoy for Syria, Thomas Barrack, met Syrian "
        "President Ahmed al-Sharaa in Damascus to discuss sanctions.",
    )
    people = {p.name: p.country for m in result.meetings for p in m.participants}
    assert people == {"Thomas Barrack": "US", "Ahmed al-Sharaa": "SY"}


# --- a numbered office names a past holder --------------------------------------------------


def test_a_numbered_president_in_english_is_a_past_holder(extract_en):
    result = extract_en(
        "Old friends",
        "The 44th US President Barack Obama met Indonesian President Prabowo Subianto in "
        "Bogor on Tuesday.",
    )
    assert result.meetings == []


def test_a_numbered_president_in_indonesian_is_a_past_holder(extract_id):
    result = extract_id(
        "Kawan lama",
        "Jakarta, CNN Indonesia -- Presiden ke-44 Amerika Serikat Barack Obama bertemu "
        "Presiden Prabowo Subianto di Bogor pada Rabu (28/1).",
    )
    assert result.meetings == []


def test_a_president_named_without_a_number_is_in_office(extract_en):
    result = extract_en(
        "Old friends",
        "US President Barack Obama met Indonesian President Prabowo Subianto in Bogor on Tuesday.",
    )
    assert [m.kind for m in result.meetings] == ["visit"]


# --- a foreign ministry summoning an envoy ---------------------------------------------------


def test_summoning_a_foreign_envoy_is_a_meeting_where_they_serve(extract_en):
    result = extract_en(
        "Protest over border fence",
        "The Indian foreign ministry summoned the deputy High Commissioner of Bangladesh in "
        "New Delhi on Wednesday to protest against the fence.",
    )
    assert placed(result) == [("meeting", "New Delhi", "IN")]
    assert dated(result) == [("meeting", "occurred", "2026-01-28", "day")]


def test_a_court_summons_is_no_meeting(extract_en):
    result = extract_en(
        "Inquiry widens",
        "On Wednesday a court summoned Indian Trade Minister Arvind Menon and Nepalese Commerce "
        "Minister Hari Thapa as witnesses in a fraud case.",
    )
    assert result.meetings == []


def test_summoning_an_ambassador_in_indonesian_is_a_meeting(extract_id):
    result = extract_id(
        "Protes soal perbatasan",
        "Kementerian Luar Negeri Thailand memanggil Duta Besar Kamboja di Bangkok pada Rabu "
        "untuk memprotes pembangunan pos baru di perbatasan.",
    )
    assert placed(result) == [("meeting", "Bangkok", "TH")]


# --- tours that are no visits ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "After the academy he went on a cultural tour of Europe and Asia.",
        "As a young officer he served a tour of duty in Germany.",
        "The band's world tour ends in Tokyo next month.",
    ],
)
def test_tours_of_study_leisure_or_service_are_no_meeting_word(text):
    assert meeting_words("en", text) == []


def test_a_tour_by_a_leader_is_still_a_visit(extract_en):
    result = extract_en(
        "Leader abroad",
        "Turkish President Recep Tayyip Erdoğan began a tour of Asia on Monday with talks with "
        "Chinese President Xi Jinping in Beijing.",
    )
    assert placed(result) == [("visit", "Beijing", "CN")]


# --- "to" and "for" after a summit name no venue ---------------------------------------------


def test_a_summit_is_not_held_where_its_support_goes(extract_en):
    result = extract_en(
        "Leaders pledge aid",
        "The G20 summit in Brazil on Wednesday ended with a pledge of support for Ukraine. "
        "The summit also promised more money for Gaza.",
    )
    assert placed(result) == [("multilateral", "", "BR")]


def test_a_journey_to_a_summit_still_names_its_place(extract_en):
    result = extract_en(
        "Leader abroad",
        "Turkish President Recep Tayyip Erdoğan travelled to Brazil on Wednesday for the G20 "
        "summit.",
    )
    assert "BR" in [m.venue_country for m in result.meetings]


# --- a month's short name inside a person's name ---------------------------------------------


def test_a_month_inside_a_name_dates_nothing(extract_en):
    result = extract_en(
        "Defence talks",
        "Chinese Defence Minister Li Jun held talks with Turkish President Recep Tayyip Erdoğan "
        "in Ankara.",
    )
    assert dated(result) == [("visit", "occurred", "None", "unknown")]


def test_the_date_beside_a_name_with_a_month_in_it_stays(extract_en):
    result = extract_en(
        "Defence talks",
        "Chinese Defence Minister Li Jun held talks with Turkish President Recep Tayyip Erdoğan "
        "in Ankara on January 27.",
    )
    assert dated(result) == [("visit", "occurred", "2026-01-27", "day")]


# --- a date at a sentence's head, before a list of people set off by commas -------------------


def test_a_date_opening_a_list_of_people_dates_their_meeting(extract_en):
    result = extract_en(
        "Defence talks",
        "On January 27 the Turkish president, Recep Tayyip Erdoğan, and China's defence "
        "minister, Li Jun, held a meeting in Geneva.",
    )
    assert dated(result) == [("meeting", "occurred", "2026-01-27", "day")]


def test_a_comma_and_a_new_clause_after_a_name_still_part_the_date(extract_en):
    result = extract_en(
        "Defence talks",
        "On January 20 parliament thanked the Turkish president, Recep Tayyip Erdoğan, and soon "
        "after China's defence minister, Li Jun, visited Ankara.",
    )
    assert dated(result) == [("visit", "occurred", "None", "unknown")]


# --- a gathering named by an apposition ("the X Dialogue, an annual forum") -----------------


def test_a_meeting_on_the_sidelines_of_a_gathering_told_by_apposition_is_where_it_is(extract_en):
    result = extract_en(
        "Defence talks",
        "Turkish President Recep Tayyip Erdoğan and Chinese President Xi Jinping met on the "
        "sidelines of the Harbour Lights Dialogue, an annual security forum, in Geneva.",
    )
    assert placed(result) == [("meeting", "Geneva", "CH")]


def test_an_annual_forum_is_still_a_gathering(extract_en):
    result = extract_en(
        "Security forum",
        "Turkish President Recep Tayyip Erdoğan and Chinese President Xi Jinping attended an "
        "annual security forum in Geneva on Tuesday.",
    )
    assert [m.kind for m in result.meetings] == ["multilateral"]


def test_a_leader_who_attends_a_forum_every_year_makes_no_meeting(extract_en):
    result = extract_en(
        "Security forum",
        "Turkish President Recep Tayyip Erdoğan attends the security forum in Geneva every year "
        "with Chinese President Xi Jinping.",
    )
    assert result.meetings == []


# --- officials said to be there too, in a sentence of their own -----------------------------


def people_of(result) -> list[list[str]]:
    return [sorted(p.name for p in m.participants) for m in result.meetings]


def test_officials_also_present_join_the_meeting_told_before(extract_en):
    result = extract_en(
        "Leaders meet",
        "Turkish President Recep Tayyip Erdoğan met Chinese President Xi Jinping in Beijing on "
        "Tuesday. Also present were Turkish Trade Minister Omer Bolat and Chinese Commerce "
        "Minister Wang Wentao.",
    )
    assert people_of(result) == [
        ["Omer Bolat", "Recep Tayyip Erdoğan", "Wang Wentao", "Xi Jinping"]
    ]


def test_officials_present_far_from_any_meeting_join_none(extract_en):
    result = extract_en(
        "Leaders meet",
        "Turkish President Recep Tayyip Erdoğan met Chinese President Xi Jinping in Beijing on "
        "Tuesday. The talks covered trade. Exports rose last year. Imports fell. Also present "
        "at the trade fair was Turkish Trade Minister Omer Bolat.",
    )
    assert people_of(result) == [["Recep Tayyip Erdoğan", "Xi Jinping"]]


def test_officials_who_turut_hadir_join_the_visit_told_before(extract_id):
    result = extract_id(
        "Kunjungan",
        "Presiden Prabowo Subianto bertemu Presiden Tiongkok Xi Jinping di Beijing, Selasa "
        "(27/1).\n\nTurut hadir Menteri Perdagangan Budi Santoso.",
    )
    assert ["Budi Santoso", "Prabowo Subianto", "Xi Jinping"] in people_of(result)


# --- a day counted from another event the article dates -------------------------------------


def test_a_meeting_the_day_before_an_announcement_is_dated_from_it(extract_en):
    result = extract_en(
        "Tariffs",
        "On January 27 the Turkish trade ministry announced new tariffs on steel.\n\n"
        "During a meeting with Chinese President Xi Jinping the day before the announcement, "
        "Turkish President Recep Tayyip Erdoğan raised the matter.",
    )
    assert dated(result) == [("meeting", "occurred", "2026-01-26", "day")]
    assert result.meetings[0].reasons["date"].rule == "days_from_another_event"


def test_an_event_the_article_does_not_date_dates_nothing(extract_en):
    result = extract_en(
        "Tariffs",
        "The Turkish trade ministry announced new tariffs on steel.\n\n"
        "During a meeting with Chinese President Xi Jinping the day before the announcement, "
        "Turkish President Recep Tayyip Erdoğan raised the matter.",
    )
    assert dated(result) == [("meeting", "occurred", "None", "unknown")]


def test_a_meeting_sehari_setelah_an_event_is_dated_from_it(extract_id):
    result = extract_id(
        "Tarif",
        "Pemerintah Turki mengumumkan pembatasan impor baja pada Selasa (27/1).\n\n"
        "Sehari setelah pembatasan itu, Presiden Prabowo Subianto bertemu Presiden Tiongkok "
        "Xi Jinping di Beijing.",
    )
    assert ("visit", "occurred", "2026-01-28", "day") in dated(result)


# --- an arrival at a facility the gazetteer does not know (airports, air bases, palaces) -----


def test_an_arrival_at_an_air_base_is_a_visit_to_the_place_after_it(extract_id):
    result = extract_id(
        "Kunjungan",
        "Presiden Prabowo Subianto tiba di Pangkalan Udara Sultan Hamid (PUSH), Karangbaru, "
        "Turki pada Selasa (27/1) dan disambut Presiden Turki Recep Tayyip Erdoğan.",
    )
    assert [(m.kind, str(m.start), m.venue_country) for m in result.meetings] == [
        ("visit", "2026-01-27", "TR")
    ]


def test_an_arrival_far_from_any_place_is_no_visit(extract_id):
    result = extract_id(
        "Kunjungan",
        "Presiden Prabowo Subianto tiba lebih awal dari jadwal yang ditetapkan panitia di "
        "Turki pada Selasa (27/1).",
    )
    assert result.meetings == []


# --- a future round the parties agreed to, undated --------------------------------------------


def test_a_future_meeting_the_parties_agreed_to_is_a_round_of_its_own(extract_en):
    result = extract_en(
        "Leaders meet",
        "Turkish President Recep Tayyip Erdoğan met Chinese President Xi Jinping in Geneva on "
        "Tuesday. The two presidents agreed to a future meeting in the spring.",
    )
    assert sorted((m.kind, m.status, m.precision) for m in result.meetings) == [
        ("meeting", "occurred", "day"),
        ("meeting", "planned", "unknown"),
    ]


def test_the_future_of_a_meeting_format_is_no_round(extract_en):
    result = extract_en(
        "Leaders meet",
        "Turkish President Recep Tayyip Erdoğan met Chinese President Xi Jinping in Geneva on "
        "Tuesday. Officials debated the future of the meeting format.",
    )
    assert [(m.status, m.precision) for m in result.meetings] == [("occurred", "day")]


def test_an_official_who_joined_the_talks_joins_the_gathering_told_before(extract_en):
    result = extract_en(
        "Ministers meet",
        "Turkish President Recep Tayyip Erdoğan, Chinese President Xi Jinping and Indonesian "
        "President Prabowo Subianto held a summit in Geneva on Tuesday. Syrian President Ahmed "
        "al-Sharaa joined the talks as an observer.",
    )
    assert [m.kind for m in result.meetings] == ["multilateral"]
    assert "Ahmed al-Sharaa" in people_of(result)[0]


def test_officials_of_both_sides_paired_after_a_visit_join_it(extract_en):
    result = extract_en(
        "Leaders meet",
        "Turkish President Recep Tayyip Erdoğan visited Beijing on Tuesday and met Chinese "
        "President Xi Jinping. A trade accord was reached between Turkish Trade Minister Omer "
        "Bolat and Chinese Commerce Minister Wang Wentao.",
    )
    assert people_of(result) == [
        ["Omer Bolat", "Recep Tayyip Erdoğan", "Wang Wentao", "Xi Jinping"]
    ]


def test_officials_of_other_countries_paired_after_a_visit_stay_out(extract_en):
    result = extract_en(
        "Leaders meet",
        "Turkish President Recep Tayyip Erdoğan visited Beijing on Tuesday and met Chinese "
        "President Xi Jinping. A trade accord was reached between Japanese Trade Minister Yoji "
        "Muto and Korean Trade Minister Ahn Duk-geun.",
    )
    assert people_of(result) == [["Recep Tayyip Erdoğan", "Xi Jinping"]]


# --- a title that names the office, not its holder ("pemilihan presiden AS") ----------------


def test_an_election_of_a_president_is_no_mention_of_the_president(extract_id):
    result = extract_id(
        "Biksu",
        "Presiden Tiongkok Xi Jinping akan menerima Presiden Prabowo Subianto bulan depan.\n\n"
        "Seorang biksu terkenal berbicara dalam kunjungannya ke Jepang, Selasa (27/1), saat "
        "ditanya soal pemilihan presiden Tiongkok.",
    )
    assert "JP" not in [m.venue_country for m in result.meetings]


def test_the_president_named_again_by_title_is_still_a_mention(extract_id):
    result = extract_id(
        "Kunjungan",
        "Presiden Tiongkok Xi Jinping akan menerima Presiden Prabowo Subianto bulan depan.\n\n"
        "Presiden Tiongkok itu juga melakukan kunjungan ke Jepang, Selasa (27/1).",
    )
    assert "JP" in [m.venue_country for m in result.meetings]


# --- ", where he met X" after a visit: one encounter at the visit's place --------------------


def test_a_meeting_told_where_a_visit_went_is_that_visit(extract_en):
    result = extract_en(
        "Visit",
        "The visit of Turkish President Recep Tayyip Erdoğan to the Chinese capital Beijing last "
        "week, where he met with Chinese President Xi Jinping, has eased tensions.",
    )
    assert people_of(result) == [["Recep Tayyip Erdoğan", "Xi Jinping"]]
    assert placed(result) == [("visit", "Beijing", "CN")]


# --- a heading run into its paragraph --------------------------------------------------------


def test_a_question_mark_glued_to_the_next_sentence_still_ends_a_heading(extract_en):
    # The page's layout dropped the break after the heading "What's new?".
    result = extract_en(
        "Neighbours talk",
        "What’s new?Greek and Turkish officials met in Baku on Tuesday for talks on shipping.",
    )
    assert dated(result) == [("meeting", "occurred", "2026-01-27", "day")]
    assert placed(result) == [("meeting", "Baku", "AZ")]


def test_a_question_mark_inside_a_word_splits_nothing():
    document = read("", "Was it Yes?no or not?", "en")
    assert "Yes?no" in document.texts
    assert len(document.sentences) == 1


# --- "by" naming who acts, not a time limit --------------------------------------------------


def test_a_visit_by_someone_keeps_the_date_after_it(extract_en):
    result = extract_en(
        "Ties cooled",
        "Trade fell after a visit by US President Joe Biden to Japan in August 2024.",
    )
    assert dated(result) == [("visit", "occurred", "2024-08-01", "month")]


def test_by_right_before_a_date_is_still_a_limit(extract_en):
    result = extract_en(
        "Trip planned",
        "US President Joe Biden will visit Japan by the end of August.",
    )
    assert dated(result) == [("visit", "planned", "None", "unknown")]


# --- the visitor's name between a visit and its destination -----------------------------------


def test_a_visit_keeps_its_destination_past_the_visitors_name(extract_en):
    result = extract_en(
        "Ties cooled",
        "Trade fell after a visit by the then US house speaker, Nancy Pelosi, to Taiwan in "
        "August 2022.",
    )
    assert placed(result) == [("visit", "", "TW")]
    assert [tuple(m.countries) for m in result.meetings] == [("TW", "US")]


def test_a_place_far_past_the_visit_without_a_name_between_is_no_destination(extract_en):
    result = extract_en(
        "Ties cooled",
        "US President Joe Biden made a visit that many analysts and nearly all of his aides "
        "then linked to Taiwan.",
    )
    assert placed(result) == []
