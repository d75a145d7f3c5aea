"""A page not translated into a language is there all the same, in the best language it has.

The shared network is written in English, Italian and Arabic: in Greek, Romanian and the
other languages every page is an alias of one of those versions.
"""

import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page

from events.factories import EventPageFactory
from events.models import EventPage
from practices.factories import PracticePageFactory
from search import indexing
from website import fallbacks


@pytest.fixture(autouse=True)
def fallbacks_on(settings):
    settings.CONVIVIUM_FALLBACKS = True
    settings.CONVIVIUM_FALLBACK_LANGUAGES = {}


@pytest.fixture
def aliased(net):
    fallbacks.refresh()
    return net


@pytest.fixture
def indexed(aliased):
    """The practice index rebuilt: the network's pages were made without publishing."""
    indexing.rebuild()
    return aliased


def version(page, code):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code)


def publish(page):
    page.save_revision().publish()
    return page


def test_a_page_without_a_greek_translation_has_a_greek_alias_of_the_english(aliased):
    practice = aliased.page("practice")
    greek = version(practice, "el")
    assert greek.alias_of_id == practice.pk
    assert greek.live
    assert greek.url == "/el/partners/palermo/market-walks/"


def test_a_language_with_its_own_translation_gets_no_alias(aliased):
    practice = aliased.page("practice")
    assert version(practice, "it").alias_of_id is None


def test_the_configured_fallback_order_comes_before_english(net, settings):
    settings.CONVIVIUM_FALLBACK_LANGUAGES = {"ro": ["it"]}
    fallbacks.refresh()
    practice = net.page("practice")
    romanian = version(practice, "ro")
    assert romanian.alias_of_id == net.page("practice", "it").pk
    assert romanian.title == "Passeggiate al mercato"
    assert version(practice, "el").alias_of_id == practice.pk


def test_english_falls_back_to_any_version_a_page_has(net, locales):
    arabic_events = net.page("events", "ar")
    only_arabic = EventPageFactory(
        parent=arabic_events, title="أمسية الحكايات", slug="hikayat", locale=locales["ar"]
    )
    fallbacks.refresh()
    english = version(only_arabic, "en")
    assert english.alias_of_id == only_arabic.pk
    assert english.url == "/en/events/hikayat/"


def test_publishing_a_new_page_gives_it_aliases_in_every_language(
    net, django_capture_on_commit_callbacks
):
    fallbacks.refresh()
    with django_capture_on_commit_callbacks(execute=True):
        event = publish(EventPageFactory(parent=net.page("events"), title="Open day"))
    codes = set(
        EventPage.objects.filter(translation_key=event.translation_key).values_list(
            "locale__language_code", flat=True
        )
    )
    assert codes == {"en", "it", "el", "es", "pl", "ro", "de", "fr", "ar"}


def test_a_new_translation_takes_over_the_aliases_that_prefer_its_language(
    net, settings, django_capture_on_commit_callbacks
):
    settings.CONVIVIUM_FALLBACK_LANGUAGES = {"ro": ["it"]}
    fallbacks.refresh()
    with django_capture_on_commit_callbacks(execute=True):
        event = publish(EventPageFactory(parent=net.page("events"), title="Open day"))
    assert version(event, "ro").alias_of_id == event.pk
    with django_capture_on_commit_callbacks(execute=True):
        italian = version(event, "it").specific
        italian.alias_of_id = None  # as wagtail-localize does when a translator starts
        italian.title = "Giornata aperta"
        italian.save()
        publish(italian)
    romanian = version(event, "ro")
    assert romanian.alias_of_id == italian.pk
    assert romanian.title == "Giornata aperta"


def test_unpublishing_the_followed_version_moves_the_alias_to_the_next(
    net, settings, django_capture_on_commit_callbacks
):
    settings.CONVIVIUM_FALLBACK_LANGUAGES = {"ro": ["it"]}
    fallbacks.refresh()
    with django_capture_on_commit_callbacks(execute=True):
        net.page("practice", "it").unpublish()
    romanian = version(net.page("practice"), "ro")
    assert romanian.alias_of_id == net.page("practice").pk
    assert romanian.live
    assert romanian.title == "Market walks"


def test_deleting_the_only_version_leaves_no_copy_behind(net, django_capture_on_commit_callbacks):
    fallbacks.refresh()
    with django_capture_on_commit_callbacks(execute=True):
        event = publish(EventPageFactory(parent=net.page("events"), title="Open day"))
    assert Page.objects.filter(translation_key=event.translation_key).count() == 9
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=event.pk).delete()
    assert not Page.objects.filter(translation_key=event.translation_key).exists()


