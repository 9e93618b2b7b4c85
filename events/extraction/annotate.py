"""Lexicon matches over a document: places, titles, meeting words and status cues."""

from __future__ import annotations

from dataclasses import dataclass

from events.extraction.document import Document
from events.extraction.gazetteer import CITY, COUNTRY, DEMONYM, NOT_A_PLACE, Place
from events.extraction.resources import NOT_A_TRIGGER, Resources


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # token range
    end: int
    sentence: int
    label: str  # the place kind, title rank, trigger kind or cue
    text: str  # folded words
    place: Place | None = None


@dataclass
class Annotations:
    places: list[Mention]
    titles: list[Mention]
    triggers: list[Mention]
    cues: list[Mention]
    reporting: list[Mention]
    sidelines: list[Mention]
    repeats: list[Mention]
    ordinals: list[Mention]
    holdings: list[Mention]
    referrings: list[Mention]
    capital_words: list[Mention]
    place_at: list[Mention | None]
    title_at: list[Mention | None]

    def in_sentence(self, mentions: list[Mention], sentence: int) -> list[Mention]:
        return [mention for mention in mentions if mention.sentence == sentence]


def _choose_places(doc: Document, mentions: list[Mention], candidates: dict) -> list[Mention]:
    """Of namesake cities, the one in a country the article names ("Nara" with Japan)."""
    named = {m.place.country for m in mentions if m.label in {COUNTRY, DEMONYM}}
    chosen = []
    for mention in mentions:
        options = candidates.get(mention.start, ())
        if mention.label == CITY and len(options) > 1 and mention.place.country not in named:
            better = next((p for p in options if p.kind == CITY and p.country in named), None)
            if better is not None:
                mention = Mention(
                    mention.start, mention.end, mention.sentence, CITY, mention.text, better
                )
        chosen.append(mention)
    return chosen


def _mentions(
    doc: Document, index, keys, texts, label_of, every=False, matches=None
) -> list[Mention]:
    """Matches as mentions: the first reading of each, or every reading (`every`: a cue
    word such as "would" can say both "planned" and "modal")."""
    found = []
    if matches is None:
        matches = index.find(keys, texts, doc.positions)
    for match in matches:
        sentence = doc.tokens[match.start].sentence
        if doc.tokens[match.end - 1].sentence != sentence:
            continue
        text = " ".join(keys[match.start : match.end])
        for payload in match.payloads if every else match.payloads[:1]:
            label, place = label_of(payload)
            found.append(Mention(match.start, match.end, sentence, label, text, place))
    return found


def annotate(doc: Document, resources: Resources) -> Annotations:
    keys, texts = doc.keys, doc.texts

    def as_place(place: Place):
        return place.kind, place

    def as_label(label: str):
        return label, None

    matches = resources.gazetteer.places.find(keys, texts, doc.positions)
    options = {match.start: match.payloads for match in matches}
    places = _choose_places(
        doc,
        [
            mention
            for mention in _mentions(
                doc, resources.gazetteer.places, keys, texts, as_place, matches=matches
            )
            if mention.label != NOT_A_PLACE and not _names_a_building(doc, mention, resources)
        ],
        options,
    )
    if resources.gazetteer.prefixes:
        covered = {i for mention in places for i in range(mention.start, mention.end)}
        for token in doc.tokens:
            if token.i in covered or not token.alpha:
                continue
            place = resources.gazetteer.prefixed(token.key)
            if place is None:
                continue
            kind = place.kind if place.kind == CITY else (COUNTRY if token.capitalized else DEMONYM)
            places.append(Mention(token.i, token.i + 1, token.sentence, kind, token.key, place))
        places.sort(key=lambda mention: mention.start)

    place_at: list[Mention | None] = [None] * len(doc.tokens)
    for mention in places:
        for i in range(mention.start, mention.end):
            place_at[i] = mention
    # A place's name outweighs a title inside it: "Sri" in "Sri Lanka" is no honorific.
    titles = [
        mention
        for mention in _mentions(doc, resources.titles, keys, texts, as_label)
        if not any(
            place_at[i] and not place_at[i].place.landmark  # "Kremlin leader" stays a title
            for i in range(mention.start, mention.end)
        )
    ]
    title_at: list[Mention | None] = [None] * len(doc.tokens)
    for mention in titles:
        for i in range(mention.start, mention.end):
            title_at[i] = mention
    return Annotations(
        places=places,
        titles=titles,
        triggers=_with_acronyms(
            doc,
            [
                mention
                for mention in _mentions(doc, resources.triggers, keys, texts, as_label)
                if mention.label != NOT_A_TRIGGER
            ],
        ),
        cues=[
            cue
            for cue in _mentions(doc, resources.cues, keys, texts, as_label, every=True)
            # Cue words are everyday words: capitalised inside a sentence they are names
            # ("last May", "Will Smith").
            if not doc.tokens[cue.start].capitalized or cue.start == doc.sentences[cue.sentence][0]
        ],
        reporting=_mentions(doc, resources.reporting, keys, texts, as_label),
        sidelines=_mentions(doc, resources.sidelines, keys, texts, as_label),
        repeats=_mentions(doc, resources.repeat, keys, texts, as_label),
        ordinals=_mentions(doc, resources.ordinals, keys, texts, as_label),
        holdings=_mentions(doc, resources.holding, keys, texts, as_label),
        referrings=_mentions(doc, resources.referring, keys, texts, as_label),
        capital_words=_mentions(doc, resources.capital_words, keys, texts, as_label),
        place_at=place_at,
        title_at=title_at,
    )


def _with_acronyms(doc: Document, triggers: list[Mention]) -> list[Mention]:
    """'Joint Working Group (JWG)': the acronym is the same meeting word wherever it recurs."""
    tokens = doc.tokens
    acronyms: dict[str, Mention] = {}
    for mention in triggers:
        after = mention.end
        if (
            mention.end - mention.start >= 2
            and after + 2 < len(tokens)
            and tokens[after].text == "("
            and tokens[after + 2].text == ")"
            and tokens[after + 1].text.isupper()
            and tokens[after + 1].alpha
        ):
            acronyms[tokens[after + 1].key] = mention
    if not acronyms:
        return triggers
    found = list(triggers)
    for token in tokens:
        meaning = acronyms.get(token.key)
        if meaning is not None and token.text.isupper() and token.i != meaning.end + 1:
            found.append(Mention(token.i, token.i + 1, token.sentence, meaning.label, token.key))
    return sorted(found, key=lambda mention: mention.start)


def _names_a_building(doc: Document, mention: Mention, resources: Resources) -> bool:
    """'Kasablanka Hall', 'Kuala Lumpur Convention Centre', 'the U.S. Embassy': a place's name
    inside a building's."""
    if mention.label not in {CITY, COUNTRY, DEMONYM} or mention.end >= len(doc.tokens):
        return False
    following = doc.tokens[mention.end]
    return following.capitalized and following.key in resources.facility_words


def is_country_like(mention: Mention | None) -> bool:
    return mention is not None and mention.label in {COUNTRY, DEMONYM}
