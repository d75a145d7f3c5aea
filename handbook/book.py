"""The handbook in one language as a book: the content that the print page, PDF and EPUB show."""

import re
import uuid
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from practices.models import ChapterCitation, HandbookChapterPage, PracticePage
from website.fallbacks import Fallback, fallbacks_for

ANCHOR = re.compile(r'(\bid="|\bhref="#)([^"]+)"')


@dataclass
class Citation:
    title: str
    partner: str
    summary: str
    url: str


@dataclass
class Chapter:
    number: int
    title: str
    intro: str
    anchor: str
    body: str
    citations: list[Citation] = field(default_factory=list)
    page: HandbookChapterPage | None = None
    fallback: Fallback | None = None  # a chapter not yet translated: the text it shows


@dataclass
class Book:
    language: str
    title: str
    intro: str
    body: str
    url: str
    chapters: list[Chapter]
    key: uuid.UUID = field(default_factory=uuid.uuid4)
    updated: object = None
    edition: object = None

    @property
    def direction(self):
        return "rtl" if get_language_info(self.language)["bidi"] else "ltr"


def scoped(html, prefix):
    """Give the ids and in-page links of one chapter a prefix, unique in the whole book.

    ``html`` is a rendered StreamField: safe already, and still safe with the prefixes.
    """
    return mark_safe(ANCHOR.sub(lambda match: f'{match[1]}{prefix}-{match[2]}"', html))  # noqa: S308


def chapter_pages(handbook):
    """The live public chapters of a handbook page, in order, with their bodies."""
    return list(HandbookChapterPage.objects.live().public().child_of(handbook).order_by("path"))


def citations_by_chapter(chapters, locale_id, absolute=True, request=None):
    """Cited practices of each chapter in the chapters' language, in a fixed number of queries."""
    citations = list(
        ChapterCitation.objects.filter(page__in=chapters)
        .order_by("page_id", "sort_order")
        .values_list("page_id", "practice__translation_key")
    )
    keys = {key for _page, key in citations}
    practices = {
        practice.translation_key: practice
        for practice in PracticePage.objects.live()
        .public()
        .filter(translation_key__in=keys, locale_id=locale_id)
        .select_related("partner")
        .defer_streamfields()
    }
    cited = {chapter.pk: [] for chapter in chapters}
    for page_id, key in citations:
        practice = practices.get(key)
        if practice is None:
            continue
        url = practice.get_full_url(request) if absolute else practice.get_url(request)
        cited[page_id].append(
            Citation(
                title=practice.title,
                partner=practice.partner.title if practice.partner else "",
                summary=practice.summary,
                url=url or "",
            )
        )
    return cited


def gather(handbook, edition=None, request=None):
    """The book of one handbook page (one language), ready for the book templates."""
    with translation.override(handbook.locale.language_code):
        pages = chapter_pages(handbook)
        cited = citations_by_chapter(pages, handbook.locale_id, request=request)
        fallbacks = fallbacks_for(pages, handbook.locale_id)
        chapters = [
            Chapter(
                number=number,
                title=page.title,
                intro=page.intro,
                anchor=f"chapter-{number}",
                body=scoped(str(page.body), f"c{number}"),
                citations=cited[page.pk],
                page=page,
                fallback=fallbacks.get(page.pk),
            )
            for number, page in enumerate(pages, start=1)
        ]
        published = [page.last_published_at for page in [handbook, *pages]]
        return Book(
            language=handbook.locale.language_code,
            title=handbook.title,
            intro=handbook.intro,
            body=scoped(str(handbook.body), "intro"),
            url=handbook.get_full_url(request) or "",
            chapters=chapters,
            key=handbook.translation_key,
            updated=max((moment for moment in published if moment), default=None),
            edition=edition,
        )