def test_deleting_the_followed_version_makes_the_aliases_again_from_the_next(
    net, settings, django_capture_on_commit_callbacks
):
    settings.CONVIVIUM_FALLBACK_LANGUAGES = {"ro": ["it"]}
    fallbacks.refresh()
    italian = net.page("local_event", "it")
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=italian.pk).delete()
    romanian = version(net.page("local_event"), "ro")
    assert romanian.alias_of_id == net.page("local_event").pk
    assert version(net.page("local_event"), "it").alias_of_id == net.page("local_event").pk


def test_the_command_makes_every_alias_and_shows_its_progress(net):
    out = io.StringIO()
    call_command("refresh_fallbacks", stdout=out)
    assert re.search(r"pages: (\d+)/\1", out.getvalue())
    assert "made" in out.getvalue()
    greek = Locale.objects.get(language_code="el")
    assert Page.objects.filter(locale=greek, alias_of__isnull=False).count() == (
        Page.objects.filter(locale__language_code="en", depth__gt=1).count()
    )
    again = io.StringIO()
    call_command("refresh_fallbacks", stdout=again)
    assert "Aliases: 0 made, 0 pointed" in again.getvalue()


# What readers see.


def test_a_greek_card_of_an_english_event_is_marked_english_with_a_greek_note(aliased, client):
    html = client.get("/el/events/").content.decode()
    cards = re.findall(r'<article class="card card--event.*?</article>', html, re.S)
    card = next(card for card in cards if "kick-off" in card)
    assert 'lang="en" dir="ltr"><a href="/el/events/kick-off/">' in card
    assert '<p class="fallback-note" lang="el" dir="ltr">' in card
    assert "Αγγλικά" in card  # "English", as Greek writes it (CLDR)


def test_an_english_card_of_an_arabic_only_event_is_right_to_left(net, locales, client):
    EventPageFactory(
        parent=net.page("events", "ar"),
        title="أمسية الحكايات",
        slug="hikayat",
        locale=locales["ar"],
    )
    fallbacks.refresh()
    html = client.get("/en/events/").content.decode()
    assert 'lang="ar" dir="rtl"><a href="/en/events/hikayat/">أمسية الحكايات</a>' in html
    assert "available in Arabic" in html


def test_the_greek_practice_index_lists_and_counts_every_practice_of_the_network(indexed, client):
    english = client.get("/en/practices/")
    greek = client.get("/el/practices/")
    assert greek.context["result_count"] == english.context["result_count"] > 0
    assert (
        greek.context["facets"][0].values[0].count == english.context["facets"][0].values[0].count
    )


def test_a_greek_result_of_an_english_practice_is_marked_english_with_a_greek_note(indexed, client):
    html = client.get("/el/practices/").content.decode()
    cards = re.findall(r'<article class="card card--result.*?</article>', html, re.S)
    card = next(card for card in cards if "Market walks" in card)
    assert 'lang="en" dir="ltr"><a href="/el/partners/palermo/market-walks/">' in card
    assert '<p class="fallback-note" lang="el" dir="ltr">' in card


def test_a_greek_search_finds_an_untranslated_practice_by_its_words(indexed, client):
    response = client.get("/el/search/?q=market+walks")
    assert response.context["result_count"] == 1
    assert [r.page.url for r in response.context["results"]] == [
        "/el/partners/palermo/market-walks/"
    ]


def test_a_search_in_every_language_finds_each_version_once_not_its_aliases(indexed, client):
    response = client.get("/el/search/?q=market+walks&all=on")
    pages = [result.page for result in response.context["results"]]
    assert "en" in [page.locale.language_code for page in pages]
    assert all(page.alias_of_id is None for page in pages)


def test_an_alias_page_shows_the_text_in_its_language_inside_the_greek_interface(aliased, client):
    html = client.get("/el/partners/palermo/market-walks/").content.decode()
    assert '<html lang="el" dir="ltr"' in html
    assert '<div lang="en" dir="ltr">' in html
    assert "Αγγλικά, Ιταλικά και Αραβικά" in html  # the original first, then the network's order
    assert 'href="/el/practices/"' in html  # the Greek menu


def test_an_alias_page_names_the_original_as_canonical_and_is_no_alternate(aliased, client):
    html = client.get("/el/partners/palermo/market-walks/").content.decode()
    assert '<link rel="canonical" href="http://localhost/en/partners/palermo/market-walks/">' in (
        html
    )
    assert 'hreflang="el"' not in html.split("</head>")[0]
    english = client.get("/en/partners/palermo/market-walks/").content.decode()
    assert 'hreflang="el"' not in english.split("</head>")[0]
    assert 'hreflang="it"' in english.split("</head>")[0]


