"""What a visitor's query asks for: its concepts, their alternatives, their spelling.

A query is read as a list of concepts, one per word or per phrase that the network's
synonyms or its themes know ("anti-rumour", "place of worship"). Each concept has
alternative phrasings: the words as typed, a hyphenated word also written joined
("antirumour") and apart, the synonyms editors keep for the language, and a theme's
or target group's name in the reader's language when the query names it in another.
A word the index has never seen is corrected to the nearest frequent word of the
index (see :mod:`search.vocabulary`). Stop words are concepts too, but optional:
they rank, they are never required.

The backends turn a plan into their own queries: a result matches a concept when it
matches one of its alternatives, and the search asks for every required concept
first, then for most of them (:attr:`Plan.minimum`).
"""

import math
import re
from dataclasses import dataclass, replace

from . import analysis

MAX_CONCEPTS = 16
# Hyphenated words ("anti-rumour") are one concept, written in three ways.
TOKEN = re.compile(r"\w+(?:[-‐‑]\w+)*", re.UNICODE)


@dataclass(frozen=True)
class Concept:
    typed: str  # as the visitor wrote it
    phrases: tuple  # alternatives, each a tuple of words (casefolded)
    optional: bool = False
    corrected: str = ""  # the word of the index it was read as, if misspelt
    known_phrase: bool = False  # a synonym or a theme's name: never corrected


@dataclass(frozen=True)
class Plan:
    language: str
    concepts: tuple = ()

    @property
    def required(self):
        required = [concept for concept in self.concepts if not concept.optional]
        return required or list(self.concepts)

    @property
    def optional(self):
        required = self.required
        return [concept for concept in self.concepts if concept not in required]

    @property
    def minimum(self):
        """How many required concepts the weaker matches must have: half, rounded up."""
        count = len(self.required)
        return count if count <= 1 else math.ceil(count / 2)

    @property
    def corrections(self):
        return [concept for concept in self.concepts if concept.corrected]

    def corrected_text(self):
        return " ".join(concept.corrected or concept.typed for concept in self.concepts)

    def __bool__(self):
        return bool(self.concepts)


def tokens(text, language):
    """The query's words and hyphenated words, as typed, Arabic prefixes removed."""
    if analysis.base_language(language) == "ar":
        text = analysis.arabic_words(text)
    return TOKEN.findall(text)[:MAX_CONCEPTS]


def _parts(token):
    return tuple(part.casefold() for part in analysis.WORD.findall(token))


def _key(words, language):
    return tuple(analysis.stem(word, language) for word in words)


def read(text, language, groups=(), vocabulary=None):
    """The plan of ``text`` in ``language``.

    ``groups`` are tuples of phrases meaning the same (synonyms, a theme's names in
    every language); ``vocabulary`` corrects unknown words (None: no correction).
    """
    typed = tokens(text, language)
    words = [part for token in typed for part in _parts(token)]
    # Which typed word each part came from, to show a phrase as it was typed.
    sources = [index for index, token in enumerate(typed) for _part in _parts(token)]
    known = _phrase_index(groups, language)
    longest = max((len(key) for key in known), default=0)
    concepts, position = [], 0
    while position < len(words):
        match = None
        for size in range(min(longest, len(words) - position), 0, -1):
            key = _key(words[position : position + size], language)
            if key in known:
                match = size, known[key]
                break
        start = sources[position]
        if match:
            size, alternatives = match
            end = sources[position + size - 1]
            phrase = tuple(words[position : position + size])
            concepts.append(
                Concept(
                    " ".join(typed[start : end + 1]),
                    _unique((phrase, *alternatives)),
                    known_phrase=True,
                )
            )
            position += size
            continue
        # A word, or the parts of one hyphenated word, on its own.
        end = position
        while end < len(words) and sources[end] == start:
            end += 1
        parts = tuple(words[position:end])
        phrases = (parts,) if len(parts) == 1 else (parts, ("".join(parts),))
        optional = len(parts) == 1 and analysis.is_stop_word(parts[0], language)
        concepts.append(Concept(typed[start], phrases, optional=optional))
        position += len(parts)
    plan = Plan(language, tuple(concepts))
    if vocabulary is not None:
        plan = correct(plan, vocabulary)
    return plan


def _phrase_index(groups, language):
    """{stems of a phrase: the other phrases of its groups}."""
    index = {}
    for group in groups:
        phrases = [tuple(analysis.WORD.findall(phrase.casefold())) for phrase in group]
        phrases = [phrase for phrase in phrases if phrase]
        for phrase in phrases:
            others = index.setdefault(_key(phrase, language), [])
            others.extend(other for other in phrases if other != phrase)
    return {key: tuple(_unique(others)) for key, others in index.items()}


def _unique(phrases):
    return tuple(dict.fromkeys(phrases))


def correct(plan, vocabulary):
    """The plan with each unknown word read as the index's nearest frequent word."""
    words = [
        word
        for concept in plan.concepts
        if not (concept.optional or concept.known_phrase)
        for word in concept.phrases[0]
    ]
    unknown = vocabulary.unknown(words)
    if not unknown:
        return plan
    nearest = {word: vocabulary.nearest(word) for word in unknown}
    concepts = []
    for concept in plan.concepts:
        parts = concept.phrases[0]
        fixed = tuple(nearest.get(word) or word for word in parts)
        if concept.optional or concept.known_phrase or fixed == parts:
            concepts.append(concept)
            continue
        phrases = (fixed,) if len(fixed) == 1 else (fixed, ("".join(fixed),))
        concepts.append(replace(concept, phrases=phrases, corrected="-".join(fixed)))
    return Plan(plan.language, tuple(concepts))


@dataclass(frozen=True)
class TextSearch:
    """What the backends are asked: a plan, over the entries of some languages, whose
    texts may be written in others (an alias shows its original's text)."""

    text: str
    plan: Plan
    languages: tuple
    text_languages: tuple
