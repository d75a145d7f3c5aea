"""The Elasticsearch side, through the real client with its HTTP node replaced.

No Elasticsearch server can run here: a fake elastic_transport node records
each request (method, path, JSON body as the client serialised it) and answers
like Elasticsearch 8 would. What a live cluster would do with these requests
(analysis, scoring) is not tested here.
"""

import json

import pytest
from django.test import override_settings
from elastic_transport import (
    ApiResponseMeta,
    BaseNode,
    ConnectionError,
    ConnectionTimeout,
    HttpHeaders,
)
from elastic_transport._node import NodeApiResponse

from search import analysis, arabic, indexing
from search.backends import SearchUnavailable
from search.backends import elasticsearch as es
from search.backends.elasticsearch import ElasticsearchBackend
from search.models import SearchSynonym
from search.query import PracticeQuery


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
            reply = {"hits": {"total": {"value": len(self.hits)}, "hits": self.hits}}
        elif "/_bulk" in target:
            reply = {"errors": False, "items": []}
        else:
            reply = {"acknowledged": True}
        return answer_with(self, 200, reply)


def answer_with(node, status, reply):
    """An HTTP answer of Elasticsearch 8 with ``reply`` as its JSON body."""
    meta = ApiResponseMeta(
        status=status,
        http_version="1.1",
        headers=HttpHeaders(
            {"content-type": "application/json", "x-elastic-product": "Elasticsearch"}
        ),
        duration=0.0,
        node=node.config,
    )
    return NodeApiResponse(meta, json.dumps(reply).encode())


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
    ("language", "name"),
    [
        ("en", "english"),
        ("it", "italian"),
        ("de", "german"),
        ("el", "greek"),
        ("ar", "arabic"),
        ("pl", "pl"),
    ],
)
def test_each_language_index_analyses_its_texts_with_its_own_analyzer(language, name):
    mappings = es.index_body(language)["mappings"]["properties"]
    analyzers = {mappings[field]["analyzer"] for field in ("title", "summary", "body")}
    assert analyzers == {f"convivium_{name}"}


def analysis_of(language):
    return es.index_body(language)["settings"]["analysis"]


def chain_of(language, analyzer=None):
    analyzer = analyzer or es.analyzer(language)
    return analysis_of(language)["analyzer"][analyzer]["filter"]


@pytest.mark.parametrize(
    ("language", "stop_words", "stemmer"),
    [
        ("en", "_english_", "english"),
        ("it", "_italian_", "light_italian"),
        ("es", "_spanish_", "light_spanish"),
        ("ro", "_romanian_", "romanian"),
        ("de", "_german_", "light_german"),
        ("fr", "_french_", "light_french"),
        ("el", "_greek_", "greek"),
        ("ar", "_arabic_", "arabic"),
    ],
)
def test_each_language_drops_its_stop_words_then_stems(language, stop_words, stemmer):
    name = es.analyzer(language)
    filters = analysis_of(language)["filter"]
    assert filters[f"{name}_stop"] == {"type": "stop", "stopwords": stop_words}
    assert filters[f"{name}_stemmer"] == {"type": "stemmer", "language": stemmer}
    chain = chain_of(language)
    assert chain.index(f"{name}_stop") < chain.index(f"{name}_stemmer")


@pytest.mark.parametrize(("language", "folded"), [("it", True), ("pl", True), ("el", False)])
def test_latin_letters_lose_their_accents_last_as_the_databases_fold_them(language, folded):
    assert (chain_of(language)[-1] == "asciifolding") is folded


def test_italian_is_elasticsearch_italian_analyzer_rebuilt_with_folding():
    assert chain_of("it") == [
        "convivium_italian_elision",
        "lowercase",
        "convivium_italian_stop",
        "convivium_italian_stemmer",
        "asciifolding",
    ]
    elision = analysis_of("it")["filter"]["convivium_italian_elision"]
    assert elision["type"] == "elision"
    assert {"dell", "l", "un"} <= set(elision["articles"])


