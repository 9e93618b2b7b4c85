"""Which runs of tokens are personal names.

A name is a run of capitalised words, with name particles ("bin", "al-", "van"), initials,
hyphenated given names and regnal numbers inside it. Titles, months, weekdays, places and the
lexicon's `not_names` are no name words; a town's name is one when it stands beside another name
("Lloyd Austin" is no trip to Texas). What a run is (a person, an office, a body) is decided by
the parts that read its surroundings.
"""

from __future__ import annotations

import re

from events.extraction.annotate import Annotations, Mention
from events.extraction.document import Document
from events.extraction.gazetteer import CITY
from events.extraction.names import fold
from events.extraction.people import ActorDirectory
from events.extraction.persons.evidence import NameEvidence
from events.extraction.resources import Resources

GLUED_FRONT = re.compile(r"^(\w*[a-z])(?=[A-Z][a-z])")  # "AffairsJane": "Affairs"
ROMAN = re.compile(r"^(I{1,3}|IV|V|VI{0,3}|Jr\.?|Sr\.?)$")
INITIAL = re.compile(r"^[A-Z]\.?$")
INITIALS = re.compile(r"^[A-Z]{2,3}\.?$")  # "Jane QR Roe"
LARGE_TOWN = 500_000  # inhabitants: a larger town's name is a place, even beside a name
EVERYDAY_SURNAME_LENGTH = 3  # "He Wei", "Ma Ying-jeou": short surnames that are words
HYPHENS = {"-", "‐"}
CURRENCY = set("$€£¥₹")

Run = tuple[int, int]


