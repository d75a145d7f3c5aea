"""The PDF: chapter titles in the book's language, in order, with contents, headers and boxes."""

import unicodedata

import pytest

from .conftest import TITLES


def text(page):
    # Arabic may come back in presentation forms: compare letters, not glyph variants.
    return unicodedata.normalize("NFKC", page.extract_text())


def first_page_with(reader, title, start=0):
    for number in range(start, len(reader.pages)):
        if title in text(reader.pages[number]):
            return number
    return None


@pytest.mark.parametrize("language", ["en", "el", "ar"])
def test_pdf_has_the_chapter_titles_in_its_language_in_page_order(pdfs, language):
    reader = pdfs(language)
    titles = TITLES[language]
    # Skip the cover and the contents: the chapters start after them.
    pages = [first_page_with(reader, title, start=2) for title in titles]
    assert None not in pages, pages
    assert pages == sorted(pages)
    assert len(set(pages)) == len(pages)


@pytest.mark.parametrize("language", ["en", "el", "ar"])
def test_pdf_bookmarks_are_the_chapters_with_their_pages(pdfs, language):
    reader = pdfs(language)
    chapters = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in chapters] == TITLES[language]
    pages = [reader.get_destination_page_number(item) for item in chapters]
    assert pages == sorted(pages) and pages[0] >= 2


@pytest.mark.parametrize("language", ["en", "el", "ar"])
def test_contents_give_the_page_where_each_chapter_starts(pdfs, language):
    reader = pdfs(language)
    contents = text(reader.pages[1])
    for item in (item for item in reader.outline if not isinstance(item, list)):
        assert item.title in contents
        assert str(reader.get_destination_page_number(item) + 1) in contents


def test_pages_carry_the_chapter_title_as_running_header_and_a_page_number(pdfs):
    reader = pdfs("en")
    # Margin boxes are drawn after the page's content: they come last in the text.
    *_content, header, number = text(reader.pages[3]).splitlines()
    assert header.strip() == TITLES["en"][0]
    assert number.strip() == "4"


def test_cover_has_neither_header_nor_page_number(pdfs):
    cover = text(pdfs("en").pages[0])
    assert "Handbook" in cover
    assert TITLES["en"][0] not in cover
    assert "1" not in cover.split()


def test_each_cited_practice_is_a_box_with_partner_and_link(pdfs):
    reader = pdfs("el")
    whole = "\n".join(text(page) for page in reader.pages)
    assert whole.count("Comune di Palermo") == 3
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/URI" in annotation.get_object().get("/A", {})
    ]
    assert "https://example.org/el/practices/market-walks/" in links


@pytest.mark.parametrize("language", ["el", "ar"])
def test_text_is_set_in_the_fonts_shipped_with_the_project(pdfs, language):
    fonts = {
        font.get_object()["/BaseFont"].split("+")[-1]
        for page in pdfs(language).pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    expected = {"el": "Book-Sans", "ar": "Book-Arabic"}[language]
    assert expected in fonts


def test_arabic_is_extracted_in_reading_order_from_the_right_to_left_page(pdfs):
    page = text(pdfs("ar").pages[2])
    assert TITLES["ar"][0] in page
    assert "يقارن الشركاء ما ينجح في أحيائهم" in page


def test_shipped_arabic_font_keeps_the_joining_forms():
    from fontTools.ttLib import TTFont

    from handbook.building import FONTS

    for weight in ("Regular", "Bold"):
        font = TTFont(FONTS / f"NotoNaskhArabic-{weight}.ttf")
        features = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
        assert {"init", "medi", "fina", "rlig"} <= features


def test_shipped_fonts_cover_the_scripts_of_the_network():
    from fontTools.ttLib import TTFont

    from handbook.building import FONTS

    sans = TTFont(FONTS / "NotoSans-Regular.ttf").getBestCmap()
    arabic = TTFont(FONTS / "NotoNaskhArabic-Regular.ttf").getBestCmap()
    # Polish, Romanian, German, French, Greek, Cyrillic (Bulgarian, Ukrainian) and Arabic.
    for text, cmap in [("łśżźćńąęșțäöüßçœ", sans), ("αβγδεζηθάέή", sans), ("жщюяїєґ", sans)]:
        assert all(ord(letter) in cmap for letter in text), text
    assert all(ord(letter) in arabic for letter in "الوصم العرقي،؟")