def test_greek_and_german_normalise_as_elasticsearch_does():
    assert analysis_of("el")["filter"]["convivium_greek_lowercase"] == {
        "type": "lowercase",
        "language": "greek",
    }
    assert chain_of("el")[0] == "convivium_greek_lowercase"
    german = chain_of("de")
    assert german.index("german_normalization") < german.index("convivium_german_stemmer")


def test_arabic_removes_the_clitics_before_its_analyzer():
    analysis = analysis_of("ar")
    for name in ("convivium_arabic", "convivium_arabic_search"):
        assert analysis["analyzer"][name]["char_filter"] == ["convivium_arabic_clitics"]
    assert analysis["char_filter"]["convivium_arabic_clitics"]["pattern"] == arabic.PREFIX


def test_a_language_without_analyzer_drops_the_plans_stop_words_and_folds():
    assert chain_of("pl") == ["lowercase", "convivium_pl_stop", "asciifolding"]
    stop_words = analysis_of("pl")["filter"]["convivium_pl_stop"]["stopwords"]
    assert {"jest", "był", "się"} <= set(stop_words)
    assert all(analysis.is_stop_word(word, "pl") for word in stop_words)


def test_facet_fields_are_keywords_and_the_mapping_is_strict():
    body = es.index_body("en")
    properties = body["mappings"]["properties"]
    assert body["mappings"]["dynamic"] == "strict"
    for name in ("themes", "target_groups", "country", "partner", "organisation_type"):
        assert properties[name] == {"type": "keyword"}


def test_reset_creates_one_index_per_language_with_its_settings(requests, settings, db):
    ElasticsearchBackend().reset()
    created = {
        target: body
        for method, target, body in requests
        if method == "PUT" and not target.startswith("/_synonyms/")
    }
    assert set(created) == {f"/convivium-practices-{code}" for code, _ in settings.LANGUAGES}
    italian = created["/convivium-practices-it"]
    assert italian["mappings"]["properties"]["title"]["analyzer"] == "convivium_italian"
    assert "analysis" in italian["settings"]


def test_the_search_analyzer_is_the_index_analyzer_then_the_languages_synonyms():
    body = es.index_body("it")
    for name in ("title", "summary", "body"):
        search_analyzer = body["mappings"]["properties"][name]["search_analyzer"]
        assert search_analyzer == "convivium_italian_search"
    assert chain_of("it", "convivium_italian_search") == [
        *chain_of("it"),
        "convivium_italian_synonyms",
    ]
    assert body["settings"]["analysis"]["filter"]["convivium_italian_synonyms"] == {
        "type": "synonym_graph",
        "synonyms_set": "convivium-practices-it-synonyms",
        "updateable": True,
        "lenient": True,
    }


def synonym_sets(requests):
    return {
        target.removeprefix("/_synonyms/"): body
        for method, target, body in requests
        if method == "PUT" and target.startswith("/_synonyms/")
    }


def test_reset_puts_each_languages_synonyms_before_creating_the_indexes(
    requests, settings, locales
):
    SearchSynonym.objects.create(
        locale=locales["it"], term="Moschea", equivalents="luogo di culto\nmoschee"
    )
    ElasticsearchBackend().reset()
    sets = synonym_sets(requests)
    assert set(sets) == {
        f"convivium-practices-{code}-synonyms" for code, _name in settings.LANGUAGES
    }
    assert sets["convivium-practices-it-synonyms"] == {
        "synonyms_set": [{"synonyms": "moschea, luogo di culto, moschee"}]
    }
    assert sets["convivium-practices-en-synonyms"] == {"synonyms_set": []}
    targets = [target for method, target, body in requests if method == "PUT"]
    last_set = max(i for i, target in enumerate(targets) if target.startswith("/_synonyms/"))
    assert all(target.startswith("/_synonyms/") for target in targets[: last_set + 1])


def test_a_synonym_rule_holds_only_the_words_the_editors_wrote(locales):
    SearchSynonym.objects.create(
        locale=locales["en"], term="Anti-rumour", equivalents="antirumour\nrumours => myths, lies"
    )
    assert es.synonym_rules("en") == [{"synonyms": "anti rumour, antirumour, rumours myths lies"}]


