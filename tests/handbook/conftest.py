import io

import pytest
from django.utils.safestring import mark_safe
from pypdf import PdfReader

from handbook.book import Book, Chapter, Citation
from handbook.building import book_html, render_pdf

TITLES = {
    "en": ["Understanding ethnic stigma", "Changing the narrative", "Schools and young people"],
    "el": ["Κατανοώντας το εθνοτικό στίγμα", "Αλλάζοντας την αφήγηση", "Σχολεία και νέοι"],
    "ar": ["فهم الوصم العرقي", "تغيير السردية", "المدارس والشباب"],
}

FILLER = {
    "en": "Partners compare what works in their neighbourhoods. ",
    "el": "Οι εταίροι συγκρίνουν ό,τι λειτουργεί στις γειτονιές τους. ",
    "ar": "يقارن الشركاء ما ينجح في أحيائهم. ",
}


def tiny_book(language, titles=None):
    """A book of three short chapters, each long enough to need more than one page."""
    titles = titles or TITLES[language]
    chapters = [
        Chapter(
            number=number,
            title=title,
            intro=f"{title}.",
            anchor=f"chapter-{number}",
            body=mark_safe(  # noqa: S308 - written here
                f'<h2 id="c{number}-section">{title} (1)</h2>'
                + f"<p>{FILLER[language] * 60}</p>" * 3
            ),
            citations=[
                Citation(
                    title="Ballarò market walks",
                    partner="Comune di Palermo",
                    summary="Residents guide walks through their market.",
                    url=f"https://example.org/{language}/practices/market-walks/",
                )
            ],
        )
        for number, title in enumerate(titles, start=1)
    ]
    return Book(
        language=language,
        title={"en": "Handbook", "el": "Εγχειρίδιο", "ar": "الدليل"}.get(language, "Handbook"),
        intro="",
        body="",
        url=f"https://example.org/{language}/handbook/",
        chapters=chapters,
    )


@pytest.fixture(scope="session")
def pdfs():
    """The PDF of the tiny book in English, Greek and Arabic, each built once per run."""
    built = {}

    def get(language):
        if language not in built:
            built[language] = PdfReader(io.BytesIO(render_pdf(book_html(tiny_book(language)))))
        return built[language]

    return get
