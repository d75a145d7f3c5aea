"""Recall floor of the practice search on part of the demo network (PostgreSQL).

The demo texts of three partners are loaded (English, Italian, Arabic, and each
partner's own language: German for Leipzig, Greek for Thessaloniki); the
queries of bench/search_quality_queries.toml whose expected practices belong
to them must reach recall@5 of 0.8 or more.
"""

import io

import pytest

from search import quality
from website.demo import content
from website.demo.network import DemoNetwork

from .conftest import needs_postgresql

PARTNERS = ["leipzig", "palermo", "thessaloniki"]
RECALL_FLOOR = 0.8


@pytest.fixture
def demo_partners(net, django_capture_on_commit_callbacks):
    files = [content.CONTENT_DIR / f"partner-{slug}.toml" for slug in PARTNERS]
    with django_capture_on_commit_callbacks(execute=True):
        DemoNetwork(io.StringIO(), partner_files=files).load()


@needs_postgresql
def test_recall_at_5_is_at_least_0_8_in_every_language(demo_partners):
    queries = [
        item
        for item in quality.load_queries()
        if all(key.split("/")[0] in PARTNERS for key in item["expected"])
    ]
    assert {item["language"] for item in queries} >= {"en", "it", "de", "el", "ar"}
    results = quality.summary(quality.run(queries))
    for language, (_count, recall, _mrr) in results.items():
        assert recall >= RECALL_FLOOR, (language, results)
