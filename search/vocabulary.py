"""The words of the index, per language: what a misspelt query word is corrected to.

The index keeps every word of its texts with the number of entries it is in
(:class:`search.models.IndexedWord`, counted by :mod:`search.indexing`). A query
word is known if its stem is the stem of an indexed word; an unknown word is read
as the nearest indexed word, one edit away (two for words of eight letters or
more), the most frequent of the nearest. PostgreSQL finds the candidates with
trigram similarity (pg_trgm) and knows the stems by its index; SQLite holds each
language's words in memory, for the version of the index, and compares them with
rapidfuzz. Both choose among the candidates in the same way.
"""

import functools
import threading

from django.db import connection
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from . import analysis
from .models import IndexedWord

MIN_LENGTH = 4  # shorter words are too often right, and too close to everything
CANDIDATES = 20


def allowed_edits(word):
    return 1 if len(word) < 8 else 2


def _checked(word):
    return len(word) >= MIN_LENGTH and not word.isdigit()


class Vocabulary:
    """The indexed words of ``languages`` (the languages the searched texts are in)."""

    def __init__(self, languages, version):
        self.languages = list(languages)
        self.version = version

    def unknown(self, words):
        """Those of ``words`` whose stem no indexed word has, in any of the languages."""
        checked = [word for word in dict.fromkeys(words) if _checked(word)]
        if not checked:
            return set()
        stems = {(code, analysis.stem(word, code)) for word in checked for code in self.languages}
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT DISTINCT language, stem FROM search_indexedword"
                    " WHERE language = ANY(%s) AND stem = ANY(%s)",
                    [self.languages, sorted({stem for _code, stem in stems})],
                )
                known = set(cursor.fetchall())
        else:
            known = {key for key in stems if key[1] in _memory(key[0], self.version)[0]}
        return {
            word
            for word in checked
            if not any((code, analysis.stem(word, code)) in known for code in self.languages)
        }

    def nearest(self, word):
        """The indexed word that ``word`` most likely misspells, or None."""
        folded = analysis.fold(word)
        limit = allowed_edits(folded)
        scored = []
        for language in self.languages:
            for candidate, entries in self._candidates(folded, language):
                distance = Levenshtein.distance(folded, candidate)
                if 0 < distance <= limit:
                    scored.append((distance, -entries, candidate))
        return min(scored)[2] if scored else None

    def _candidates(self, folded, language):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT word, entries FROM search_indexedword"
                    " WHERE language = %s AND word %% %s"
                    " ORDER BY similarity(word, %s) DESC, entries DESC LIMIT %s",
                    [language, folded, folded, CANDIDATES],
                )
                return cursor.fetchall()
        _stems, words, counts = _memory(language, self.version)
        found = process.extract(
            folded,
            words,
            scorer=Levenshtein.distance,
            score_cutoff=allowed_edits(folded),
            limit=CANDIDATES,
        )
        return [(word, counts[index]) for word, _distance, index in found]


_lock = threading.Lock()


@functools.lru_cache(maxsize=32)
def _load(language, version):
    rows = list(
        IndexedWord.objects.filter(language=language).values_list("word", "stem", "entries")
    )
    return (
        frozenset(stem for _word, stem, _entries in rows),
        [word for word, _stem, _entries in rows],
        [entries for _word, _stem, entries in rows],
    )


def _memory(language, version):
    """The stems, words and counts of a language as of this version of the index."""
    with _lock:
        return _load(language, version)
