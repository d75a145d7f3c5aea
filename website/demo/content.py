"""Reads the demo network's texts from the TOML files in ``content/``."""

import tomllib
from pathlib import Path

from django.conf.locale import LANG_INFO
from django.utils.html import escape

CONTENT_DIR = Path(__file__).parent / "content"
HEADING_PREFIX = "## "


class ContentError(ValueError):
    pass


def load(name):
    """A content file, by name in ``content/`` or by path."""
    with open(CONTENT_DIR / name, "rb") as handle:
        return tomllib.load(handle)


def partner_files():
    return sorted(CONTENT_DIR.glob("partner-*.toml"))


def languages_of(item):
    """The language tables of an item (``en``, ``it`` …), English first."""
    # Other tables (an event's participation figures) are data, not languages.
    codes = [key for key, value in item.items() if isinstance(value, dict) and key in LANG_INFO]
    if "en" not in codes:
        raise ContentError(f"{item.get('slug', item)!r} has no English table")
    return ["en"] + [code for code in codes if code != "en"]


def paragraphs_html(paragraphs):
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def body_blocks(paragraphs):
    """Stream blocks from a list of paragraphs, where "## " starts a heading."""
    blocks = []
    for text in paragraphs:
        if text.startswith(HEADING_PREFIX):
            heading = text.removeprefix(HEADING_PREFIX)
            blocks.append(("heading", {"text": heading, "level": "h2"}))
        else:
            blocks.append(("paragraph", paragraphs_html([text])))
    return blocks


def segment_text(text):
    """A text as it reads in a segment: headings lose their marker."""
    return text.removeprefix(HEADING_PREFIX).strip()


def translation_pairs(source, target, pairs=None):
    """Map every English string of ``source`` to its translation in ``target``.

    Both are language tables of one item with the same shape: texts are paired
    by their place, which is how the content files are written.
    """
    pairs = {} if pairs is None else pairs
    if isinstance(source, str):
        if not isinstance(target, str):
            raise ContentError(f"{source[:40]!r} has no matching translation")
        pairs[segment_text(source)] = segment_text(target)
    elif isinstance(source, list):
        if not isinstance(target, list) or len(source) != len(target):
            raise ContentError(f"lists differ in length near {str(source)[:60]!r}")
        for source_item, target_item in zip(source, target, strict=True):
            translation_pairs(source_item, target_item, pairs)
    elif isinstance(source, dict):
        for key, value in source.items():
            if key not in target:
                raise ContentError(f"translation lacks {key!r}")
            translation_pairs(value, target[key], pairs)
    return pairs
