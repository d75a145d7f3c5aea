"""Elasticsearch for the practice index (production, with ELASTICSEARCH_URL).

The client is the one of Wagtail's Elasticsearch 8 backend (same hosts, timeout
and options as the rest of the site's search). Practices go to one index per
language, ``<CONVIVIUM_SEARCH_INDEX_PREFIX>-<language>``, whose text fields use
that language's analyzer (:func:`text_analysis`): Elasticsearch's analyzer of the
language rebuilt, its stop words and its stemmer, then the accents folded as the
databases fold them; lower case, the plan's stop words and folding for a language
Elasticsearch has no analyzer for (Polish).

A query is sent as its plan (search.understanding), the way the databases read
it: one clause per required concept, true when a practice has one of the concept's
alternatives (a phrase word for word, a word within an edit or two, see
:func:`concept_query`), in title (boost 3), summary (2) and body; the practices with
every required concept, or, when fewer than ten have them all, with most of them
(``minimum_should_match``); the optional concepts (stop words) only add to the score.
The highlights come from the same query.

Synonyms. The search analyzer of every text field ends with a ``synonym_graph``
filter on the language's synonyms set, ``<index>-synonyms``, whose rules are the
language's SearchSynonym groups (search.synonyms.groups), one equivalence each. It
is a set of the cluster's Synonyms API (Elasticsearch 8.10 or later; the client's
user needs the ``manage_search_synonyms`` privilege), not rules in the index
settings: putting a set reloads the search analyzers that use it (the filter is
``updateable``) on every index, with nothing closed, re-created or re-indexed.
``reset()`` puts every language's set before it creates the indexes (an index naming
a missing set cannot open). After that the sets follow the version search.synonyms
renews whenever a synonym is saved or deleted: the first search that meets a new
version puts the sets of its languages and notes it in the shared cache, so that a
version is put once for all app servers. Following the version rather than the save
itself, a change made while the cluster was away, or by ``QuerySet.update()`` then
``renew()``, arrives all the same. The query plan already holds the synonyms of the
reader's language; the analyzers add, in a search of every language, each index's own.

Elasticsearch finds and ranks; the database entries keep the facet values, so
facets are counted in the database over the ids Elasticsearch matched.
"""

from dataclasses import dataclass

import stopwordsiso
from django.conf import settings
from django.core.cache import cache
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.search.backends import get_search_backend

from .. import analysis, arabic, synonyms
from . import MARK_END, MARK_START, SearchUnavailable


def elision(articles):
    """The filter removing the articles elided before a word ("l'", "dell'")."""
    return ("elision", {"type": "elision", "articles": articles, "articles_case": True})


def lowercase(language):
    """The lower case of a language that has its own (Greek's drops the accents)."""
    return ("lowercase", {"type": "lowercase", "language": language})


@dataclass(frozen=True)
class Language:
    """A language analyzer of Elasticsearch as its documentation rebuilds it ("Language
    analyzers"): the filters up to lower case, the language's stop words, filters that
    normalise, its stemmer (the keyword marker, empty there, is left out). A filter is a
    built-in one by name, or (role, definition) for one defined with the analyzer."""

    name: str  # Elasticsearch's name of the language: its stop words are "_<name>_"
    stemmer: str = ""  # the stemmer's language, if not ``name``
    before: tuple = ("lowercase",)  # the filters before the stop words
    normalisation: tuple = ()  # the filters between the stop words and the stemmer
    # Latin letters get their accents folded; the filters of other alphabets above
    # already do what the databases' folding does (Greek accents, Arabic vowel marks).
    latin: bool = True