def test_the_sitemap_lists_no_alias(aliased, client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/partners/palermo/market-walks/" in sitemap
    assert "/el/partners/palermo/market-walks/" not in sitemap


def test_a_signed_in_translator_gets_a_link_that_starts_the_translation(
    aliased, client, admin_user
):
    address = "/el/partners/palermo/market-walks/"
    start = f"/admin/localize/submit/page/{aliased.page('practice').pk}/"
    assert start not in client.get(address).content.decode()
    client.force_login(admin_user)
    assert start in client.get(address).content.decode()


def test_the_handbook_does_not_count_aliases_as_translations(aliased, client):
    html = client.get("/el/handbook/").content.decode()
    also_in = re.search(r'class="toc-languages">(.*?)</p>', html, re.S).group(1)
    assert "Ελληνικά" not in also_in
    assert "italiano" in also_in


def test_the_switcher_on_an_alias_says_the_page_is_not_translated(aliased, client):
    html = client.get("/en/partners/palermo/market-walks/").content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    greek = re.search(r'<a href="/el/[^"]*"[^>]*hreflang="el"[^>]*>', switcher).group(0)
    assert 'class="not-translated"' in greek


def test_the_switcher_notes_a_fallback_of_the_page_itself_in_a_few_words(aliased, client):
    html = client.get("/el/partners/palermo/market-walks/").content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    spanish = switcher.split('hreflang="es"')[1].split("</li>")[0]
    with translation.override("el"):
        assert translation.gettext("Not yet translated") in spanish
    # The title would only repeat the page the reader is on.
    assert "go to" not in spanish and "“" not in spanish


def queries_and_notes(client, url, make, numbers):
    """Queries of a Greek listing, and the fallback notes it shows, after ``make(n)``."""
    for number in numbers:
        make(number)
    fallbacks.refresh()
    indexing.rebuild()
    cache.clear()  # the aliases' publications emptied some caches, not others
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode().count('class="fallback-note"')


@pytest.mark.parametrize(
    ("url", "factory", "parent"),
    [
        ("/el/events/", EventPageFactory, "events"),
        ("/el/practices/", PracticePageFactory, "partner"),
    ],
)
def test_a_greek_listing_costs_the_same_queries_with_more_fallbacks(
    net, client, url, factory, parent
):
    def make(number):
        factory(parent=net.page(parent), title=f"Item {number}")

    few, few_notes = queries_and_notes(client, url, make, range(2))
    many, many_notes = queries_and_notes(client, url, make, range(2, 8))
    assert many_notes == few_notes + 6
    assert many == few


def test_a_partner_joining_with_its_languages_gets_translations_where_it_had_aliases(
    aliased, django_capture_on_commit_callbacks
):
    from partners.provisioning import translate_partner

    partner = aliased.page("partner")
    assert version(partner, "es").alias_of_id == partner.pk
    with django_capture_on_commit_callbacks(execute=True):
        translate_partner(partner, "es", None)
    spanish = version(partner, "es")
    assert spanish.alias_of_id is None
    assert spanish.live
    practice = version(aliased.page("practice"), "es")  # its children's aliases come back
    assert practice.alias_of_id == aliased.page("practice").pk
    assert practice.get_parent().pk == spanish.pk


def translate_title(page, locale, title):
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

    source = TranslationSource.objects.get_for_instance(page)
    segment = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=locale,
        context=segment.context,
        defaults={"data": title, "translation_type": "manual"},
    )


@pytest.fixture
def in_german_review(
    aliased, client, django_user_model, locales, django_capture_on_commit_callbacks
):
    """The German translation of the practice, started where its alias stood and submitted."""
    from tests.translators.conftest import member
    from translators import queue
    from translators.models import TranslationTask

    practice = aliased.page("practice")
    queue.refresh([practice.translation_key])
    task = TranslationTask.objects.get(
        translation_key=practice.translation_key, locale=locales["de"]
    )
    client.force_login(member(django_user_model, "anna", ("de", "translator")))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/translation-tasks/{task.pk}/start/")
    translate_title(practice, locales["de"], "Marktspaziergänge")
    queue.refresh([practice.translation_key])
    task.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/translation-tasks/{task.pk}/submit/")
    assert response.status_code == 302
    client.logout()
    return version(practice, "de").specific


