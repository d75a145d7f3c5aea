"""Elasticsearch for the practice index (production, with ELASTICSEARCH_URL).

The client is the one of Wagtail's Elasticsearch 8 backend (same hosts, timeout
and options as the rest of the site's search). Practices go to one index per
language, ``<CONVIVIUM_SEARCH_INDEX_PREFIX>-<language>``, whose text fields use
that language's analyzer: Elasticsearch's built-in language analyzers where
there is one, a folding analyzer (lower case, accents removed) elsewhere.

A query is sent as its plan (search.understanding), the way the databases read
it: one clause per required concept, true when a practice has one of the concept's
alternatives (a phrase word for word, a word within an edit or two, see
:func:`concept_query`), in title (boost 3), summary (2) and body; the practices with
every required concept, or, when fewer than ten have them all, with most of them
(``minimum_should_match``); the optional concepts (stop words) only add to the score.
The highlights come from the same query.

Elasticsearch finds and ranks; the database entries keep the facet values, so
facets are counted in the database over the ids Elasticsearch matched.
"""

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.search.backends import get_search_backend

from .. import arabic
from . import MARK_END, MARK_START, SearchUnavailable

# Elasticsearch's built-in language analyzers, by language code.
ANALYZERS = {
    "ar": "convivium_arabic",  # "arabic" with the prefixes of search.arabic removed
    "bg": "bulgarian",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "lt": "lithuanian",
    "lv": "latvian",
    "nl": "dutch",
    "pt": "portuguese",
    "ro": "romanian",
    "sv": "swedish",
    "tr": "turkish",
}
FOLDING_ANALYZER = "convivium_folding"
# Elasticsearch's "arabic" analyzer rebuilt as its documentation describes, with
# a character filter in front removing the conjunction and preposition joined to
# the article ("والعنصرية" → "عنصرية"), the same pattern as the databases use.
ARABIC_ANALYSIS = {
    "char_filter": {
        "convivium_arabic_clitics": {
            "type": "pattern_replace",
            "pattern": arabic.PREFIX,
            "replacement": "",
        }
    },
    "filter": {
        "convivium_arabic_stop": {"type": "stop", "stopwords": "_arabic_"},
        "convivium_arabic_stemmer": {"type": "stemmer", "language": "arabic"},
    },
    "analyzer": {
        "convivium_arabic": {
            "type": "custom",
            "char_filter": ["convivium_arabic_clitics"],
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                "decimal_digit",
                "convivium_arabic_stop",
                "arabic_normalization",
                "convivium_arabic_stemmer",
            ],
        }
    },
}
MAX_MATCHES = 10_000
# As the databases: fewer practices than this with every concept, and most will do.
RELAX_BELOW = 10
FIELDS = ["title^3", "summary^2", "body"]
CONCEPT = "concept-"  # the name of a required concept's query, then its number


def analyzer(language):
    return ANALYZERS.get(language.split("-")[0], FOLDING_ANALYZER)


def index_name(language):
    return f"{settings.CONVIVIUM_SEARCH_INDEX_PREFIX}-{language}".lower()


def index_body(language):
    """Settings and mappings of one language's index."""
    text = {"type": "text", "analyzer": analyzer(language)}
    analysis = {
        "analyzer": {
            FOLDING_ANALYZER: {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding"],
            }
        },
        "normalizer": {
            "convivium_title": {
                "type": "custom",
                "filter": ["lowercase", "asciifolding"],
            }
        },
    }
    if analyzer(language) == "convivium_arabic":
        for part, definitions in ARABIC_ANALYSIS.items():
            analysis.setdefault(part, {}).update(definitions)
    return {
        "settings": {"analysis": analysis},
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

    def indexes(self, languages):
        return ",".join(index_name(language) for language in languages)

    # -- writing ----------------------------------------------------------------

    def reset(self):
        for language, _name in settings.LANGUAGES:
            name = index_name(language)
            self.client.options(ignore_status=404).indices.delete(index=name)
            self.client.indices.create(index=name, **index_body(language))

    def write(self, entries):
        operations = []
        for entry in entries:
            operations.append({"index": {"_index": index_name(entry.language), "_id": entry.pk}})
            terms = getattr(entry, "term_list", None)
            operations.append(document(entry, terms if terms is not None else entry.terms.all()))
        if operations:
            self.client.bulk(operations=operations, refresh="wait_for")

    def delete(self, page_ids):
        page_ids = list(page_ids)
        if page_ids:
            self.client.delete_by_query(
                index=self.indexes([code for code, _name in settings.LANGUAGES]),
                query={"terms": {"page_id": page_ids}},
                ignore_unavailable=True,
                refresh=True,
            )

    # -- searching ------------------------------------------------------------

    def _search(self, search, body):
        try:
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