FRENCH_ARTICLES = [
    "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
]  # fmt: skip
ITALIAN_ARTICLES = [
    "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl",
    "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d",
]  # fmt: skip
LANGUAGES = {
    "ar": Language(
        "arabic",
        before=("lowercase", "decimal_digit"),
        normalisation=("arabic_normalization",),
        latin=False,
    ),
    "bg": Language("bulgarian", latin=False),
    "ca": Language("catalan", before=(elision(["d", "l", "m", "n", "s", "t"]), "lowercase")),
    "cs": Language("czech"),
    "da": Language("danish"),
    "de": Language("german", "light_german", normalisation=("german_normalization",)),
    "el": Language("greek", before=(lowercase("greek"),), latin=False),
    "en": Language(
        "english",
        before=(("possessive", {"type": "stemmer", "language": "possessive_english"}), "lowercase"),
    ),
    "es": Language("spanish", "light_spanish"),
    "fi": Language("finnish"),
    "fr": Language("french", "light_french", before=(elision(FRENCH_ARTICLES), "lowercase")),
    "hu": Language("hungarian"),
    "it": Language("italian", "light_italian", before=(elision(ITALIAN_ARTICLES), "lowercase")),
    "lt": Language("lithuanian"),
    "lv": Language("latvian"),
    "nl": Language("dutch"),
    "pt": Language("portuguese", "light_portuguese"),
    "ro": Language("romanian"),
    "sv": Language("swedish"),
    "tr": Language("turkish", before=("apostrophe", lowercase("turkish"))),
}
FOLDING_ANALYZER = "convivium_folding"
# Arabic is read behind a character filter removing the conjunction and preposition
# joined to the article ("والعنصرية" → "عنصرية"), the same pattern as the databases'.
ARABIC_CLITICS = {"type": "pattern_replace", "pattern": arabic.PREFIX, "replacement": ""}
MAX_MATCHES = 10_000
# As the databases: fewer practices than this with every concept, and most will do.
RELAX_BELOW = 10
FIELDS = ["title^3", "summary^2", "body"]
CONCEPT = "concept-"  # the name of a required concept's query, then its number


def analyzer(language):
    """The name of the analyzer of a language's texts: Elasticsearch's name for the
    language if it has an analyzer for it, else the language's code."""
    code = analysis.base_language(language)
    return f"convivium_{LANGUAGES[code].name if code in LANGUAGES else code}"


def search_analyzer(language):
    return f"{analyzer(language)}_search"


def index_name(language):
    return f"{settings.CONVIVIUM_SEARCH_INDEX_PREFIX}-{language}".lower()


def synonyms_set(language):
    return f"{index_name(language)}-synonyms"


def synonym_rules(language):
    """The language's synonym groups (search.synonyms) as the rules of its synonyms set,
    one equivalence per group ("football, soccer, sport"): their words only, so that no
    comma or "=>" an editor wrote is read as the rules' syntax."""
    rules = []
    for group in synonyms.groups(language):
        phrases = dict.fromkeys(" ".join(analysis.WORD.findall(phrase)) for phrase in group)
        phrases.pop("", None)
        if len(phrases) > 1:
            rules.append({"synonyms": ", ".join(phrases)})
    return rules


def own_stop_words(code):
    """The stop words that the query plan knows for a language Elasticsearch has none
    for (search.analysis), as they are written: the analyzer folds them after."""
    if not stopwordsiso.has_lang(code):
        return []
    return sorted(stopwordsiso.stopwords(code))