class NameSpans:
    def __init__(
        self,
        doc: Document,
        annotations: Annotations,
        resources: Resources,
        directory: ActorDirectory,
    ) -> None:
        self.doc = doc
        self.ann = annotations
        self.res = resources
        self.directory = directory
        self.tokens = doc.tokens
        self._name_words: dict[int, bool] = {}  # token index -> may be part of a name
        self.evidence = NameEvidence(doc, resources)

    # --- what a token is ----------------------------------------------------------------------

    def place(self, i: int) -> Mention | None:
        return self.ann.place_at[i]

    def title(self, i: int) -> Mention | None:
        return self.ann.title_at[i]

    def name_word(self, i: int) -> bool:
        known = self._name_words.get(i)
        if known is None:
            known = self._name_words[i] = self._is_name_word(i)
        return known

    def _is_name_word(self, i: int) -> bool:
        token = self.tokens[i]
        if not token.capitalized:
            return False
        # A word of letters only has a letter, and no full stop, figure or currency sign.
        if not token.alpha:
            if not any(ch.isalpha() for ch in token.text):
                return False
            if "." in token.text[1:-1]:
                return False  # "ASEAN.Kemudian": two words run together
            if any(ch.isdigit() or ch in CURRENCY for ch in token.text):
                return False  # "US$300bn", "G20": figures and codes, not names
        if (
            token.key in self.res.not_names
            or token.key in self.res.office_words
            or token.key in self.res.title_modifiers
            or self.title(i) is not None
        ):
            return False
        if self.res.dates.months.get(token.key.rstrip(".")) or token.key in self.res.dates.weekdays:
            return False
        place = self.place(i)
        if place is not None and not self._name_like_city(place, i):
            return False
        if token.text.isupper() and len(token.text) > 1 and not ROMAN.match(token.text):
            return bool(self.directory.lookup(token.text))  # "SBY", "AMLO"; not "US", "NATO"
        return True

    def _name_like_city(self, place: Mention, i: int, depth: int = 0) -> bool:
        """A town's name beside another name is part of a name: "Barack Obama", "Vladimir
        Putin", and "Secretary of State Marco Rubio" (two towns in a row after a title)."""
        if (
            place.label != CITY
            or place.place is None
            or place.end - place.start > 1
            or (
                not place.place.alternate
                and (place.place.capital or place.place.population >= LARGE_TOWN)
            )
        ):
            return False
        if place.place.alternate and self._joins_a_name(i):
            return True  # "President Ahmad al-Sharaa": "Ahmad" is no town here
        previous_title = self.title(i - 1) if i > 0 else None
        after_title = previous_title is not None and previous_title.label in {
            "royal",
            "courtesy",
            "head",
            "minister",
            "deputy",
        }
        return (
            after_title
            or self.plain_word(i - 1)
            or self.plain_word(i + 1)
            or (depth < 2 and i > 0 and self._town_in_name(i - 1, depth + 1))
        )

    def _joins_a_name(self, i: int) -> bool:
        """A name particle or another capitalised word right after token i."""
        following = i + 1
        if (
            following >= len(self.tokens)
            or self.tokens[following].sentence != self.tokens[i].sentence
        ):
            return False
        token = self.tokens[following]
        return token.key in self.res.name_particles or (
            token.capitalized and token.alpha and self.place(following) is None
        )

    def _town_in_name(self, i: int, depth: int) -> bool:
        place = self.place(i)
        return place is not None and self._name_like_city(place, i, depth)

    def plain_word(self, i: int) -> bool:
        """A capitalised word that is neither a place, a title nor a known non-name."""
        if i < 0 or i >= len(self.tokens):
            return False
        token = self.tokens[i]
        return (
            token.capitalized
            and token.alpha
            and self.place(i) is None
            and self.title(i) is None
            and token.key not in self.res.not_names
        )

    def glued(self, i: int) -> bool:
        """Token i is a hyphen written without spaces between two words: "al-Sharaa"."""
        return (
            self.tokens[i].text in HYPHENS
            and i > 0
            and not self.tokens[i - 1].space_after
            and not self.tokens[i].space_after
        )

    def _spaced_hyphen(self, i: int) -> bool:
        return i < len(self.tokens) and self.tokens[i].text in HYPHENS

    def name_text(self, start: int, end: int) -> str:
        """A run's text without a word glued to its front ("AffairsJane Roe": an office word
        run into the name when a line break was lost)."""
        text = self.doc.span_text(start, end)
        glued = GLUED_FRONT.match(self.tokens[start].text)
        if glued and self.stop_word(fold(glued.group(1))):
            return text[len(glued.group(1)) :]
        return text

    def office_word(self, key: str) -> bool:
        """A word of an office or an organisation's name."""
        return key in self.res.office_words or key in self.res.organisation_words

    def stop_word(self, key: str) -> bool:
        """A word that is never part of a name: a function, office or organisation word."""
        return (
            key in self.res.not_names
            or key in self.res.office_words
            or key in self.res.organisation_words
        )

    # --- runs -------------------------------------------------------------------------------

    def runs(self) -> list[Run]:
        """Every name run of the document, in order."""
        runs: list[Run] = []
        tokens = self.tokens
        count = len(tokens)
        particles = self.res.name_particles
        i = 0
        while i < count:
            # Most words are lowercase and no particle: they start no run (_run_start's first
            # test, without a call for each of them).
            token = tokens[i]
            if not token.capitalized and token.key not in particles:
                i += 1
                continue
            start = self._run_start(i)
            if start is None:
                i += 1
                continue
            j = self._run_end(start)
            while j > start and (
                tokens[j - 1].key in self.res.name_particles or tokens[j - 1].text in HYPHENS
            ):
                j -= 1
            if j > start and any(self.name_word(k) for k in range(start, j)):
                if not self.names_a_body(start, j):
                    runs.append((self._name_start(start, j), j))
                i = j
            else:
                i = start + 1
        return runs

    def _name_start(self, start: int, end: int) -> int:
        """Where the name begins in a run: after everyday words and places run into its front
        ("Kehadiran Jane Roe", "Ruritania City Jane Roe"), when a given name follows them and
        leaves a given name and a surname."""
        k = start
        while k < end - 2 and (
            self.evidence.everyday_word(self.tokens[k].key) or self.place(k) is not None
        ):
            k += 1
        if k > start and self.evidence.given_name(self.tokens[k].key):
            return k
        return start

    def _everyday_surname(self, j: int) -> bool:
        """A capitalised everyday word right after a known given name that ends the name:
        "Catherine West", "Susan Rice" (not "Jane West Bank", nor a word that starts a clause)."""
        tokens = self.tokens
        token = tokens[j]
        if not (token.capitalized and token.alpha and len(token.text) > 2) or j == 0:
            return False
        if token.key not in self.res.not_names or self.title(j) is not None:
            return False
        if not self.evidence.given_name(tokens[j - 1].key) or not tokens[j - 1].capitalized:
            return False
        following = tokens[j + 1] if j + 1 < len(tokens) else None
        return following is None or not (
            following.capitalized and following.sentence == token.sentence
        )

    def names_a_body(self, start: int, end: int) -> bool:
        """Capitalised words that name a body or a building, not a person: every word an office
        word ("Co-operative Development"), a word that ends such a name in or right after the
        run ("Grand Mosque", "Political Consultative Conference"), or one that begins it right
        before ("Partai Gerindra")."""
        written = [fold(word) for word in self.doc.span_text(start, end).split()]
        if all(self.office_word(word) for word in written):
            return True
        if any(word in self.res.body_ends for word in written[1:]):
            return True
        tokens = self.tokens
        following = tokens[end] if end < len(tokens) else None
        if (
            following is not None
            and following.sentence == tokens[start].sentence
            and following.capitalized
            and following.key in self.res.body_ends
        ):
            return True
        return (
            start > 0
            and tokens[start - 1].sentence == tokens[start].sentence
            and tokens[start - 1].capitalized
            and tokens[start - 1].key in self.res.body_starts
        )

    def _run_end(self, start: int) -> int:
        tokens = self.tokens
        count = len(tokens)
        particles = self.res.name_particles
        j = start
        if not self.name_word(start) and tokens[start].key in self.res.not_names:
            j += 1  # the everyday-word surname _run_start let in ("He Wei")
        while j < count and tokens[j].sentence == tokens[start].sentence:
            if (
                self.name_word(j)
                or (j > start and INITIAL.match(tokens[j].text))
                or (j > start and ROMAN.match(tokens[j].text) and tokens[j - 1].capitalized)
                or (j > start and self._initials(j))
                or (j > start and self._month_surname(j))
            ):
                j += 1
            elif j + 1 < count and self.glued(j) and tokens[j + 1].alpha:
                j += 2
            elif j > start and j + 2 < count and self.glued(j + 1) and tokens[j].capitalized:
                j += 1  # "Kim Min-jun": a hyphenated given name
            elif (
                tokens[j].key in particles
                and j + 1 < count
                and tokens[j + 1].sentence == tokens[j].sentence
                and (
                    self.name_word(j + 1)
                    or self.glued(j + 1)
                    or self._spaced_hyphen(j + 1)
                    or (j > start and self.title(j + 1) is not None and tokens[j + 1].capitalized)
                )
            ):
                j += 1
            elif (
                j > start
                and tokens[j - 1].key in particles
                and tokens[j].capitalized
                and self.title(j) is not None
            ):
                j += 1  # "bin Sultan": after a particle, a title word is a name
            elif self._spaced_hyphen(j) and j > start and tokens[j - 1].key in particles:
                j += 1
            elif j > start and self._small_town_in_name(j):
                j = self.place(j).end  # "Tran Vinh Long": a town's words ending a name
            elif j > start and self._everyday_surname(j):
                j += 1
                break
            else:
                break
        if j > start and self._town_surname(start, j):
            j += 1
        return j

    def _small_town_in_name(self, j: int) -> bool:
        """A small town of several words right after a name word, with no preposition between,
        goes on the name (one-word towns are decided by `_name_like_city`)."""
        place = self.place(j)
        return bool(
            place is not None
            and place.start == j
            and place.label == CITY
            and place.end - place.start > 1
            and place.place is not None
            and not place.place.capital
            and place.place.population < LARGE_TOWN
            and self.tokens[place.end - 1].sentence == self.tokens[j].sentence
            and all(self.tokens[k].capitalized for k in range(j, place.end))
            and self.tokens[j].sentence not in self.doc.headline_sentences
        )

    def _initials(self, j: int) -> bool:
        """Two or three capitals between name words are initials: "Jane QR Roe"."""
        return bool(
            INITIALS.match(self.tokens[j].text)
            and self.place(j) is None
            and not self.stop_word(self.tokens[j].key)
            and j + 1 < len(self.tokens)
            and self.tokens[j + 1].sentence == self.tokens[j].sentence
            and self.name_word(j + 1)
        )

    def _month_surname(self, j: int) -> bool:
        """A month's name right after a name word, with no number beside it, is a surname:
        "Theresa May", "Li Jun". Not in headlines, whose capitals tell nothing."""
        token = self.tokens[j]
        if (
            not token.capitalized
            or not token.alpha
            or not self.res.dates.months.get(token.key)
            or token.sentence in self.doc.headline_sentences
            or (self.doc.shouting_title and self.doc.in_title(j))
        ):
            return False
        neighbours = [self.tokens[k] for k in (j - 1, j + 1) if 0 <= k < len(self.tokens)]
        return not any(any(ch.isdigit() for ch in t.text) for t in neighbours)

    def _town_surname(self, start: int, end: int) -> bool:
        """A town's name right after a name is its surname when the directory knows the whole:
        "Lloyd Austin"."""
        if end >= len(self.tokens) or self.tokens[end].sentence != self.tokens[start].sentence:
            return False
        place = self.place(end)
        if place is None or place.label != CITY or place.end != end + 1:
            return False
        words = " ".join(self.tokens[i].text for i in range(start, end + 1))
        return bool(self.directory.lookup(words, self.res.name_endings))

    def _run_start(self, i: int) -> int | None:
        token = self.tokens[i]
        if not token.capitalized and token.key not in self.res.name_particles:
            return None
        if (
            token.key in self.res.not_names
            and token.key not in self.res.office_words
            and len(token.text) <= EVERYDAY_SURNAME_LENGTH
            and not token.text.isupper()
            and token.capitalized
            and token.alpha
            and self.title(i) is None
            and self.place(i) is None
            and i > 0
            and self.title(i - 1) is not None
            and i + 1 < len(self.tokens)
            and self.name_word(i + 1)
            and self.tokens[i + 1].sentence == token.sentence
        ):
            return i  # "Vice Premier He Wei": a surname that is also an everyday word
        if self.name_word(i) or (
            INITIAL.match(self.tokens[i].text)
            and i + 1 < len(self.tokens)
            and self.name_word(i + 1)
        ):
            return i
        if (
            token.key in self.res.name_particles
            and i + 2 < len(self.tokens)
            and (self.glued(i + 1) or self._spaced_hyphen(i + 1))
            and self.name_word(i + 2)
        ):
            return i
        return None
