"""The demo network: its content files, and loading it twice."""

import datetime
import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings
from django.utils import timezone

from website.demo import content

PARTNERS = [content.load(path) for path in content.partner_files()]
NETWORK = content.load("network.toml")
NETWORK_LANGUAGES = {"en", "it", "ar"}
SYNONYM_GROUPS = len(content.load("synonyms.toml")["synonyms"])


def words(table):
    texts = [value for value in table.values() if isinstance(value, str)]
    texts += [item for value in table.values() if isinstance(value, list) for item in value]
    return sum(len(text.split()) for text in texts if isinstance(text, str))


def all_items():
    yield "home", NETWORK["home"]
    yield "handbook", NETWORK["handbook"]
    for key in ("pages", "events", "chapters"):
        for item in NETWORK[key]:
            yield item["slug"], item
    for data in PARTNERS:
        yield data["partner"]["slug"], data["partner"]
        yield "about", data["about"]
        for key in ("practices", "events"):
            for item in data[key]:
                yield item["slug"], item


def test_eight_partners_in_eight_countries_municipalities_and_ngos():
    assert len(PARTNERS) == 8
    assert len({data["partner"]["country"] for data in PARTNERS}) == 8
    kinds = {data["partner"]["organisation_type"] for data in PARTNERS}
    assert {"municipality", "ngo"} <= kinds


def test_at_least_40_practices_of_100_to_400_words_over_all_themes():
    practices = [item for data in PARTNERS for item in data["practices"]]
    assert len(practices) >= 40
    for item in practices:
        assert 100 <= words(item["en"]) <= 400, item["slug"]
    themes = {theme for item in practices for theme in item["themes"]}
    assert themes == {term["slug"] for term in content.load("taxonomy.toml")["themes"]}


def test_eight_transnational_events_over_24_months_past_and_upcoming():
    days = sorted(event["days_from_today"] for event in NETWORK["events"])
    assert len(days) == 8
    assert days[0] < 0 < days[-1]
    assert days[-1] - days[0] <= 730
    local_events = [event for data in PARTNERS for event in data["events"]]
    assert len(local_events) >= 8


def test_handbook_has_six_chapters_citing_existing_practices():
    practices = {f"{d['partner']['slug']}/{p['slug']}" for d in PARTNERS for p in d["practices"]}
    assert len(NETWORK["chapters"]) >= 6
    for chapter in NETWORK["chapters"]:
        assert chapter["cites"]
        assert set(chapter["cites"]) <= practices


def test_the_network_structure_is_written_in_every_configured_language():
    sections = content.load("sections.toml")
    structure = [NETWORK["home"], NETWORK["handbook"], *NETWORK["pages"], *sections.values()]
    for item in structure:
        assert set(content.languages_of(item)) == {code for code, _name in settings.LANGUAGES}


def test_about_contact_and_privacy_pages_exist():
    assert {page["slug"] for page in NETWORK["pages"]} == {"about", "contact", "privacy"}


@pytest.mark.parametrize("slug,item", list(all_items()), ids=lambda value: str(value)[:30])
def test_every_item_is_translated_entry_by_entry(slug, item):
    languages = set(content.languages_of(item))
    assert languages >= NETWORK_LANGUAGES
    for language in languages - {"en"}:
        content.translation_pairs(item["en"], item[language])  # raises on a mismatch
        if "summary" in item[language]:
            assert len(item[language]["summary"]) <= 300


def test_partner_pages_are_also_in_the_partners_language():
    for data in PARTNERS:
        language = data["partner"]["language"]
        assert language in data["partner"]
        for item in data["practices"] + data["events"] + [data["about"]]:
            assert language in item


SNAPSHOT = """
from django.apps import apps
for label in ("wagtailcore.Page", "wagtailcore.Revision", "wagtailimages.Image",
              "wagtail_localize.Translation", "wagtail_localize.StringTranslation",
              "practices.Theme", "practices.TargetGroup", "search.SearchSynonym",
              "wagtailmenus.MainMenuItem",
              "wagtailmenus.FlatMenuItem", "auth.User"):
    print(label, apps.get_model(label).objects.count())
"""


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory):
    """A database of its own for the demo command, on the engine the suite runs on."""
    folder = tmp_path_factory.mktemp("demo")
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{folder / 'demo.sqlite3'}", folder
        return
    server = url.rsplit("/", 1)[0]
    name = f"convivium_demo_{os.getpid()}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    yield f"{server}/{name}", folder
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="module")
def demo(demo_database):
    """The demo (one partner) loaded once, at the suite's instant, with what it printed."""
    database_url, folder = demo_database

    def manage(*args):
        return run_manage(database_url, folder, *args)

    manage("migrate", "--noinput")
    return {"manage": manage, "first_run": manage("load_demo", "--partners", "palermo")}


def run_manage(database_url, folder, *args):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "MEDIA_ROOT": str(folder / "media"),
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    return result.stdout


EVENT_DATES = """
from django.utils import timezone
from events.models import EventPage
for event in EventPage.objects.filter(locale__language_code="en"):
    print(event.slug, event.local_start.date().isoformat(), event.end < timezone.now())
"""


def test_demo_events_are_placed_from_the_day_it_is_loaded(demo):
    """The demo computes its dates from the day it runs; the suite runs it at its instant."""
    rows = [
        line.split()
        for line in demo["manage"]("shell", "--no-imports", "-c", EVENT_DATES).splitlines()
    ]
    loaded = {slug: (day, past) for slug, day, past in rows}
    today = timezone.localdate()
    for item in NETWORK["events"]:
        day = today + datetime.timedelta(days=item["days_from_today"])
        assert loaded[item["slug"]] == (day.isoformat(), str(item["days_from_today"] < 0))


def test_loading_the_demo_twice_changes_nothing(demo):
    manage, first_run = demo["manage"], demo["first_run"]
    first = counts(manage("shell", "--no-imports", "-c", SNAPSHOT))
    second_run = manage("load_demo", "--partners", "palermo")
    assert "themes: 11/11 done" in first_run
    assert f"search synonyms: {SYNONYM_GROUPS}/{SYNONYM_GROUPS} done" in first_run
    assert "user admin  password convivium" in first_run
    assert "0 items created" in second_run
    assert counts(manage("shell", "--no-imports", "-c", SNAPSHOT)) == first
    assert first["wagtailcore.Page"] > 40
    assert first["wagtail_localize.StringTranslation"] > 100
    assert first["search.SearchSynonym"] == SYNONYM_GROUPS * len(settings.LANGUAGES)


def counts(output):
    rows = (line.split() for line in output.splitlines())
    return {row[0]: int(row[1]) for row in rows if len(row) == 2 and row[1].isdigit()}
