"""Speed of the practice search at scale, on the database of DATABASE_URL.

    DATABASE_URL=sqlite:///bench-search.sqlite3 .venv/bin/python bench/search.py
    DATABASE_URL=postgres://…/convivium_bench .venv/bin/python bench/search.py

The first run migrates the (dedicated, empty) database and generates the corpus:
--practices practices (default 10,000) in each of --languages (default en,it,de),
under 24 partners in 8 countries, with texts drawn from a fixed seed so every run
and every database gets the same corpus. Pages are written in bulk (the corpus
is generated, not published one by one); the index is then rebuilt with
progress and its rate printed. Each kind of search request is then timed
--repeat times (median and 95th percentile), in-process through Django's test
client, templates included: "cold" with the cached facet counts retired before
each request (as after any publication), "warm" when the same request was just
made. Suggestions use no cache: their two columns measure the same thing.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
os.environ.setdefault("DATABASE_URL", "sqlite:///bench-search.sqlite3")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

settings.DEBUG = False  # as in production: no query log, no template debugging

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from partners.factories import PartnerIndexPageFactory, PartnerPageFactory  # noqa: E402
from practices.models import PracticePage, PracticePageTheme, Theme  # noqa: E402
from search.query import PracticeQuery, index_changed  # noqa: E402
from website.factories import HomePageFactory  # noqa: E402

SEED = 20261127
COUNTRIES = ["IT", "DE", "GR", "ES", "PL", "RO", "FR", "IE"]
THEMES = ["integration", "anti-racism", "dialogue", "housing", "education", "work", "health"]
# A few real words per language, the first one common (about every other
# practice), then made-up words drawn with a Zipf-like skew.
WORDS = {
    "en": [
        "community",
        "school",
        "neighbourhood",
        "migrants",
        "volunteers",
        "library",
        "market",
        "housing",
        "training",
        "youth",
        "women",
        "council",
        "health",
        "language",
        "rumours",
        "theatre",
        "football",
    ],
    "it": [
        "comunità",
        "scuola",
        "quartiere",
        "migranti",
        "volontari",
        "biblioteca",
        "mercato",
        "alloggio",
        "formazione",
        "giovani",
        "donne",
        "consiglio",
        "salute",
        "lingua",
        "dicerie",
        "teatro",
        "calcio",
    ],
    "de": [
        "Gemeinschaft",
        "Schule",
        "Stadtteil",
        "Zugewanderte",
        "Ehrenamtliche",
        "Bibliothek",
        "Markt",
        "Wohnen",
        "Ausbildung",
        "Jugend",
        "Frauen",
        "Beirat",
        "Gesundheit",
        "Sprache",
        "Gerüchte",
        "Theater",
    ],
    "el": [
        "κοινότητα",
        "σχολείο",
        "γειτονιά",
        "μετανάστες",
        "εθελοντές",
        "βιβλιοθήκη",
        "αγορά",
        "στέγαση",
        "κατάρτιση",
        "νέοι",
        "γυναίκες",
        "συμβούλιο",
        "υγεία",
        "γλώσσα",
        "φήμες",
        "θέατρο",
    ],
    "ar": [
        "المجتمع",
        "المدرسة",
        "الحي",
        "المهاجرون",
        "المتطوعون",
        "المكتبة",
        "السوق",
        "السكن",
        "التدريب",
        "الشباب",
        "النساء",
        "المجلس",
        "الصحة",
        "اللغة",
        "الشائعات",
        "المسرح",
    ],
}
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "ti",
    "ve",
    "do",
    "ra",
    "pe",
    "li",
    "na",
    "so",
    "be",
    "gu",
    "fa",
    "ri",
    "mo",
    "te",
]
QUERIES = {
    # kind: (words per query, facets) — the common word is always one of them.
    "one common word (thousands of hits)": (1, False),
    "one rare word": (0, False),
    "three words": (3, False),
    "a word and two facets": (1, True),
    # Relaxed: stop words and a word no practice has, so most words are matched.
    "a question (most of its words)": (3, False),
    # Corrected: a real word with one letter changed, read as the index's word.
    "a misspelt word (corrected)": (1, False),
}


def made_up_words(rng, count=3000):
    return list(
        dict.fromkeys(
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(count)
        )
    )


def sentence(rng, vocabulary, real, length):
    words = []
    for _ in range(length):
        if rng.random() < 0.15:
            words.append(rng.choice(real[1:]))
        else:
            words.append(vocabulary[min(int(rng.paretovariate(1.1)) - 1, len(vocabulary) - 1)])
    return " ".join(words)


def build_tree(languages, out):
    Site.objects.all().delete()
    root = Page.get_first_root_node()
    homes, partners = {}, {}
    for language in languages:
        locale, _created = Locale.objects.get_or_create(language_code=language)
        home = HomePageFactory(parent=root, slug=f"bench-{language}", locale=locale)
        index = PartnerIndexPageFactory(parent=home, locale=locale)
        homes[language] = home
        partners[language] = [
            PartnerPageFactory(
                parent=index,
                locale=locale,
                slug=f"partner-{number}",
                title=f"Partner {number}",
                country=COUNTRIES[number % len(COUNTRIES)],
                organisation_type="municipality" if number % 3 else "ngo",
            )
            for number in range(24)
        ]
        for slug in THEMES:
            Theme.objects.get_or_create(locale=locale, slug=slug, defaults={"name": slug.title()})
    Site.objects.create(hostname="localhost", port=80, root_page=homes["en"], is_default_site=True)
    out(f"  tree: {len(languages)} languages, 24 partners each")
    return partners


def generate(practices, languages, out):
    rng = random.Random(SEED)  # noqa: S311 - a reproducible corpus
    vocabulary = made_up_words(rng)
    partners = build_tree(languages, out)
    content_type = ContentType.objects.get_for_model(PracticePage)
    now = timezone.now()
    for language in languages:
        locale = Locale.objects.get(language_code=language)
        themes = {theme.slug: theme for theme in Theme.objects.filter(locale=locale)}
        real = WORDS.get(language, WORDS["en"])
        children = {partner.pk: 0 for partner in partners[language]}
        for start in range(0, practices, 1000):
            pages, theme_links = [], []
            for number in range(start, min(start + 1000, practices)):
                partner = partners[language][number % len(partners[language])]
                children[partner.pk] += 1
                step = children[partner.pk]
                title = sentence(rng, vocabulary, real, rng.randint(3, 7)).capitalize()
                common = f"{real[0]} " if rng.random() < 0.5 else ""
                started = datetime.date(2010 + rng.randint(0, 15), rng.randint(1, 12), 1)
                page = PracticePage(
                    title=title,
                    draft_title=title,
                    slug=f"practice-{number}",
                    content_type=content_type,
                    path=PracticePage._get_path(partner.path, partner.depth + 1, step),
                    depth=partner.depth + 1,
                    numchild=0,
                    url_path=f"{partner.url_path}practice-{number}/",
                    live=True,
                    first_published_at=now - datetime.timedelta(minutes=number),
                    last_published_at=now,
                    locale=locale,
                    translation_key=uuid.UUID(int=rng.getrandbits(128)),
                    partner=partner,
                    summary=(common + sentence(rng, vocabulary, real, 30))[:300],
                    start_date=started,
                    ongoing=rng.random() < 0.6,
                    context=f"<p>{sentence(rng, vocabulary, real, 80)}</p>",
                    approach=f"<p>{common}{sentence(rng, vocabulary, real, 80)}</p>",
                    results=f"<p>{sentence(rng, vocabulary, real, 40)}</p>",
                )
                pages.append(page)
                for slug in rng.sample(THEMES, rng.randint(1, 3)):
                    theme_links.append((page, themes[slug]))
            with transaction.atomic():
                Page.objects.bulk_create(pages)  # the Page rows; then the practice rows
                for page in pages:
                    page.page_ptr_id = page.id
                fields = PracticePage._meta.local_concrete_fields
                PracticePage._base_manager._insert(pages, fields=fields)
                PracticePageTheme.objects.bulk_create(
                    [
                        PracticePageTheme(
                            page=page, theme=theme, locale=locale, translation_key=uuid.uuid4()
                        )
                        for page, theme in theme_links
                    ]
                )
            out(f"\r  {language}: {min(start + 1000, practices)}/{practices} practices", end="")
        for partner in partners[language]:
            Page.objects.filter(pk=partner.pk).update(numchild=children[partner.pk])
        out("")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def timed(prepare, run, repeat, cached):
    """Median and p95 of ``run(prepare())`` in ms. Cold (``cached`` false): the
    cached facet counts are retired before each request, as after any publication;
    warm: the same request was just made, so its counts come from the cache."""
    run(prepare())  # warm up the process (templates, connection, labels)
    times = []
    for _ in range(repeat):
        request = prepare()
        if cached:
            run(request)
        else:
            index_changed()
        started = time.perf_counter()
        run(request)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), percentile(times, 0.95)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=10_000, help="per language")
    parser.add_argument("--languages", default="en,it,de")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--regenerate", action="store_true")
    arguments = parser.parse_args()
    languages = arguments.languages.split(",")

    def out(text, end="\n"):
        print(text, end=end, flush=True)

    out(f"database: {connection.vendor}")
    call_command("migrate", verbosity=0)
    existing = PracticePage.objects.filter(slug__startswith="practice-").count()
    wanted = arguments.practices * len(languages)
    if arguments.regenerate or existing != wanted:
        for page in Page.objects.filter(depth=2):
            page.delete()
        started = time.perf_counter()
        generate(arguments.practices, languages, out)
        out(f"  corpus generated in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    call_command("rebuild_practice_index")
    elapsed = time.perf_counter() - started
    out(f"index rebuild: {wanted} practices in {elapsed:.1f} s, {wanted / elapsed:.0f} a second")

    rng = random.Random(SEED)  # noqa: S311
    real = WORDS["en"]
    vocabulary = made_up_words(random.Random(SEED))  # noqa: S311
    client = Client(HTTP_HOST="localhost")
    cache.clear()
    common_hits = PracticeQuery(language="en", text=real[0]).matching().count()
    out(f"'{real[0]}' matches {common_hits} of {arguments.practices} English practices")

    def search_request(kind):
        def prepare():
            count, facets = QUERIES[kind]
            words = [real[0]] + rng.sample(real[1:], max(count - 1, 0)) if count else []
            if not count:
                words = [vocabulary[rng.randint(200, 2000)]]
            if kind.startswith("a question"):
                words = ["how", "to", *words, "for", rng.choice(vocabulary[200:]) + "x"]
            if kind.startswith("a misspelt"):
                word = rng.choice(real[1:])
                position = rng.randint(1, len(word) - 2)
                words = [word[:position] + word[position + 1 :]]
            query = {"q": " ".join(words)}
            if facets:
                query.update(theme=rng.choice(THEMES), country=rng.choice(COUNTRIES))
            return query

        return prepare

    def get(query):
        response = client.get("/en/search/", query)
        if response.status_code != 200:
            raise SystemExit(f"{query}: {response.status_code}")

    def facet_counts(filters):
        PracticeQuery(language="en", filters=filters).facet_counts()

    def suggestions(prefix):
        client.get("/en/search/suggest/", {"q": prefix})

    rows = [(kind, search_request(kind), get) for kind in QUERIES]
    rows += [
        ("facet counts alone", lambda: {"theme": [rng.choice(THEMES)]}, facet_counts),
        ("suggestions", lambda: rng.choice(vocabulary[:300])[:3], suggestions),
        ("search page without a query", dict, get),
    ]
    # The reference, measured in this run: the page without a query, which matches
    # nothing and ranks nothing. Each request's cold p95 is also given against it.
    reference = timed(dict, get, arguments.repeat, cached=False)
    header = f"{'request':<40}{'cold median':>12}{'cold p95':>10}{'warm median':>12}"
    out(f"{header}{'warm p95':>10}{'p95 / ref':>10}")
    for label, prepare, run in rows:
        cold = timed(prepare, run, arguments.repeat, cached=False)
        warm = timed(prepare, run, arguments.repeat, cached=True)
        ratio = cold[1] / reference[1]
        out(
            f"{label:<40}{cold[0]:>12.1f}{cold[1]:>10.1f}{warm[0]:>12.1f}{warm[1]:>10.1f}"
            f"{ratio:>10.1f}"
        )


if __name__ == "__main__":
    main()
