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
    """Every stem the query's concepts may take in the searched texts' languages."""
    return {
        analysis.stem(word, language)
        for concept in search.plan.concepts
        for phrase in concept.phrases
        for word in phrase
        for language in search.text_languages
    }


def excerpt(text, language, stems, length=LENGTH):
    """About ``length`` words of ``text`` where most of the stems are, marked."""
    words = list(WORD.finditer(text))
    if not words:
        return text
    found = [analysis.stem(match.group(), language) in stems for match in words]
    totals = [0]
    for is_found in found:
        totals.append(totals[-1] + is_found)

    def found_from(first):
        return totals[min(first + length, len(words))] - totals[first]

    # The window with the most words found, the earliest of them.
    start = max(
        range(max(0, len(words) - length) + 1), key=lambda first: (found_from(first), -first)
    )
    chosen = words[start : start + length]
    pieces, position = [], chosen[0].start()
    for index, match in enumerate(chosen, start):
        pieces.append(text[position : match.start()])
        pieces.append(MARK_START + match.group() + MARK_END if found[index] else match.group())
        position = match.end()
    pieces.append(text[position : chosen[-1].end()])
    before = "… " if start else ""
    after = " …" if start + length < len(words) else ""
    return before + "".join(pieces).strip() + after
