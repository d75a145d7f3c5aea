"""How the words of a language are compared: folded, stemmed, stop words known.

Both databases' own tools differ (PostgreSQL stems most languages but not Polish,
SQLite stems English only), so for SQLite and for PostgreSQL's languages without a
configuration Convivium normalises words itself, the same way at indexing and at
query time: lower case without accents (the query is typed without them), then
Snowball's stemmer of the language (PyStemmer), or simplemma's lemmas for a language
Snowball lacks. Stop words come from the stopwords-iso lists; they never make a
query fail (see :mod:`search.understanding`).
"""

import functools
import re
import unicodedata

import simplemma
import Stemmer
import stopwordsiso

from .arabic import LETTER, ZERO_WIDTH_JOINER

WORD = re.compile(r"\w+", re.UNICODE)
# A query word whose stem has this many letters also finds the longer words starting
# with its stem: the derivations Snowball leaves apart (migrant, migration).
PREFIX_FROM = 5
HYPHENS = re.compile("[-‐‑]")
COMPOUND = re.compile(r"\w+(?:[-‐‑]\w+)+", re.UNICODE)
CONJUNCTION = re.compile(f"(?<![{LETTER}])[وف](?=(?:ال|بال|كال|لل)[{LETTER}]{{2}})")
# PyStemmer's algorithm by language code.
SNOWBALL = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "it": "italian",
    "lt": "lithuanian",
    "nl": "dutch",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "tr": "turkish",
}


def base_language(language):
    return language.split("-")[0].lower()


def fold(word):
    """Lower case without accents or Arabic vowel marks: "Città" → "citta"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.cache
def _stemmer(language):
    algorithm = SNOWBALL.get(base_language(language))
    if algorithm in Stemmer.algorithms():
        stemmer = Stemmer.Stemmer(algorithm)
        return stemmer.stemWord
    if base_language(language) in simplemma.supported_languages():
        code = base_language(language)
        return lambda word: simplemma.lemmatize(word, lang=code)
    return lambda word: word


@functools.cache
def stop_words_of(language):
    code = base_language(language)
    if not stopwordsiso.has_lang(code):
        return frozenset()
    return frozenset(fold(word) for word in stopwordsiso.stopwords(code))


def arabic_words(text):
    """Arabic text as Snowball's stemmer reads it best: it removes the article and the
    prepositions joined to it, not a conjunction in front ("والعنصرية"), which goes."""
    return CONJUNCTION.sub("", text.replace(ZERO_WIDTH_JOINER, ""))


def with_joined_compounds(text):
    """The text with each hyphenated word also written joined, in front of it:
    "anti-rumour" is found by "antirumour" as by "anti rumour"."""
    return COMPOUND.sub(lambda match: HYPHENS.sub("", match.group()) + " " + match.group(), text)


def words(text, language):
    """The words of ``text``."""
    if base_language(language) == "ar":
        text = arabic_words(text)
    return WORD.findall(text)


@functools.lru_cache(maxsize=100_000)
def stem(word, language):
    """The form a word is compared in: stemmed in its case, then folded."""
    return fold(_stemmer(language)(word.casefold()))


def stem_as_written(word, language):
    """The stem of a word as it stands in a text (an Arabic word with its conjunction)."""
    if base_language(language) == "ar":
        word = arabic_words(word) or word
    return stem(word, language)


def stems(text, language):
    """The compared forms of every word of ``text``, in order."""
    return [stem(word, language) for word in words(text, language)]


def is_stop_word(word, language):
    return fold(word) in stop_words_of(language)
