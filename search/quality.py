"""Search quality against a set of queries with the practices a person expects.

Each query gives a language, its kind (how it is asked), the text and the
expected practices as "<partner slug>/<practice slug>"; recall@k is the share
of the expected practices among the first k results, MRR the mean reciprocal
rank of the first expected practice found.
"""

import enum
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .models import PracticeEntry
from .query import PracticeQuery

QUERIES = Path(__file__).resolve().parent.parent / "bench" / "search_quality_queries.toml"
OVERALL = "all"


class Kind(enum.StrEnum):
    """How a query is asked (the queries file says what each means)."""

    KEYWORDS = "keywords"
    QUESTION = "question"
    PARAPHRASE = "paraphrase"
    TYPO = "typo"
    SYNONYM = "synonym"
    THEME = "theme"


@dataclass
class Outcome:
    language: str
    kind: Kind
    text: str
    expected: list
    found: list
    recall: float
    reciprocal_rank: float


class Figures(NamedTuple):
    queries: int
    recall: float
    mrr: float


def load_queries(path=QUERIES):
    with open(path, "rb") as file:
        return tomllib.load(file)["query"]


def run(queries, k=5):
    outcomes = []
    for item in queries:
        query = PracticeQuery(language=item["language"], text=item["text"], sort="relevance")
        ids = list(query.ranked_ids(count=k)[0:k])
        keys = {
            pk: f"{partner}/{slug}"
            for pk, partner, slug in PracticeEntry.objects.filter(page_id__in=ids).values_list(
                "page_id", "partner_slug", "page__slug"
            )
        }
        found = [keys[pk] for pk in ids if pk in keys]
        expected = item["expected"]
        hits = [key for key in found if key in expected]
        rank = next((position for position, key in enumerate(found, 1) if key in expected), None)
        outcomes.append(
            Outcome(
                language=item["language"],
                kind=Kind(item["kind"]),
                text=item["text"],
                expected=expected,
                found=found,
                recall=len(hits) / len(expected),
                reciprocal_rank=1 / rank if rank else 0.0,
            )
        )
    return outcomes


def summary(outcomes, by="language"):
    """{group: Figures} for each language (``by="language"``) or kind (``by="kind"``)
    in the order first met, then ``OVERALL``; ``by=None`` gives only ``OVERALL``."""
    groups = {}
    if by is not None:
        for outcome in outcomes:
            groups.setdefault(getattr(outcome, by), []).append(outcome)
    groups[OVERALL] = outcomes
    return {
        name: Figures(
            queries=len(items),
            recall=sum(item.recall for item in items) / len(items),
            mrr=sum(item.reciprocal_rank for item in items) / len(items),
        )
        for name, items in groups.items()
        if items
    }