def test_a_changed_synonym_reaches_the_cluster_with_the_next_search(requests, locales):
    football = SearchSynonym.objects.create(
        locale=locales["en"], term="football", equivalents="soccer"
    )
    ElasticsearchBackend().matched_ids(search_for("market"))
    assert synonym_sets(requests) == {
        "convivium-practices-en-synonyms": {"synonyms_set": [{"synonyms": "football, soccer"}]}
    }
    assert requests[-1][1].endswith("/_search")

    requests.clear()
    ElasticsearchBackend().matched_ids(search_for("market"))
    assert synonym_sets(requests) == {}

    football.equivalents = "soccer\nsport"
    football.save()
    ElasticsearchBackend().matched_ids(search_for("market"))
    assert synonym_sets(requests) == {
        "convivium-practices-en-synonyms": {
            "synonyms_set": [{"synonyms": "football, soccer, sport"}]
        }
    }


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


FIELDS = ["title^3", "summary^2", "body"]


def search_for(text, language="en", all_languages=False):
    """What the search page asks the backend for ``text``, the words as typed (not
    corrected from whatever vocabulary the test database has)."""
    query = PracticeQuery(language=language, text=text, all_languages=all_languages, exact=True)
    return query.search


def hit(page_id, concepts=0):
    """A hit as Elasticsearch answers it, having the first ``concepts`` required concepts."""
    return {
        "_id": str(page_id),
        "_score": 1.0,
        "matched_queries": [f"concept-{number}" for number in range(concepts)],
    }


def searches(requests):
    return [body for method, target, body in requests if target.endswith("/_search")]


def test_each_required_concept_is_a_clause_and_the_stop_word_only_ranks(requests, locales):
    SearchSynonym.objects.create(locale=locales["en"], term="football", equivalents="sport")
    RecordingNode.hits = [hit(pk) for pk in range(10)]
    ElasticsearchBackend().matched_ids(search_for("the anti-rumour football campain"))
    assert searches(requests)[-1]["query"] == {
        "bool": {
            "must": {
                "bool": {
                    "should": [
                        {
                            "bool": {
                                "should": [
                                    {
                                        "multi_match": {
                                            "query": "anti rumour",
                                            "type": "phrase",
                                            "fields": FIELDS,
                                        }
                                    },
                                    {
                                        "multi_match": {
                                            "query": "antirumour",
                                            "fields": FIELDS,
                                            "fuzziness": "AUTO",
                                        }
                                    },
                                ],
                                "minimum_should_match": 1,
                                "_name": "concept-0",
                            }
                        },
                        {
                            "bool": {
                                "should": [
                                    {"multi_match": {"query": "football", "fields": FIELDS}},
                                    {"multi_match": {"query": "sport", "fields": FIELDS}},
                                ],
                                "minimum_should_match": 1,
                                "_name": "concept-1",
                            }
                        },
                        {
                            "bool": {
                                "should": [
                                    {
                                        "multi_match": {
                                            "query": "campain",
                                            "fields": FIELDS,
                                            "fuzziness": "AUTO",
                                        }
                                    }
                                ],
                                "minimum_should_match": 1,
                                "_name": "concept-2",
                            }
                        },
                    ],
                    "minimum_should_match": 3,
                }
            },
            "should": [
                {
                    "bool": {
                        "should": [{"multi_match": {"query": "the", "fields": FIELDS}}],
                        "minimum_should_match": 1,
                    }
                }
            ],
        }
    }


def multi_matches(query):
    """Every multi_match of a query, at any depth."""
    if isinstance(query, dict):
        if "multi_match" in query:
            return [query["multi_match"]]
        return [found for value in query.values() for found in multi_matches(value)]
    if isinstance(query, list):
        return [found for value in query for found in multi_matches(value)]
    return []


def test_every_clause_weights_title_over_summary_over_body(requests, db):
    ElasticsearchBackend().matched_ids(search_for("integrazione dei giovani", "it"))
    method, target, body = requests[-1]
    assert target == "/convivium-practices-it/_search"
    assert {tuple(match["fields"]) for match in multi_matches(body["query"])} == {tuple(FIELDS)}
    assert body["_source"] is False


