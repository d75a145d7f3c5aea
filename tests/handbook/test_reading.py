"""Reading the handbook online: contents, states, languages, the whole book on one page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from handbook.book import gather
from practices.factories import HandbookChapterPageFactory
from practices.models import ChapterStatus, HandbookChapterPage


def add_chapters(handbook, count, **fields):
    return [HandbookChapterPageFactory(parent=handbook, **fields) for _ in range(count)]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_handbook_lists_chapters_by_state(client, net):
    handbook = net.page("handbook")
    add_chapters(handbook, 1, title="Schools", status=ChapterStatus.IN_REVIEW)
    response = client.get(handbook.url)
    states = {
        label: [chapter.title for chapter in chapters]
        for _status, label, chapters in response.context["chapter_states"]
    }
    assert states == {"Approved": ["Understanding stigma"], "In review": ["Schools"]}
    assert "2. Schools" in response.text


def test_handbook_names_the_languages_each_chapter_is_translated_into(client, net):
    response = client.get(net.page("handbook").url)
    # Each autonym in <bdi>, joined as CLDR joins an English list.
    assert "Also in: <bdi>العربيّة</bdi> and <bdi>italiano</bdi>" in response.text


def test_chapter_says_its_place_in_the_book(client, net):
    add_chapters(net.page("handbook", "ar"), 2)
    response = client.get(net.page("chapter", "ar").url)
    assert response.context["chapter_count"] == 3
    assert 'dir="rtl"' in response.text


def test_section_headings_of_a_chapter_have_anchors(client, net):
    chapter = net.page("chapter")
    chapter.body = [("heading", {"text": "Why facts are not enough", "level": "h2"})]
    chapter.save_revision().publish()
    response = client.get(chapter.url)
    assert '<h2 id="why-facts-are-not-enough">' in response.text


def test_book_keeps_chapter_anchors_apart(net):
    handbook = net.page("handbook")
    for chapter in add_chapters(handbook, 2):
        chapter.body = [("heading", {"text": "Lessons", "level": "h2"})]
        chapter.save_revision().publish()
    book = gather(handbook)
    assert [chapter.number for chapter in book.chapters] == [1, 2, 3]
    assert 'id="c2-lessons"' in book.chapters[1].body
    assert 'id="c3-lessons"' in book.chapters[2].body


def test_book_cites_practices_in_the_readers_language(net):
    book = gather(net.page("handbook", "ar"))
    (citation,) = book.chapters[0].citations
    assert citation.title == "جولات في السوق"
    assert citation.partner == "باليرمو"
    assert citation.url == "http://localhost/ar/partners/palermo/market-walks/"


def test_print_page_shows_the_whole_book_in_the_readers_language(client, net):
    response = client.get("/ar/handbook/print/")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.text
    assert "فهم الوصم" in response.text
    assert "جولات في السوق" in response.text
    assert "handbook/css/book.css" in response.text


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("path", ["", "print/"])
def test_handbook_pages_need_as_many_queries_for_six_chapters_as_for_one(
    client, net, language, path, django_assert_max_num_queries
):
    handbook = net.page("handbook", language)
    url = f"{handbook.url}{path}"
    client.get(url)  # caches (menus, site roots) warm
    few = queries(client, url)
    add_chapters(handbook, 5)
    many = queries(client, url)
    assert many == few
    with django_assert_max_num_queries(20):
        client.get(url)


def test_chapter_needs_as_many_queries_in_a_long_book(client, net):
    chapter = net.page("chapter", "ar")
    client.get(chapter.url)
    few = queries(client, chapter.url)
    add_chapters(net.page("handbook", "ar"), 5)
    assert queries(client, chapter.url) == few


def test_chapters_are_counted_among_live_ones_only(net):
    handbook = net.page("handbook")
    draft = add_chapters(handbook, 1)[0]
    draft.unpublish()
    assert [chapter.title for chapter in gather(handbook).chapters] == ["Understanding stigma"]
    assert HandbookChapterPage.objects.child_of(handbook).count() == 2
