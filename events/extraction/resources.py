"""Everything the engine needs to read one language, built once from its lexicon."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language

from events.extraction import lexicon, resource_cache
from events.extraction.dates import DateReader
from events.extraction.document import lexicon_tokenizer, pipeline
from events.extraction.gazetteer import Gazetteer
from events.extraction.gazetteer import for_language as gazetteer_for
from events.extraction.names import fold
from events.extraction.phrases import ANY_CASE, PhraseIndex

KINDS = ("visit", "meeting", "call", "multilateral")
NOT_A_TRIGGER = "none"


@dataclass
class Resources:
    language: str
    lexicon: dict
    nlp: Language  # tokenizes a few words at run time (the dateline): the article pipeline
    gazetteer: Gazetteer
    dates: DateReader
    titles: PhraseIndex  # payload: rank
    triggers: PhraseIndex  # payload: kind
    cues: PhraseIndex  # payload: planned, cancelled, hypothetical, present, past
    reporting: PhraseIndex  # payload: "reporting"
    sidelines: PhraseIndex
    repeat: PhraseIndex
    ordinals: PhraseIndex  # "the first ... and the second ...": rounds listed
    holding: PhraseIndex
    many_countries: frozenset[str]
    anaphora: frozenset[str]
    call_needs_person: frozenset[str]
    needs_person_object: frozenset[str]
    needs_place: frozenset[str]
    needs_envoy: frozenset[str]  # "summoned the ambassador": a summons of a diplomat only
    name_particles: frozenset[str]
    title_modifiers: frozenset[str]
    led_by: frozenset[str]
    joining_words: frozenset[str]
    reporting_words: frozenset[str]
    opposing_words: frozenset[str]
    not_names: frozenset[str]
    office_words: frozenset[str]  # portfolio words of an office title: never a name
    body_ends: frozenset[str]  # words that end a body's or building's name: "X Conference"
    body_starts: frozenset[str]  # words that begin one: "Partai X"
    posting_words: frozenset[str]  # "Ambassador to X": X is where they serve, not their country
    ordinal_suffixes: tuple[str, ...]  # "the 44th President": a numbered, past holder
    ordinal_prefixes: frozenset[str]  # "Presiden ke-44"
    one_word_names: bool  # officials often go by one name ("Sugiono")
    pronouns: frozenset[str]
    organisation_words: frozenset[str]
    counterpart: frozenset[str]
    gathering_words: frozenset[str]
    summit_words: frozenset[str]
    venue_fillers: frozenset[str]
    facility_words: frozenset[str]
    pair_words: tuple[str, ...]
    referring: PhraseIndex
    bilateral_words: frozenset[str]
    former_words: frozenset[str]
    former_cues: PhraseIndex
    name_endings: tuple[str, ...]  # case endings of names, for inflected languages
    list_words: frozenset[str]
    postponed_to: frozenset[str]
    title_fillers: frozenset[str]
    venue_words: frozenset[str]
    destination_words: frozenset[str]
    origin_words: frozenset[str]
    of_words: frozenset[str]
    possessives: frozenset[str]
    capital_words: PhraseIndex

    def __getstate__(self) -> dict:
        # A pipeline is no data: it is made again (cheaply) where the resources are loaded.
        return self.__dict__ | {"nlp": None}


def _folded(words) -> frozenset[str]:
    return frozenset(fold(word) for word in words)


def _tokenized(nlp: Language, phrases) -> frozenset[str]:
    """Phrases as the engine sees a matched trigger: folded tokens joined by spaces."""
    return frozenset(
        " ".join(fold(token.text) for token in doc if not token.is_space)
        for doc in nlp.tokenizer.pipe(list(phrases))
    )


def _index(nlp: Language, table: dict[str, list[str]] | dict[str, str]) -> PhraseIndex:
    index = PhraseIndex()
    items: list[tuple[str, str]] = []
    for key, value in table.items():
        if isinstance(value, list):
            items.extend((phrase, key) for phrase in value)
        else:
            items.append((key, value))
    index.add_phrases(nlp, items, ANY_CASE)
    return index


@cache
def for_language(language: str) -> Resources:
    """A language's resources: loaded from the disk cache, or built (and cached) once."""
    resources = resource_cache.load_or_build(
        f"resources-{language}", resource_cache.language_key(language), lambda: build(language)
    )
    # The lexicon's own tokenizer was needed to build; reading a dateline's few words with
    # the article pipeline (which a worker builds anyway) spares a second spacy.blank, which
    # costs seconds for some languages (Indonesian).
    resources.nlp = pipeline(resources.lexicon["meta"]["spacy"])
    return resources