def test_a_translation_in_review_keeps_the_alias_text_live_for_the_public(in_german_review, client):
    assert in_german_review.live
    assert in_german_review.workflow_in_progress
    assert in_german_review.get_latest_revision_as_object().title == "Marktspaziergänge"
    response = client.get("/de/partners/palermo/market-walks/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Market walks" in html
    assert "Marktspaziergänge" not in html


def test_a_page_in_review_is_labelled_as_the_text_it_shows(in_german_review, client):
    html = client.get("/de/partners/palermo/market-walks/").content.decode()
    assert re.search(r'<div[^>]+lang="en"', html)
    assert "fallback-note" in html
    listing = client.get("/de/partners/palermo/").content.decode()
    assert "Market walks" in listing and "Marktspaziergänge" not in listing


def test_a_page_in_review_is_not_aliased_again(in_german_review):
    fallbacks.refresh()
    german = version(in_german_review, "de")
    assert german.pk == in_german_review.pk
    assert german.alias_of_id is None


def approve(page, admin_client, capture):
    from wagtail.models import WorkflowState

    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).current_task_state
    with capture(execute=True):
        response = admin_client.post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/", {"comment": ""}
        )
    assert response.status_code in (200, 302)


def test_the_approved_translation_replaces_the_fallback(
    in_german_review, admin_client, client, django_capture_on_commit_callbacks
):
    from website.models import TranslationInReview

    approve(in_german_review, admin_client, django_capture_on_commit_callbacks)
    assert not TranslationInReview.objects.filter(page_id=in_german_review.pk).exists()
    html = client.get("/de/partners/palermo/market-walks/").content.decode()
    assert "Marktspaziergänge" in html
    assert "fallback-note" not in html


def test_a_live_translation_sent_again_from_the_queue_stays_as_published_until_review(
    in_german_review,
    admin_client,
    client,
    django_user_model,
    locales,
    django_capture_on_commit_callbacks,
):
    from tests.translators.conftest import member
    from translators.models import TranslationTask

    approve(in_german_review, admin_client, django_capture_on_commit_callbacks)
    translate_title(version(in_german_review, "en"), locales["de"], "Marktspaziergänge, neu")
    task = TranslationTask.objects.get(
        translation_key=in_german_review.translation_key, locale=locales["de"]
    )
    client.force_login(member(django_user_model, "berta", ("de", "translator")))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/translation-tasks/{task.pk}/submit/")
    assert response.status_code == 302
    client.logout()
    german = version(in_german_review, "de").specific
    assert german.title == "Marktspaziergänge"
    assert german.get_latest_revision_as_object().title == "Marktspaziergänge, neu"
    assert german.workflow_in_progress
    html = client.get("/de/partners/palermo/market-walks/").content.decode()
    assert "Marktspaziergänge" in html and "Marktspaziergänge, neu" not in html


def test_a_page_in_review_says_its_translation_is_in_review(in_german_review, client):
    html = client.get("/de/partners/palermo/market-walks/").content.decode()
    assert "Übersetzung in Prüfung: verfügbar auf Englisch" in html
    assert "Noch nicht übersetzt: verfügbar" not in html


def test_a_page_in_review_follows_a_new_publication_of_its_original(
    in_german_review, client, django_capture_on_commit_callbacks
):
    english = version(in_german_review, "en").specific
    themes = english.practice_themes.count()
    english.title = "Market walks, second season"
    with django_capture_on_commit_callbacks(execute=True):
        publish(english)
    german = version(in_german_review, "de").specific
    assert german.title == "Market walks, second season"
    assert german.alias_of_id is None
    assert german.has_unpublished_changes
    assert german.draft_title == "Marktspaziergänge"
    assert german.get_latest_revision_as_object().title == "Marktspaziergänge"
    assert german.practice_themes.count() == themes
    assert english.practice_themes.count() == themes  # copied, not taken over
    assert "Market walks, second season" in client.get(german.url).content.decode()


def test_a_page_in_review_follows_the_version_its_language_prefers_and_the_next_when_it_goes(
    in_german_review, settings, django_capture_on_commit_callbacks
):
    from website.models import TranslationInReview

    settings.CONVIVIUM_FALLBACK_LANGUAGES = {"de": ["it"]}
    italian = version(in_german_review, "it").specific
    with django_capture_on_commit_callbacks(execute=True):
        publish(italian)
    german = version(in_german_review, "de").specific
    assert german.title == italian.title
    assert TranslationInReview.objects.get(page=german).shows_id == italian.pk
    with django_capture_on_commit_callbacks(execute=True):
        italian.unpublish()
    german = version(in_german_review, "de").specific
    assert german.live
    assert german.title == "Market walks"
    assert TranslationInReview.objects.get(page=german).shows_id == version(german, "en").pk


