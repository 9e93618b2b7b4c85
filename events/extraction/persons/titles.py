"""The titles and offices around a name, and the country they give.

Before the name ("Singapore's Foreign Minister X", "Presiden Rusia X", "minister of state in the
presidency X"), in apposition after it ("X, Iran's foreign minister,"), or before it with a comma
("the Italian foreign minister, X"), and "of" a country after it ("King X of Jordan"). A group's
country is the last country-like place in it, or the delegation's ("a Ugandan mission led by").
"""

from __future__ import annotations

from events.extraction.annotate import is_country_like
from events.extraction.gazetteer import CITY, ORGANISATION
from events.extraction.persons.model import TitleGroup
from events.extraction.persons.spans import NameSpans, Run

GROUP_MARKS = {"&", "-", "(", ")"}
STOPS = {".", ";", ":", "!", "?", '"', "“", "”", "«", "»"}
GROUP_REACH = 14  # tokens a title group may span before a name
APPOSITION_REACH = 16  # tokens an apposition may span after a name
OFFICE_REACH = 3  # office words between a title and an office's field
AGENCY = "agency"


class TitleGroups:
    def __init__(self, spans: NameSpans) -> None:
        self.spans = spans
        self.doc = spans.doc
        self.ann = spans.ann
        self.res = spans.res
        self.tokens = spans.tokens
        self.run_ending_at: dict[int, Run] = {}
        self.run_starting_at: dict[int, Run] = {}

    def know_runs(self, runs: list[Run]) -> None:
        """The name runs of the document: a group never reaches across another name."""
        self.run_ending_at = {end - 1: (start, end) for start, end in runs}
        self.run_starting_at = {start: (start, end) for start, end in runs}

    def inside_name_of_body(self, run: Run) -> bool:
        """Capitalised words that belong to a body's name or an office, not to a person: before
        a country ("Partai Buruh Australia") or an organisation, or between a title and the
        country of the name that follows ("Ambassador for Disarmament Affairs of Ruritania")."""
        _start, end = run
        place = self.spans.place(end) if end < len(self.tokens) else None
        if is_country_like(place) or (place is not None and place.label == ORGANISATION):
            return True
        return self.office_run(run)

    def office_run(self, run: Run) -> bool:
        """A run between a title and a country followed by another name is the office's field:
        "Duta Besar Urusan Perlucutan AS Jane Roe", "Ketua Protokol Kemlu Malaysia Dato X"."""
        start, end = run
        if not self._after_title(start):
            return False
        sentence = self.tokens[start].sentence
        i = end
        while i < len(self.tokens) and self.tokens[i].sentence == sentence and i - end <= 3:
            place = self.spans.place(i)
            if is_country_like(place):
                following = place.end
                title = self.spans.title(following) if following < len(self.tokens) else None
                if title is not None and title.label == "courtesy":
                    following = title.end
                return following in self.run_starting_at
            token = self.tokens[i]
            if not (token.capitalized and not self.spans.name_word(i)):
                return False
            i += 1
        return False

    def _after_title(self, start: int) -> bool:
        """A title ends right before `start`, or a few capitalised office words after one."""
        i = start - 1
        while i >= 0 and start - i <= OFFICE_REACH:
            if self.spans.title(i) is not None:
                return True
            token = self.tokens[i]
            if not (token.capitalized and token.alpha and not self.spans.name_word(i)):
                return False
            i -= 1
        return False

    def before(self, position: int, strict_edge: bool = False) -> TitleGroup | None:
        """The title (with country) written before a name that starts at `position`."""
        tokens = self.tokens
        spans = self.spans
        if position == 0:
            return None
        sentence = tokens[position - 1].sentence
        if position < len(tokens) and tokens[position].sentence != tokens[position - 1].sentence:
            return None
        edge = position - 1
        if strict_edge and not (
            spans.title(edge)
            or spans.place(edge)
            or any(ch.isdigit() for ch in tokens[edge].text)
            or tokens[edge].text == ")"
        ):
            return None
        start = position
        seen_title = False
        i = position - 1
        while i >= 0 and position - i <= GROUP_REACH and tokens[i].sentence == sentence:
            token = tokens[i]
            title = spans.title(i)
            place = spans.place(i)
            if title is not None:
                seen_title = True
                start = title.start
                i = title.start - 1
                continue
            if place is not None and place.label != CITY:
                start = place.start
                i = place.start - 1
                continue
            if token.key in self.res.possessives or token.key in self.res.of_words:
                i -= 1
                continue
            if i > 1 and self.spans.glued(i - 1) and token.alpha:
                i -= 2  # "Co-operative": the word goes on before its hyphen
                continue
            if self._posting(i + 1):
                i -= 1  # "High Commissioner to Ruritania X": the title goes on before "to"
                continue
            if token.text == "," and tokens[i + 1].key in self.res.joining_words:
                break  # "A, Iran's foreign minister, and B": the title is A's
            if token.text == "," and not seen_title:
                i -= 1
                continue
            run = self.run_ending_at.get(i)
            if run is not None and not self.inside_name_of_body(run):
                break  # another person's name: "President X and Y"
            if (
                token.key in GROUP_MARKS
                or token.key in self.res.title_fillers
                or token.key in self.res.title_modifiers
                or (token.capitalized and token.alpha)
            ):
                i -= 1
                continue
            if (
                token.alpha
                and not seen_title
                and token.key not in self.res.reporting_words
                and token.key not in self.res.pronouns
                and i > 0
                and tokens[i - 1].key in {"the", "of", "in"}
                and self._title_within(i, sentence, 4)
            ):
                i -= 1  # "minister of state in the presidency X"
                continue
            if any(ch.isdigit() for ch in token.text) and not token.text.isdigit():
                i -= 1
                continue
            if self._prefixed_ordinal_ends(i):
                i -= 3  # "Presiden ke-44 X": the title goes on before the number
                continue
            break
        if start == position:
            return None
        return self.describe(start, position)

    def _title_within(self, i: int, sentence: int, distance: int) -> bool:
        for k in range(i - 1, max(i - 1 - distance, -1), -1):
            if self.tokens[k].sentence != sentence:
                return False
            title = self.spans.title(k)
            if title is not None and title.label != "courtesy":
                return True
        return False

    def _delegation_country(self, start: int) -> str | None:
        """'A Ugandan mission led by ... X': the delegation's country."""
        tokens = self.tokens
        sentence = tokens[start].sentence
        for k in range(start - 1, max(start - 12, -1), -1):
            if tokens[k].sentence != sentence:
                return None
            if tokens[k].key in self.res.led_by or (
                k + 1 < start and f"{tokens[k].key} {tokens[k + 1].key}" in self.res.led_by
            ):
                for j in range(k - 1, max(k - 7, -1), -1):
                    place = self.spans.place(j)
                    if is_country_like(place):
                        return place.place.country
                return None
        return None

    def describe(self, start: int, end: int) -> TitleGroup | None:
        """The title group of tokens start..end: its main title, rank and country."""
        titles = [t for t in self.ann.titles if start <= t.start and t.end <= end]
        if not titles:
            return None
        if start > 0 and self.tokens[start - 1].key in self.res.facility_words:
            return None  # "the Presidential Palace": a building's name
        ranked = [t for t in titles if t.label != "courtesy"] or titles
        main = ranked[-1]
        countries = [
            p for p in self.ann.places if start <= p.start and p.end <= end and is_country_like(p)
        ]
        organisations = [
            p
            for p in self.ann.places
            if start <= p.start and p.end <= end and p.label == ORGANISATION
        ]
        org_words = any(
            self.tokens[i].key in self.res.organisation_words for i in range(start, end)
        )
        # "Ambassador to Ruritania": where they serve; their own country is another one named.
        countries = [p for p in countries if not self._posting(p.start)]
        country = countries[-1].place.country if countries else self._delegation_country(start)
        former = self._numbered(start, end) or any(
            self.tokens[i].key in self.res.former_words for i in range(start, end)
        )
        rank = main.label
        if rank == "organisation" and countries:
            rank = AGENCY  # the chair of a country's own body speaks for that country
        return TitleGroup(
            former=former,
            start=start,
            end=end,
            title=self.doc.span_text(main.start, main.end),
            rank=rank,
            country=country,
            # A party's leader is no international organisation's: "Ketua Umum Partai X".
            organisation=country is None
            and (
                bool(organisations)
                or (org_words and main.label != "party")
                or main.label == "organisation"
            ),
        )

    def _prefixed_ordinal_ends(self, i: int) -> bool:
        """Tokens i-2..i are an ordinal written with a prefix: "ke-44"."""
        tokens = self.tokens
        return (
            i >= 2
            and tokens[i].text.isdigit()
            and tokens[i - 1].text == "-"
            and tokens[i - 2].key in self.res.ordinal_prefixes
        )

    def _numbered(self, start: int, end: int) -> bool:
        """The title group start..end (or the word before it) numbers its office: "the 44th
        President", "Presiden ke-44". The news numbers the holders of an office once they have
        left it; a serving one is called by the title alone."""
        for i in range(max(start - 1, 0), end):
            text = self.tokens[i].key
            digits = text.rstrip("abcdefghijklmnopqrstuvwxyz")
            if digits.isdigit() and text[len(digits) :] in self.res.ordinal_suffixes:
                return True
            if self._prefixed_ordinal_ends(i):
                return True
        return False

    def _posting(self, position: int) -> bool:
        """A place at `position` is a diplomat's posting: right after a title and a posting
        word ("Ambassador to", "Duta Besar untuk"). After anything else ("a trip to China") it
        is no posting."""
        if position < 2 or position >= len(self.tokens):
            return False
        if self.tokens[position - 1].key not in self.res.posting_words:
            return False
        place = self.spans.place(position)
        if place is None or place.start != position:
            return False
        before = position - 2
        nationality = self.spans.place(before)
        if is_country_like(nationality) and nationality.end == position - 1:
            before = nationality.start - 1  # "Duta Besar Inggris untuk ...": their own country
        title = self.spans.title(before) if before >= 0 else None
        return title is not None and title.end == before + 1

    def country_after(self, end: int) -> str | None:
        """'King X of Jordan': a country after the name, joined by 'of'."""
        tokens = self.tokens
        if end + 1 < len(tokens) and tokens[end].key in self.res.of_words:
            place = self.spans.place(end + 1)
            if is_country_like(place) and place.start == end + 1:
                return place.place.country
        return None

    def apposition_after(self, end: int) -> TitleGroup | None:
        """'X, Iran's foreign affairs minister,': a title after the name."""
        tokens = self.tokens
        if end >= len(tokens) or tokens[end].text != ",":
            return None
        sentence = tokens[end].sentence
        stop = end + 1
        while (
            stop < len(tokens)
            and stop - end <= APPOSITION_REACH
            and tokens[stop].sentence == sentence
            and tokens[stop].text not in {",", ")", *STOPS}
        ):
            stop += 1
        titles = [
            t for t in self.ann.titles if end < t.start and t.end <= stop and t.label != "courtesy"
        ]
        if not titles or titles[0].start - end > 5:
            return None
        if self._introduces_a_name(titles[0].end, stop):
            return None  # "A, Foreign Minister B, and C": the title is B's
        group = self.describe(end + 1, stop)
        if group and group.country is None:
            later = [
                p for p in self.ann.places if end < p.start and p.end <= stop and is_country_like(p)
            ]
            if later:
                group.country = later[0].place.country
                group.organisation = False
        return group

    def _introduces_a_name(self, start: int, stop: int) -> bool:
        """A name follows the title group that starts before `start`, within `stop`."""
        for k in range(start, stop):
            run = self.run_starting_at.get(k)
            if run is not None and not self.office_run(run):
                return True
            token = self.tokens[k]
            if not (
                self.spans.title(k)
                or self.spans.place(k)
                or token.capitalized
                or token.key in self.res.title_fillers
                or token.key in self.res.possessives
                or token.key in GROUP_MARKS
            ):
                return False
        return False

    def apposition_before(self, start: int) -> TitleGroup | None:
        """'the Italian foreign minister, X': a title, a comma, then the name."""
        if start < 2 or self.tokens[start - 1].text != ",":
            return None
        return self.before(start - 1, strict_edge=True)
