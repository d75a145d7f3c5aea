"""Search quality against a set of queries with the practices a person expects.

Each query gives a language, the text and the expected practices as
"<partner slug>/<practice slug>"; recall@k is the share of the expected
practices among the first k results, MRR the mean reciprocal rank of the first
expected practice found.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .models import PracticeEntry
from .query import PracticeQuery

QUERIES = Path(__file__).resolve().parent.parent / "bench" / "search_quality_queries.toml"


@dataclass
class Outcome:
    language: str
    text: str
    expected: list
    found: list
    recall: float
    reciprocal_rank: float


def load_queries(path=QUERIES):
    with open(path, "rb") as file:
        return tomllib.load(file)["query"]


def run(queries, k=5):
    outcomes = []
    for item in queries:
        query = PracticeQuery(language=item["language"], text=item["text"], sort="relevance")
        ids = list(query.ranked_ids(count=k)[0:k])
        keys = dict(
            PracticeEntry.objects.filter(page_id__in=ids).values_list("page_id", "page__slug")
        )
        partners = dict(
            PracticeEntry.objects.filter(page_id__in=ids).values_list("page_id", "partner_slug")
        )
        found = [f"{partners[pk]}/{keys[pk]}" for pk in ids if pk in keys]
        expected = item["expected"]
        hits = [key for key in found if key in expected]
        rank = next((position for position, key in enumerate(found, 1) if key in expected), None)
        outcomes.append(
            Outcome(
                language=item["language"],
                text=item["text"],
                expected=expected,
                found=found,
                recall=len(hits) / len(expected),
                reciprocal_rank=1 / rank if rank else 0.0,
            )
        )
    return outcomes


def summary(outcomes):
    """{language or "all": (queries, recall@k, MRR)}."""
    groups = {}
    for outcome in outcomes:
        groups.setdefault(outcome.language, []).append(outcome)
    groups["all"] = outcomes
    return {
        name: (
            len(items),
            sum(item.recall for item in items) / len(items),
            sum(item.reciprocal_rank for item in items) / len(items),
        )
        for name, items in groups.items()
        if items
    }