def build(language: str) -> Resources:
    """Build a language's resources from its lexicon (seconds: see `for_language`)."""
    lex = lexicon.load(language)
    nlp = lexicon_tokenizer(lex["meta"]["spacy"])
    triggers = lex.get("triggers", {})
    people = lex.get("people", {})
    places = lex.get("places", {})
    cues = lex.get("cues", {})
    return Resources(
        language=language,
        lexicon=lex,
        nlp=nlp,
        gazetteer=gazetteer_for(language),
        dates=DateReader(lex, nlp),
        titles=_index(nlp, lex.get("titles", {})),
        triggers=_index(
            nlp,
            {kind: triggers.get(kind, []) for kind in KINDS}
            | {NOT_A_TRIGGER: triggers.get("not_triggers", [])},
        ),
        cues=_index(nlp, cues),
        reporting=_index(nlp, {"reporting": people.get("reporting", [])}),
        sidelines=_index(nlp, {"sidelines": triggers.get("sidelines", [])}),
        repeat=_index(nlp, {"repeat": triggers.get("repeat", [])}),
        ordinals=_index(nlp, {"ordinal": triggers.get("ordinals", [])}),
        holding=_index(nlp, {"holding": triggers.get("holding", [])}),
        many_countries=_folded(triggers.get("many_countries", [])),
        anaphora=_folded(triggers.get("anaphora", [])),
        call_needs_person=_tokenized(nlp, triggers.get("call_needs_person", [])),
        needs_person_object=_tokenized(nlp, triggers.get("needs_person_object", [])),
        needs_place=_tokenized(nlp, triggers.get("needs_place", [])),
        needs_envoy=_tokenized(nlp, triggers.get("needs_envoy", [])),
        gathering_words=_folded(triggers.get("gathering_words", [])),
        summit_words=_tokenized(nlp, triggers.get("summit_words", [])),
        venue_fillers=_folded(places.get("venue_fillers", [])),
        facility_words=_folded(places.get("facility_words", [])),
        pair_words=tuple(_tokenized(nlp, people.get("pair_words", []))),
        referring=_index(nlp, {"referring": triggers.get("referring", [])}),
        bilateral_words=_folded(triggers.get("bilateral_words", [])),
        former_words=_folded(people.get("former", [])),
        former_cues=_index(nlp, {"former": people.get("former_cues", [])}),
        name_endings=tuple(
            sorted((fold(e) for e in people.get("name_endings", [])), key=len, reverse=True)
        ),
        name_particles=_folded(people.get("name_particles", [])),
        title_modifiers=_folded(people.get("title_modifiers", [])),
        led_by=_folded(people.get("led_by", [])),
        joining_words=_folded(people.get("joining", [])),
        reporting_words=_folded(people.get("reporting", [])),
        opposing_words=_folded(people.get("opposing", [])),
        not_names=_folded(people.get("not_names", [])),
        office_words=_folded(people.get("office_words", [])),
        body_ends=_folded(people.get("body_ends", [])),
        body_starts=_folded(people.get("body_starts", [])),
        posting_words=_folded(people.get("posting", [])),
        ordinal_suffixes=tuple(fold(e) for e in people.get("ordinal_suffixes", [])),
        ordinal_prefixes=_folded(people.get("ordinal_prefixes", [])),
        one_word_names=bool(people.get("one_word_names", False)),
        pronouns=_folded(people.get("pronouns", [])),
        organisation_words=_folded(people.get("organisation_words", [])),
        counterpart=_folded(people.get("counterpart", [])),
        list_words=_folded(people.get("list_words", [])),
        postponed_to=_folded(lex.get("dates", {}).get("postponed_to", [])),
        title_fillers=_folded(people.get("title_fillers", [])),
        venue_words=_folded(places.get("venue", [])),
        destination_words=_folded(places.get("destination", [])),
        origin_words=_folded(places.get("origin", [])),
        of_words=_folded(places.get("of", [])),
        possessives=_folded(places.get("possessive", [])),
        capital_words=_index(nlp, {"capital": places.get("capital_words", [])}),
    )
