"""A search of the practice index: text, facets, order, and the counts of every facet."""

import hashlib
import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.db.models.functions import Cast

from website.fallbacks import fallback_order

from . import synonyms, taxonomy
from .backends import RankedIds, get_backend
from .models import EntryTerm, EntryText, PracticeEntry
from .understanding import TextSearch, read
from .vocabulary import Vocabulary

# Facets in the order they are shown: name → the entry field (or term kind) it counts.
ENTRY_FACETS = {
    "country": "country",
    "partner": "partner_slug",
    "type": "organisation_type",
    "year": "start_year",
}
TERM_FACETS = {"theme": EntryTerm.Kind.THEME, "group": EntryTerm.Kind.TARGET_GROUP}
# The same, as space-separated slugs on the index rows (for counting on PostgreSQL).
TERM_COLUMNS = {"theme": "theme_slugs", "group": "group_slugs"}
FACETS = ["theme", "group", "country", "partner", "type", "year", "status"]
COUNTS_TIMEOUT = 10 * 60
VERSION_KEY = "search:index-version"


def index_version():
    """A token that changes whenever the index does: part of every cached count's
    key, so that changing it (one cache write) retires every cached count at once.
    In production the cache is Redis, shared by every app server."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def index_changed():
    """Retire the cached counts now, and again once the change is committed, so that
    a search running meanwhile cannot keep counts of the old index under the new token."""

    def retire():
        cache.set(VERSION_KEY, uuid.uuid4().hex, None)

    retire()
    transaction.on_commit(retire)


@dataclass
class PracticeQuery:
    language: str
    text: str = ""
    all_languages: bool = False
    sort: str = "newest"
    filters: dict = field(default_factory=dict)
    exact: bool = False  # the words as typed, not corrected

    @classmethod
    def from_form(cls, form, language):
        data = form.cleaned_data
        return cls(
            language=language,
            text=data["q"],
            all_languages=data["all"],
            sort=data["sort"],
            filters={name: data[name] for name in FACETS if data.get(name)},
            exact=data.get("exact", False),
        )

    @cached_property
    def text_languages(self):
        """The languages the searched texts may be in: the entries' own, and those of
        the originals their aliases show (website.fallbacks)."""
        if self.all_languages:
            return tuple(self.languages)
        return tuple(dict.fromkeys([self.language, *fallback_order(self.language)]))

    @cached_property
    def plan(self):
        """How the text is read: concepts, synonyms, themes, corrected spelling."""
        groups = [*synonyms.groups(self.language), *taxonomy.groups()]
        vocabulary = None if self.exact else Vocabulary(self.text_languages, index_version())
        return read(self.text, self.language, groups, vocabulary)

    @cached_property
    def search(self):
        return TextSearch(self.text, self.plan, tuple(self.languages), self.text_languages)

    @property
    def languages(self):
        if self.all_languages:
            return [code for code, _name in settings.LANGUAGES]
        return [self.language]

    # -- the matching set ---------------------------------------------------

    def entries(self):
        if self.all_languages:
            # Each practice once, in the languages it is written in, not as the
            # aliases that show it in the others.
            return PracticeEntry.objects.filter(language=F("text_language"))
        return PracticeEntry.objects.filter(language=self.language)

    def terms(self, kind):
        if self.all_languages:
            return EntryTerm.objects.filter(kind=kind, entry__language=F("entry__text_language"))
        return EntryTerm.objects.filter(language=self.language, kind=kind)

    def filtered(self, skip=None):
        """Entries that pass every facet filter (but ``skip``'s), before the text."""
        queryset = self.entries()
        for name, values in self.filters.items():
            if name == skip:
                continue
            if name in TERM_FACETS:
                queryset = queryset.filter(
                    page_id__in=self.terms(TERM_FACETS[name])
                    .filter(slug__in=values)
                    .values("entry_id")
                )
            elif name == "status":
                if len(values) == 1:
                    queryset = queryset.filter(ongoing=values[0] == "ongoing")
            else:
                queryset = queryset.filter(**{f"{ENTRY_FACETS[name]}__in": values})
        return queryset

    def matching(self, skip=None, backend=None):
        queryset = self.filtered(skip)
        if self.text:
            queryset = (backend or get_backend()).match(queryset, self.search)
        return queryset

    # -- results --------------------------------------------------------------

    def ranked_ids(self, count, backend=None):
        """Page ids in the requested order, sliceable for the paginator, which is
        told the ``count`` (known from the facet query) rather than asking again."""
        backend = backend or get_backend()
        if self.text and self.sort == "relevance":
            if hasattr(backend, "match_sql"):  # the text rows carry the facet values
                fetch = backend.ranked_ids_where(*self._facet_conditions(), self.search)
            else:
                fetch = backend.ranked_ids(self.filtered(), self.search)
        else:
            newest = (
                self.matching(backend=backend)
                .order_by("-published_at", "-page_id")
                .values_list("page_id", flat=True)
            )

            def fetch(offset, limit):
                return list(newest[offset : offset + limit])

        key = f"{self.counts_cache_key(backend)}:{self.sort}"

        def cached_fetch(offset, limit):
            # A page of results, like the counts, stays valid until the index changes.
            page_key = f"{key}:{offset}:{limit}"
            ids = cache.get(page_key)
            if ids is None:
                ids = fetch(offset, limit)
                cache.set(page_key, ids, COUNTS_TIMEOUT)
            return ids

        return RankedIds(count, cached_fetch)

    def facet_counts(self, backend=None):
        """{facet: {value: count}} in one query: each facet counts the matching set
        filtered by every other facet, so that choosing a value keeps its siblings.
        The count of the whole matching set comes with them, as facet "total".

        Counts are cached per search (languages, text, filters) until the index
        changes: see :func:`index_version`."""
        backend = backend or get_backend()
        key = self.counts_cache_key(backend)
        counts = cache.get(key)
        if counts is None:
            counts = self.count_facets(backend)
            cache.set(key, counts, COUNTS_TIMEOUT)
        return counts

    def counts_cache_key(self, backend):
        # The plan, not only the text: synonyms and corrections change what it finds.
        plan = [(c.phrases, c.optional) for c in self.plan.concepts] if self.text else []
        filters = sorted((k, list(v)) for k, v in self.filters.items())
        search = [self.languages, self.text, plan, filters]
        digest = hashlib.sha256(json.dumps(search, default=str).encode()).hexdigest()
        return f"search:counts:{index_version()}:{backend.name}:{digest}"

    def count_facets(self, backend):
        if self.text and hasattr(backend, "match_sql"):
            return self._counts_from_one_match(backend)
        if self.text:
            return self._counts_from_matched_rows(backend)
        return self._counts_by_facet(backend)

    def _counts_by_facet(self, backend):
        """{facet: {value: count}} from one statement that counts each facet apart."""
        # Without a text the terms are counted from their covering index
        # (search_term_facet), faster than unnesting every entry's slugs.
        status = Case(
            When(Q(ongoing=True), then=Value("ongoing")),
            default=Value("finished"),
            output_field=CharField(),
        )
        columns = {**{name: Cast(column, CharField()) for name, column in ENTRY_FACETS.items()}}
        columns["status"] = status
        # Facets without a chosen value all count the same set: on PostgreSQL they
        # are counted in one scan with GROUPING SETS, the others one scan each.
        shared = [name for name in columns if name not in self.filters]
        grouped = connection.vendor == "postgresql" and len(shared) > 1
        parts = []
        if not grouped:
            parts.append(
                self.matching(backend=backend)
                .order_by()
                .values(facet=Value("total", CharField()), value=Value("all", CharField()))
                .annotate(count=Count("page_id"))
            )
        for name, kind in TERM_FACETS.items():
            terms = self.terms(kind)
            if self.text or set(self.filters) - {name}:
                matching = self.matching(skip=name, backend=backend)
                terms = terms.filter(entry_id__in=matching.values("page_id"))
            parts.append(
                terms.order_by()
                .values(facet=Value(name, CharField()), value=F("slug"))
                .annotate(count=Count("entry_id"))
            )
        for name, value in columns.items():
            if grouped and name in shared:
                continue
            parts.append(
                self.matching(skip=name, backend=backend)
                .order_by()
                .values(facet=Value(name, CharField()), value=value)
                .annotate(count=Count("page_id"))
            )
        statements = [part.query.sql_with_params() for part in parts]
        if grouped:
            statements.append(self._grouping_sets(shared, backend))
        sql = " UNION ALL ".join(
            f"SELECT * FROM ({statement}) AS part{number}"  # noqa: S608 - Django's own SQL
            for number, (statement, _params) in enumerate(statements)
        )
        params = [value for _statement, part_params in statements for value in part_params]
        return read_counts(sql, params)

    def _grouping_sets(self, names, backend):
        """One scan of the matching set counting several facets and the total (PostgreSQL)."""
        inner, params = (
            self.matching(backend=backend)
            .order_by()
            .values("page_id", *[ENTRY_FACETS[name] for name in names if name in ENTRY_FACETS])
            .annotate(ongoing_value=F("ongoing"))
            .query.sql_with_params()
        )
        expressions = {name: f"m.{ENTRY_FACETS[name]}::text" for name in ENTRY_FACETS}
        expressions["status"] = "CASE WHEN m.ongoing_value THEN 'ongoing' ELSE 'finished' END"
        chosen = [expressions[name] for name in names]
        labels = " ".join(
            f"WHEN GROUPING({expression}) = 0 THEN '{name}'"
            for name, expression in zip(names, chosen, strict=True)
        )
        values = " ".join(
            f"WHEN GROUPING({expression}) = 0 THEN {expression}" for expression in chosen
        )
        sets = ", ".join(f"({expression})" for expression in chosen)
        return (
            f"SELECT CASE {labels} ELSE 'total' END, CASE {values} ELSE 'all' END, COUNT(*)"  # noqa: S608 - names from code
            f" FROM ({inner}) AS m GROUP BY GROUPING SETS ({sets}, ())",
            params,
        )

    # -- other backends: every count from one read of the matched rows --------

    def _counts_from_matched_rows(self, backend):
        """{facet: {value: count}} of a text search from one query: the rows the text
        matches, each with its facet values, counted here, each facet over the rows
        that pass every other chosen facet. One read of the matched rows costs less
        than matching them again in a statement per facet, as SQLite would."""
        columns = ["theme_slugs", "group_slugs", *ENTRY_FACETS.values(), "ongoing"]
        matched = backend.match(self.entries(), self.search).order_by().values_list(*columns)
        with connection.cursor() as cursor:  # not the queryset: its converters cost more
            cursor.execute(*matched.query.sql_with_params())
            rows = cursor.fetchall()
        chosen = {
            FACETS.index(name): {str(value) for value in values}
            for name, values in self.filters.items()
            if name != "status" or len(values) == 1  # both statuses: no filter
        }
        passing, failing_only = [], {index: [] for index in chosen}
        for row in map(facet_values, rows):
            failed = [index for index, values in chosen.items() if values.isdisjoint(row[index])]
            if not failed:
                passing.append(row)
            elif len(failed) == 1:
                failing_only[failed[0]].append(row)
        counts = {}
        for index, name in enumerate(FACETS):
            counted = passing + failing_only.get(index, [])
            counts[name] = dict(Counter(chain.from_iterable(row[index] for row in counted)))
        counts["total"] = {"all": len(passing)}
        return counts

    # -- PostgreSQL: every count from one materialised match ---------------------

    def _facet_conditions(self, skip=None):
        """SQL conditions on the matched rows ``m`` for every chosen facet but ``skip``."""
        conditions, params = (["m.original"] if self.all_languages else []), []
        for name, values in self.filters.items():
            if name == skip:
                continue
            if name in TERM_COLUMNS:
                conditions.append(f"string_to_array(m.{TERM_COLUMNS[name]}, ' ') && %s::text[]")
                params.append(list(values))
            elif name == "status":
                if len(values) == 1:
                    conditions.append("m.ongoing = %s")
                    params.append(values[0] == "ongoing")
            else:
                conditions.append(f"m.{ENTRY_FACETS[name]} = ANY(%s)")
                params.append(list(values))
        return " AND ".join(conditions) or "TRUE", params

    def _counts_from_one_match(self, backend):
        """{facet: {value: count}} of a text search in one statement: the text is
        matched once, into a materialised set of narrow rows that carry their facet
        values, and every facet is counted from that set (the facets without a
        chosen value together, in one pass with GROUPING SETS)."""
        columns = ", ".join(
            f"x.{name}" for name in ["entry_id", "original", *EntryText.FACET_FIELDS]
        )
        terms, params = backend.match_sql(self.search, table="x")
        matched = f"SELECT {columns} FROM search_entrytext AS x WHERE {terms}"  # noqa: S608
        expressions = {name: f"m.{column}::text" for name, column in ENTRY_FACETS.items()}
        expressions["status"] = "CASE WHEN m.ongoing THEN 'ongoing' ELSE 'finished' END"
        shared = [name for name in expressions if name not in self.filters]
        parts = []
        where, where_params = self._facet_conditions()
        if shared:
            chosen = [expressions[name] for name in shared]
            labels = " ".join(
                f"WHEN GROUPING({expression}) = 0 THEN '{name}'"
                for name, expression in zip(shared, chosen, strict=True)
            )
            values = " ".join(f"WHEN GROUPING({e}) = 0 THEN {e}" for e in chosen)
            sets = ", ".join(f"({expression})" for expression in chosen)
            parts.append(
                (
                    f"SELECT CASE {labels} ELSE 'total' END, CASE {values} ELSE 'all' END,"  # noqa: S608
                    f" COUNT(*) FROM m WHERE {where} GROUP BY GROUPING SETS ({sets}, ())",
                    where_params,
                )
            )
        else:
            parts.append((f"SELECT 'total', 'all', COUNT(*) FROM m WHERE {where}", where_params))  # noqa: S608
        for name in expressions:
            if name in shared:
                continue
            where, where_params = self._facet_conditions(skip=name)
            parts.append(
                (
                    f"SELECT '{name}', {expressions[name]}, COUNT(*) FROM m"  # noqa: S608
                    f" WHERE {where} GROUP BY 2",
                    where_params,
                )
            )
        for name, column in TERM_COLUMNS.items():
            where, where_params = self._facet_conditions(skip=name)
            parts.append(
                (
                    f"SELECT '{name}', slug, COUNT(*)"  # noqa: S608
                    f" FROM m, unnest(string_to_array(m.{column}, ' ')) AS slug"
                    f" WHERE {where} GROUP BY slug",
                    where_params,
                )
            )
        sql = f"WITH m AS MATERIALIZED ({matched}) " + " UNION ALL ".join(
            f"({statement})" for statement, _params in parts
        )
        params = params + [value for _statement, part in parts for value in part]
        return read_counts(sql, params)


def facet_values(row):
    """The values of each facet, in the order of FACETS, of a row of theme slugs,
    group slugs, the fields of ENTRY_FACETS and ``ongoing``: tuples, since a
    practice has several themes, and none where a field is empty."""
    themes, groups, country, partner, organisation_type, year, ongoing = row
    return (
        tuple(themes.split()),
        tuple(groups.split()),
        (country,) if country else (),
        (partner,) if partner else (),
        (organisation_type,) if organisation_type else (),
        (str(year),) if year is not None else (),
        ("ongoing",) if ongoing else ("finished",),
    )


def read_counts(sql, params):
    """{facet: {value: count}} from a statement answering (facet, value, count) rows."""
    counts = {name: {} for name in [*FACETS, "total"]}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, count in cursor.fetchall():
            if value not in (None, ""):
                counts[facet][value] = count
    return counts
