"""Excerpts of the entries on screen around the words the query found, marked.

The words are compared as the index compares them (search.analysis), so an
excerpt marks "schools" for a search of "school", a synonym, a corrected word.
"""

import re

from . import analysis
from .backends import MARK_END, MARK_START

WORD = re.compile(r"\w+", re.UNICODE)
LENGTH = 30  # words


def query_stems(search):
    """Every stem the query's required concepts may take in the searched texts'
    languages (not its stop words)."""
    return {
        analysis.stem(word, language)
        for concept in search.plan.required
        for phrase in concept.phrases
        for word in phrase
        for language in search.text_languages
    }


def excerpt(text, language, stems, length=LENGTH):
    """About ``length`` words of ``text`` where most of the stems are, marked."""
    words = list(WORD.finditer(text))
    if not words:
        return text
    word_stems = [analysis.stem_as_written(match.group(), language) for match in words]
    found = [stem in stems for stem in word_stems]

    def distinct_found(first):
        window = word_stems[first : first + length]
        return len({stem for stem in window if stem in stems})

    # The earliest window with the most different words found: the texts end with
    # the names of their themes, which would otherwise draw every excerpt there.
    start = max(
        range(max(0, len(words) - length) + 1), key=lambda first: (distinct_found(first), -first)
    )
    chosen = words[start : start + length]
    pieces, position = [], chosen[0].start()
    for index, match in enumerate(chosen, start):
        pieces.append(text[position : match.start()])
        pieces.append(MARK_START + match.group() + MARK_END if found[index] else match.group())
        position = match.end()
    at_the_end = start + length >= len(words)
    pieces.append(text[position:] if at_the_end else text[position : chosen[-1].end()])
    before = "… " if start else ""
    after = "" if at_the_end else " …"
    return before + "".join(pieces).strip() + after