def test_a_page_in_review_is_no_translation_for_search_engines(in_german_review, client):
    html = client.get("/de/partners/palermo/market-walks/").content.decode()
    head = html.split("</head>")[0]
    assert '<link rel="canonical" href="http://localhost/en/partners/palermo/market-walks/">' in (
        head
    )
    assert 'hreflang="de"' not in head
    english = client.get("/en/partners/palermo/market-walks/").content.decode()
    assert 'hreflang="de"' not in english.split("</head>")[0]
    assert "/de/partners/palermo/market-walks/" not in client.get("/sitemap.xml").content.decode()


def test_a_page_in_review_is_indexed_in_the_language_of_its_text(in_german_review):
    from search.models import PracticeEntry

    indexing.rebuild()
    entry = PracticeEntry.objects.get(page_id=in_german_review.pk)
    assert entry.language == "de"
    assert entry.text_language == "en"


def test_a_live_translation_resubmitted_stays_as_published_until_review(aliased, locales, client):
    from wagtail_localize.models import Translation, TranslationSource

    from website.drafts import saved_as_draft

    italian = publish(version(aliased.page("practice"), "it").specific)
    source, _created = TranslationSource.get_or_create_from_instance(aliased.page("practice"))
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locales["it"]
    )
    translate_title(aliased.page("practice"), locales["it"], "Passeggiate al mercato, rivedute")
    with saved_as_draft(italian):
        translation.save_target(publish=False)
    italian.refresh_from_db()
    assert italian.title != "Passeggiate al mercato, rivedute"
    assert italian.has_unpublished_changes
    assert italian.get_latest_revision_as_object().title == "Passeggiate al mercato, rivedute"


def test_a_translation_submitted_from_wagtail_localize_waits_as_a_draft_behind_the_alias_text(
    aliased, admin_client, locales, django_capture_on_commit_callbacks
):
    practice = aliased.page("practice")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/localize/submit/page/{practice.pk}/", {"locales": [locales["de"].pk]}
        )
    assert response.status_code == 302
    german = version(practice, "de")
    assert german.alias_of_id is None
    assert german.live
    assert german.title == "Market walks"
    assert german.has_unpublished_changes
    connection.check_constraints()


def test_a_translation_started_where_only_the_original_stood_keeps_its_records(net):
    """wagtail-localize deletes a page's translation records with its last translation."""
    from wagtail_localize.models import Translation, TranslationLog, TranslationSource

    event = publish(EventPageFactory(parent=net.page("events"), title="Only in English"))
    fallbacks.refresh()
    source, _created = TranslationSource.get_or_create_from_instance(event)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="de")
    )
    translation.save_target(publish=False)
    assert Translation.objects.filter(pk=translation.pk).exists()
    assert TranslationLog.objects.filter(source=source).exists()
    connection.check_constraints()


@pytest.fixture
def greek_theme(aliased, locales):
    from practices.models import Theme

    theme = Theme.objects.get(slug="integration", locale=locales["en"])
    greek = theme.copy_for_translation(locales["el"])
    greek.name = "Ένταξη"
    greek.save()
    return greek


def test_an_alias_page_names_its_themes_in_the_readers_language(greek_theme, client):
    html = client.get("/el/partners/palermo/market-walks/").content.decode()
    assert "<li>Ένταξη</li>" in html
    assert "<li>Integration</li>" not in html


def test_an_alias_card_names_its_themes_in_the_readers_language(greek_theme, client):
    html = client.get("/el/partners/palermo/").content.decode()
    assert "<li>Ένταξη</li>" in html
    assert "<li>Integration</li>" not in html


def test_the_aliases_of_a_moved_page_follow_it_under_its_new_parent(aliased):
    from partners.factories import PartnerPageFactory

    cluj = publish(PartnerPageFactory(parent=aliased.page("partners"), title="Cluj", slug="cluj"))
    fallbacks.refresh()
    aliased.page("practice").move(cluj, pos="last-child")
    greek = version(aliased.page("practice"), "el")
    assert greek.alias_of_id == aliased.page("practice").pk
    assert greek.get_parent().pk == version(cluj, "el").pk


def test_the_greek_book_marks_a_chapter_in_english_with_a_greek_note(aliased, client):
    from handbook.book import gather

    greek = version(aliased.page("handbook"), "el").specific
    (chapter,) = gather(greek).chapters
    assert chapter.fallback.language == "en"
    html = client.get("/el/handbook/print/").content.decode()
    assert re.search(r'<h2 class="chapter-title" lang="en" dir="ltr">', html)
    assert 'class="fallback-note" lang="el"' in html