def text_analysis(language):
    """The analyzers of a language's texts, one to index and one to search with, with the
    filters and character filters they name.

    Elasticsearch's analyzer of the language, rebuilt (see :class:`Language`), then the
    accents of Latin letters folded after the stemmer, as the databases compare words
    (search.analysis), so that a query typed without them finds the words written with
    them. A language Elasticsearch has no analyzer for (Polish) has no stemmer, and the
    stop words of the query plan (:func:`own_stop_words`).

    The search analyzer ends with the language's synonyms (a ``synonym_graph`` filter
    on its synonyms set): last, so that their words are compared as the index compares
    words (stemmed, Latin letters folded), as the query plan compares them. A phrase with
    a stop word in it ("luogo di culto") is left out there (Elasticsearch's synonym
    rules cannot hold a word the analyzer drops); the plan still asks for it."""
    name = analyzer(language)
    code = analysis.base_language(language)
    spec = LANGUAGES.get(code)
    chain, filters, char_filters = [], {}, {}

    def use(*chosen):
        for item in chosen:
            if isinstance(item, str):
                chain.append(item)
            else:
                role, definition = item
                filters[f"{name}_{role}"] = definition
                chain.append(f"{name}_{role}")

    if spec is None:
        use("lowercase")
        if words := own_stop_words(code):
            use(("stop", {"type": "stop", "stopwords": words}))
        use("asciifolding")
    else:
        use(*spec.before)
        use(("stop", {"type": "stop", "stopwords": f"_{spec.name}_"}))
        use(*spec.normalisation)
        use(("stemmer", {"type": "stemmer", "language": spec.stemmer or spec.name}))
        if spec.latin:
            use("asciifolding")
    text = {"type": "custom", "tokenizer": "standard", "filter": chain}
    if code == "ar":
        char_filters[f"{name}_clitics"] = ARABIC_CLITICS
        text["char_filter"] = [f"{name}_clitics"]
    filters[f"{name}_synonyms"] = {
        "type": "synonym_graph",
        "synonyms_set": synonyms_set(language),
        "updateable": True,  # reloaded when the set changes; search analyzers only
        "lenient": True,  # a phrase that the stop words cut is left out, not an error
    }
    query = {**text, "filter": [*chain, f"{name}_synonyms"]}
    found = {"analyzer": {name: text, search_analyzer(language): query}, "filter": filters}
    if char_filters:
        found["char_filter"] = char_filters
    return found


def index_body(language):
    """Settings and mappings of one language's index."""
    text = {
        "type": "text",
        "analyzer": analyzer(language),
        "search_analyzer": search_analyzer(language),
    }
    analysis_settings = text_analysis(language)
    analysis_settings["analyzer"][FOLDING_ANALYZER] = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding"],
    }
    analysis_settings["normalizer"] = {
        "convivium_title": {"type": "custom", "filter": ["lowercase", "asciifolding"]}
    }
    return {
        "settings": {"analysis": analysis_settings},
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "page_id": {"type": "integer"},
                "language": {"type": "keyword"},
                "translation_key": {"type": "keyword"},
                "title": {
                    **text,
                    "fields": {
                        "sort": {"type": "keyword", "normalizer": "convivium_title"},
                        "prefix": {"type": "search_as_you_type", "analyzer": FOLDING_ANALYZER},
                    },
                },
                "summary": text,
                "body": text,
                "themes": {"type": "keyword"},
                "target_groups": {"type": "keyword"},
                "country": {"type": "keyword"},
                "partner": {"type": "keyword"},
                "organisation_type": {"type": "keyword"},
                "start_year": {"type": "integer"},
                "ongoing": {"type": "boolean"},
                "published_at": {"type": "date"},
            },
        },
    }


def synonyms_version():
    """The version of the synonyms that search.synonyms renews on every change."""
    return cache.get_or_set(synonyms.VERSION_KEY, synonyms.new_version, timeout=None)


def synonyms_key(version, language):
    """The shared cache's note that the cluster has this version of a language's set."""
    return f"search:elasticsearch:synonyms:{version}:{synonyms_set(language)}"


def document(entry, terms):
    return {
        "page_id": entry.page_id,
        "language": entry.language,
        "translation_key": str(entry.translation_key),
        "title": entry.title,
        "summary": entry.summary,
        "body": entry.text_body,
        "themes": [term.slug for term in terms if term.kind == "theme"],
        "target_groups": [term.slug for term in terms if term.kind == "group"],
        "country": entry.country,
        "partner": entry.partner_slug,
        "organisation_type": entry.organisation_type,
        "start_year": entry.start_year,
        "ongoing": entry.ongoing,
        "published_at": entry.published_at.isoformat() if entry.published_at else None,
    }