def test_a_misspelt_word_is_fuzzy_a_phrase_and_a_synonym_are_as_written(requests, locales):
    SearchSynonym.objects.create(locale=locales["it"], term="moschea", equivalents="luogo di culto")
    ElasticsearchBackend().matched_ids(search_for("moschea integrazzione", "it"))
    matches = {match["query"]: match for match in multi_matches(requests[-1][2]["query"])}
    assert matches["integrazzione"]["fuzziness"] == "AUTO"
    assert "fuzziness" not in matches["moschea"]
    assert matches["luogo di culto"]["type"] == "phrase"
    assert "fuzziness" not in matches["luogo di culto"]


def test_every_required_concept_is_asked_for_first(requests, db):
    RecordingNode.hits = [hit(pk, concepts=3) for pk in range(1, 11)]
    found = ElasticsearchBackend().matched_ids(search_for("market stalls neighbours"))
    (body,) = searches(requests)
    assert body["query"]["bool"]["must"]["bool"]["minimum_should_match"] == 3
    assert found == list(range(1, 11))


def test_fewer_than_ten_with_every_concept_asks_for_most_of_them(requests, db):
    RecordingNode.hits = [hit(7, concepts=3)]
    ElasticsearchBackend().matched_ids(search_for("market stalls neighbours"))
    every, most = searches(requests)
    assert every["query"]["bool"]["must"]["bool"]["minimum_should_match"] == 3
    assert most["query"]["bool"]["must"]["bool"]["minimum_should_match"] == 2


def test_the_weaker_matches_follow_those_with_more_concepts(requests, db):
    RecordingNode.hits = [hit(1, concepts=2), hit(2, concepts=3), hit(3, concepts=2)]
    found = ElasticsearchBackend().matched_ids(search_for("market stalls neighbours"))
    assert found == [2, 1, 3]


def test_one_concept_is_asked_for_once(requests, db):
    ElasticsearchBackend().matched_ids(search_for("market"))
    (body,) = searches(requests)
    assert body["query"]["bool"]["must"]["bool"]["minimum_should_match"] == 1


def test_a_text_without_words_asks_nothing(requests, db):
    backend = ElasticsearchBackend()
    assert backend.matched_ids(search_for("?!")) == []
    assert backend.highlights(search_for("?!"), [3]) == {}
    assert searches(requests) == []


def test_all_languages_searches_every_language_index(requests, settings, db):
    ElasticsearchBackend().matched_ids(search_for("market", all_languages=True))
    indexes = ",".join(f"convivium-practices-{code}" for code, _name in settings.LANGUAGES)
    assert requests[-1][1] == f"/{indexes}/_search"


def test_highlights_come_from_the_match_at_its_weakest_for_the_shown_practices(requests, db):
    search = search_for("market stalls neighbours")
    ElasticsearchBackend().highlights(search, [3, 5])
    body = requests[-1][2]
    assert body["query"]["bool"]["must"] == es.plan_query(search.plan, 2)
    assert body["query"]["bool"]["filter"] == {"terms": {"page_id": [3, 5]}}
    assert body["highlight"]["pre_tags"] == ["\ue000"]
    assert body["highlight"]["post_tags"] == ["\ue001"]


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


class FailingNode(BaseNode):
    """A cluster that answers with an error, or not in time."""

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        if "timeout" in target:  # the index prefix names the failure
            raise ConnectionTimeout("Read timed out")
        error = {"type": "search_phase_execution_exception", "reason": "all shards failed"}
        return answer_with(self, 500, {"error": error, "status": 500})


@pytest.mark.parametrize("failure", ["error", "timeout"])
def test_an_error_or_a_timeout_of_the_cluster_is_search_unavailable(failure, db):
    failing = {"default": {**ELASTICSEARCH["default"], "OPTIONS": {"node_class": FailingNode}}}
    with override_settings(WAGTAILSEARCH_BACKENDS=failing, CONVIVIUM_SEARCH_INDEX_PREFIX=failure):
        backend = ElasticsearchBackend()
        with pytest.raises(SearchUnavailable):
            backend.matched_ids(search_for("market"))
        with pytest.raises(SearchUnavailable):
            backend.highlights(search_for("market"), [3])


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
