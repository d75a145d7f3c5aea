"""Arabic clitics: the conjunctions and prepositions written as one word with the article.

"والعنصرية" is "و" (and) + "ال" (the) + "عنصرية" (racism). PostgreSQL's Arabic
stemmer removes the article and "بال", "كال", "لل", but leaves "وال" and "فال"
whole, and SQLite has no Arabic stemmer at all, so "الرياضة والعنصرية" did not
find a text about "العنصرية". Convivium separates these prefixes itself, the
same way on both databases (and Elasticsearch's Arabic analyzer is given the
same pattern, see :mod:`search.backends.elasticsearch`):

* in the indexed text, a zero-width joiner goes between the prefix and the
  word: both databases' tokenisers split there, and the text still reads (and
  is shaped) as written, so excerpts show it unchanged;
* in the query, the prefixes are removed, so that only the word is required.

Only a conjunction ("و", "ف") or preposition ("ب", "ك", "ل") *followed by the
article* is separated: that combination is unambiguous. Alone, these letters
begin too many words ("وزارة" ministry, "فريق" team, "بيت" house, "كتاب" book,
"لغة" language) to be cut off without a dictionary.
"""

import re

ZERO_WIDTH_JOINER = "\u200d"
LETTER = "\u0621-\u064a\u066e-\u06d3"  # the Arabic letters, hamza to yeh barree
# An optional conjunction, then the article alone or after a preposition ("لل" is
# "ل" + "ال"); at the start of a word, before at least two more letters.
PREFIX = f"(?<![{LETTER}])([وف]?(?:ال|بال|كال|لل))(?=[{LETTER}]{{2}})"
_PREFIX = re.compile(PREFIX)


def split_clitics(text):
    """The text to index: prefixes set apart by an invisible zero-width joiner."""
    return _PREFIX.sub(r"\1" + ZERO_WIDTH_JOINER, text)


def strip_clitics(text):
    """The text to query: prefixes removed, so only the words themselves are required."""
    return _PREFIX.sub("", text)