def phrase_query(phrase, fuzzy):
    """True for a practice having ``phrase`` (a tuple of words) in its title, summary or
    body: word for word if it has several, within Elasticsearch's edit distance if
    ``fuzzy`` (a word of one or two letters exactly, of up to five within one edit)."""
    text = " ".join(phrase)
    if len(phrase) > 1:
        return {"multi_match": {"query": text, "type": "phrase", "fields": FIELDS}}
    query = {"multi_match": {"query": text, "fields": FIELDS}}
    if fuzzy:
        query["multi_match"]["fuzziness"] = "AUTO"
    return query


def concept_query(concept, name=None):
    """True for a practice having one of the alternatives of ``concept``.

    A word as typed may be misspelt, so it is matched fuzzily; a phrase the synonyms or
    the themes know was recognised as written, and a stop word only ranks: those are
    matched as they are (fuzzily, "roma" would also find "rome")."""
    fuzzy = not (concept.optional or concept.known_phrase)
    query = {
        "bool": {
            "should": [phrase_query(phrase, fuzzy) for phrase in concept.phrases],
            "minimum_should_match": 1,
        }
    }
    if name:
        query["bool"]["_name"] = name
    return query


def plan_query(plan, minimum):
    """True for a practice having at least ``minimum`` of the plan's required concepts;
    the optional ones (stop words) add to the score of those found, and find none.

    Each required concept is a named query, so that every hit says which it has."""
    required = [
        concept_query(concept, f"{CONCEPT}{number}") for number, concept in enumerate(plan.required)
    ]
    return {
        "bool": {
            "must": {"bool": {"should": required, "minimum_should_match": minimum}},
            "should": [concept_query(concept) for concept in plan.optional],
        }
    }


def match_body(plan, minimum, size=MAX_MATCHES):
    """The ids of the practices having ``minimum`` of the plan's concepts, best first."""
    return {
        "query": plan_query(plan, minimum),
        "_source": False,
        "size": size,
        "track_total_hits": True,
        "sort": ["_score", {"published_at": {"order": "desc", "missing": "_last"}}],
    }


def highlight_body(plan, page_ids):
    """Excerpts with the matched words marked, for the practices on screen: the query of
    the match at its weakest, which every practice found (with all concepts or most) meets."""
    return {
        "query": {
            "bool": {
                "must": plan_query(plan, plan.minimum),
                "filter": {"terms": {"page_id": list(page_ids)}},
            }
        },
        "_source": ["page_id"],
        "size": len(page_ids),
        "highlight": {
            "pre_tags": [MARK_START],
            "post_tags": [MARK_END],
            "fields": {"summary": {"number_of_fragments": 0}, "body": {"fragment_size": 160}},
            "number_of_fragments": 2,
        },
    }


