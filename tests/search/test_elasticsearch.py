"""The Elasticsearch side, through the real client with its HTTP node replaced.

No Elasticsearch server can run here: a fake elastic_transport node records
each request (method, path, JSON body as the client serialised it) and answers
like Elasticsearch 8 would. What a live cluster would do with these requests
(analysis, scoring) is not tested here.
"""

import json

import pytest
from django.test import override_settings
from elastic_transport import ApiResponseMeta, BaseNode, ConnectionError, HttpHeaders
from elastic_transport._node import NodeApiResponse

from search import indexing
from search.backends import elasticsearch as es
from search.backends.elasticsearch import ElasticsearchBackend


class RecordingNode(BaseNode):
    requests = []
    hits = []

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        text = body.decode() if body else ""
        if "/_bulk" in target:
            parsed = [json.loads(line) for line in text.splitlines() if line]
        else:
            parsed = json.loads(text) if text else None
        self.requests.append((method, target, parsed))
        if "/_search" in target:
            answer = {"hits": {"total": {"value": len(self.hits)}, "hits": self.hits}}
        elif "/_bulk" in target:
            answer = {"errors": False, "items": []}
        else:
            answer = {"acknowledged": True}
        meta = ApiResponseMeta(
            status=200,
            http_version="1.1",
            headers=HttpHeaders(
                {"content-type": "application/json", "x-elastic-product": "Elasticsearch"}
            ),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, json.dumps(answer).encode())


ELASTICSEARCH = {
    "default": {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": ["http://elasticsearch.invalid:9200"],
        "INDEX": "convivium",
        "OPTIONS": {"node_class": RecordingNode},
    }
}


@pytest.fixture
def requests():
    RecordingNode.requests, RecordingNode.hits = [], []
    with override_settings(
        WAGTAILSEARCH_BACKENDS=ELASTICSEARCH,
        CONVIVIUM_SEARCH_BACKEND="search.backends.elasticsearch.ElasticsearchBackend",
        CONVIVIUM_SEARCH_INDEX_PREFIX="convivium-practices",
    ):
        yield RecordingNode.requests


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "english"),
        ("it", "italian"),
        ("de", "german"),
        ("el", "greek"),
        ("ar", "convivium_arabic"),
    ],
)
def test_each_language_index_uses_its_language_analyzer(language, expected):
    mappings = es.index_body(language)["mappings"]["properties"]
    assert {mappings[name]["analyzer"] for name in ("title", "summary", "body")} == {expected}


def test_a_language_without_analyzer_gets_the_folding_analyzer():
    body = es.index_body("pl")
    assert body["mappings"]["properties"]["body"]["analyzer"] == "convivium_folding"
    folding = body["settings"]["analysis"]["analyzer"]["convivium_folding"]
    assert folding["filter"] == ["lowercase", "asciifolding"]


def test_facet_fields_are_keywords_and_the_mapping_is_strict():
    body = es.index_body("en")
    properties = body["mappings"]["properties"]
    assert body["mappings"]["dynamic"] == "strict"
    for name in ("themes", "target_groups", "country", "partner", "organisation_type"):
        assert properties[name] == {"type": "keyword"}


def test_reset_creates_one_index_per_language_with_its_settings(requests, settings):
    ElasticsearchBackend().reset()
    created = {target: body for method, target, body in requests if method == "PUT"}
    assert set(created) == {f"/convivium-practices-{code}" for code, _ in settings.LANGUAGES}
    italian = created["/convivium-practices-it"]
    assert italian["mappings"]["properties"]["title"]["analyzer"] == "italian"
    assert "analysis" in italian["settings"]


def test_publishing_sends_the_practice_to_its_language_index(requests, net):
    indexing.update([net.page("practice", "it").pk])
    (method, target, lines) = next(r for r in requests if "/_bulk" in r[1])
    assert target.startswith("/_bulk")
    action, source = lines[0], lines[1]
    assert action["index"]["_index"] == "convivium-practices-it"
    assert source["title"] == "Passeggiate al mercato"
    assert source["themes"] == ["integration"]
    assert source["target_groups"] == ["young-people"]
    assert source["language"] == "it"


def test_match_query_weights_title_over_summary_over_body(requests):
    ElasticsearchBackend().matched_ids("integrazione giovani", ["it"])
    method, target, body = requests[-1]
    assert target == "/convivium-practices-it/_search"
    multi_match = body["query"]["multi_match"]
    assert multi_match["fields"] == ["title^3", "summary^2", "body"]
    assert multi_match["query"] == "integrazione giovani"
    assert body["_source"] is False


def test_all_languages_searches_every_language_index(requests):
    ElasticsearchBackend().matched_ids("market", ["en", "it", "ar"])
    assert (
        requests[-1][1]
        == "/convivium-practices-en,convivium-practices-it,convivium-practices-ar/_search"
    )


def test_highlight_asks_for_the_shown_practices_only_with_private_markers(requests):
    ElasticsearchBackend().highlights("market", ["en"], [3, 5])
    body = requests[-1][2]
    assert body["query"]["bool"]["filter"] == {"terms": {"page_id": [3, 5]}}
    assert body["highlight"]["pre_tags"] == ["\ue000"]


def test_search_page_shows_elasticsearch_matches_with_database_facets(
    requests, client, search_index
):
    practice = search_index.page("practice")
    RecordingNode.hits = [
        {
            "_id": str(practice.pk),
            "_score": 1.0,
            "_source": {"page_id": practice.pk},
            "highlight": {"summary": ["a \ue000market\ue001 walk"]},
        }
    ]
    page = client.get("/en/search/?q=market").content.decode()
    assert "Market walks" in page
    assert "<mark>market</mark>" in page
    assert 'Integration <span class="facet__count">(1)</span>' in page


def test_deleting_removes_the_practice_from_every_language_index(requests):
    ElasticsearchBackend().delete([7])
    method, target, body = requests[-1]
    assert target.endswith("/_delete_by_query?ignore_unavailable=true&refresh=true")
    assert body == {"query": {"terms": {"page_id": [7]}}}


class UnreachableNode(BaseNode):
    def perform_request(self, *args, **kwargs):
        raise ConnectionError("Connection refused")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_unreachable_cluster_gives_a_503_page_that_says_so(net, client, language):
    unreachable = {
        "default": {**ELASTICSEARCH["default"], "OPTIONS": {"node_class": UnreachableNode}}
    }
    with override_settings(
        WAGTAILSEARCH_BACKENDS=unreachable,
        CONVIVIUM_SEARCH_BACKEND="search.backends.elasticsearch.ElasticsearchBackend",
    ):
        for url in (
            f"/{language}/search/?q=market",
            net.page("practices", language).url + "?q=market",
        ):
            response = client.get(url)
            assert response.status_code == 503
            assert 'class="search-errors" role="alert"' in response.content.decode()
