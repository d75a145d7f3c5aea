"""The search quality queries, and a recall floor on part of the demo network.

The queries of bench/search_quality_queries.toml must name practices that the
demo network has in the query's language. For the floor, the demo texts of three
partners are loaded (English, Italian, Arabic, and each partner's own language:
German for Leipzig, Greek for Thessaloniki); the queries of every kind whose
expected practices belong to them must reach recall@5 of 0.85 or more overall,
and 0.8 in every language, on SQLite and on PostgreSQL. bench/search_quality.py
measures all of them on the whole demo.
"""

import collections
import io

import pytest
from django.conf import settings

from search import quality
from website.demo import content
from website.demo.network import DemoNetwork

PARTNERS = ["leipzig", "palermo", "thessaloniki"]
RECALL_FLOOR = 0.85
LANGUAGE_FLOOR = 0.8


def demo_practice_languages():
    """{"<partner slug>/<practice slug>": the languages it is written in} from the demo texts."""
    languages = {}
    for path in content.partner_files():
        data = content.load(path)
        for practice in data["practices"]:
            key = f"{data['partner']['slug']}/{practice['slug']}"
            languages[key] = set(content.languages_of(practice))
    return languages


def test_every_query_has_a_kind_a_language_and_practices_written_in_it():
    written = demo_practice_languages()
    languages = {code for code, _name in settings.LANGUAGES}
    kinds = {kind.value for kind in quality.Kind}
    problems = []
    for item in quality.load_queries():
        if item.get("kind") not in kinds:
            problems.append((item["text"], "kind", item.get("kind")))
        if item["language"] not in languages:
            problems.append((item["text"], "language", item["language"]))
        if not item["expected"]:
            problems.append((item["text"], "expects nothing"))
        for key in item["expected"]:
            if item["language"] not in written.get(key, set()):
                problems.append((item["text"], f"no {key} in {item['language']}"))
    assert problems == []


def test_no_query_is_asked_twice_in_one_language():
    asked = collections.Counter(
        (item["language"], item["text"].casefold()) for item in quality.load_queries()
    )
    assert [query for query, times in asked.items() if times > 1] == []


@pytest.fixture
def demo_partners(net, django_capture_on_commit_callbacks):
    files = [content.CONTENT_DIR / f"partner-{slug}.toml" for slug in PARTNERS]
    with django_capture_on_commit_callbacks(execute=True):
        DemoNetwork(io.StringIO(), partner_files=files).load()


def test_recall_at_5_of_every_kind_of_query_is_at_least_0_85(demo_partners):
    queries = [
        item
        for item in quality.load_queries()
        if all(key.split("/")[0] in PARTNERS for key in item["expected"])
    ]
    assert {item["language"] for item in queries} >= {"en", "it", "de", "el", "ar"}
    assert {item["kind"] for item in queries} == {kind.value for kind in quality.Kind}
    outcomes = quality.run(queries)
    results = quality.summary(outcomes, by="language")
    _count, overall, _mrr = results.pop(quality.OVERALL)
    assert overall >= RECALL_FLOOR, results
    for language, (_count, recall, _mrr) in results.items():
        assert recall >= LANGUAGE_FLOOR, (language, results)