def concepts_found(hit):
    """How many of the required concepts a hit has (its named queries)."""
    return sum(name.startswith(CONCEPT) for name in hit.get("matched_queries", ()))


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, client=None):
        self.client = client or get_search_backend("default").es
        self._matches = {}
        self._synonyms_checked = set()

    def indexes(self, languages):
        return ",".join(index_name(language) for language in languages)

    # -- writing ----------------------------------------------------------------

    def reset(self):
        languages = [code for code, _name in settings.LANGUAGES]
        # The sets first: an index naming a synonyms set the cluster lacks cannot open.
        self.put_synonyms(languages)
        for language in languages:
            name = index_name(language)
            self.client.options(ignore_status=404).indices.delete(index=name)
            self.client.indices.create(index=name, **index_body(language))

    # -- synonyms ---------------------------------------------------------------

    def put_synonyms(self, languages, version=None):
        """Give the cluster the synonyms set of each language as search.synonyms has it
        (which reloads the search analyzers using it), and remember in the shared cache
        that the cluster has this version of them."""
        version = version or synonyms_version()
        for language in languages:
            self.client.synonyms.put_synonym(
                id=synonyms_set(language), synonyms_set=synonym_rules(language)
            )
        cache.set_many(
            {synonyms_key(version, language): True for language in languages},
            synonyms.GROUPS_SECONDS,
        )

    def keep_synonyms_current(self, languages):
        """Put the synonyms sets of these languages if the cluster may have them in a
        version search.synonyms has replaced since: once per version and language for
        every app server, and once per backend (one request) for this one."""
        languages = [code for code in languages if code not in self._synonyms_checked]
        if not languages:
            return
        version = synonyms_version()
        put = cache.get_many([synonyms_key(version, language) for language in languages])
        stale = [code for code in languages if synonyms_key(version, code) not in put]
        if stale:
            self.put_synonyms(stale, version)
        self._synonyms_checked.update(languages)

    def write(self, entries):
        operations = []
        for entry in entries:
            operations.append({"index": {"_index": index_name(entry.language), "_id": entry.pk}})
            terms = getattr(entry, "term_list", None)
            operations.append(document(entry, terms if terms is not None else entry.terms.all()))
        if operations:
            try:
                self.client.bulk(operations=operations, refresh="wait_for")
            except (ApiError, TransportError) as error:
                raise SearchUnavailable(str(error)) from error

    def delete(self, page_ids):
        page_ids = list(page_ids)
        if page_ids:
            try:
                self.client.delete_by_query(
                    index=self.indexes([code for code, _name in settings.LANGUAGES]),
                    query={"terms": {"page_id": page_ids}},
                    ignore_unavailable=True,
                    refresh=True,
                )
            except (ApiError, TransportError) as error:
                raise SearchUnavailable(str(error)) from error

    def indexed_page_ids(self):
        """The practices that have documents in the cluster, a thousand at a time."""
        found, after = set(), None
        while True:
            composite = {"size": 1000, "sources": [{"page": {"terms": {"field": "page_id"}}}]}
            if after:
                composite["after"] = after
            try:
                answer = self.client.search(
                    index=self.indexes([code for code, _name in settings.LANGUAGES]),
                    size=0,
                    aggs={"pages": {"composite": composite}},
                    ignore_unavailable=True,
                )
            except (ApiError, TransportError) as error:
                raise SearchUnavailable(str(error)) from error
            pages = answer.body.get("aggregations", {}).get("pages", {})
            buckets = pages.get("buckets", [])
            found.update(bucket["key"]["page"] for bucket in buckets)
            after = pages.get("after_key")
            if not buckets or not after:
                return found

    # -- searching ------------------------------------------------------------

    def _search(self, search, body):
        try:
            self.keep_synonyms_current(search.languages)
            return self.client.search(index=self.indexes(search.languages), **body)
        except (ApiError, TransportError) as error:
            raise SearchUnavailable(str(error)) from error

    def matched_ids(self, search):
        """The ids of the practices found, best first, asked once per search: those
        with every required concept, or, when fewer than RELAX_BELOW have them all,
        those with most of them (the plan's minimum), the more concepts the earlier."""
        plan = search.plan
        key = (plan, search.languages)
        if key not in self._matches:
            hits = []
            if plan:
                required = len(plan.required)
                hits = self._search(search, match_body(plan, required))["hits"]["hits"]
                if len(hits) < RELAX_BELOW and plan.minimum < required:
                    relaxed = self._search(search, match_body(plan, plan.minimum))
                    # sorted() keeps Elasticsearch's order among equals.
                    hits = sorted(relaxed["hits"]["hits"], key=lambda hit: -concepts_found(hit))
            self._matches[key] = [int(hit["_id"]) for hit in hits]
        return self._matches[key]

    def match(self, queryset, search):
        return queryset.filter(page_id__in=self.matched_ids(search))

    def ranked_ids(self, queryset, search):
        ranked = self.matched_ids(search)

        def fetch(offset, limit):
            allowed = set(self.match(queryset, search).values_list("page_id", flat=True))
            return [pk for pk in ranked if pk in allowed][offset : offset + limit]

        return fetch

    def highlights(self, search, page_ids):
        if not page_ids or not search.plan:
            return {}
        response = self._search(search, highlight_body(search.plan, page_ids))
        found = {}
        for hit in response["hits"]["hits"]:
            fragments = hit.get("highlight", {})
            parts = fragments.get("summary", []) + fragments.get("body", [])
            if parts:
                found[hit["_source"]["page_id"]] = " … ".join(parts)
        return found
